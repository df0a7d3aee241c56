package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.mapping.MappingResult;
import se.insatsnavet.connectors.mapping.RecordMessage;
import se.insatsnavet.connectors.source.RawRecord;

import java.util.List;
import java.util.function.Function;

/**
 * What plugins do during an import: the connector endpoint of a source whose kind a plugin provides, the mapper a
 * source names, its enrichers and validators, and the import listeners told of changes. The plugin host implements
 * it (the import pipeline knows plugins only through this interface); {@link #NONE} is an import without plugins.
 * Implementations contain plugin failures: a failing enricher or validator becomes a message, never an
 * exception.
 */
public interface RecordPlugins {

    RecordPlugins NONE = new RecordPlugins() {
        @Override
        public String sourceEndpointUri(FederationDescriptor federation, SourceDescriptor source) {
            throw new IllegalStateException("No connector for kind '" + source.kind() + "' of source '" + source.id()
                    + "': it is no built-in kind and this hub runs without plugins");
        }

        @Override
        public Function<RawRecord, MappingResult> mapper(FederationDescriptor federation, SourceDescriptor source) {
            throw new IllegalStateException("Source '" + source.id() + "' names the mapper plugin '"
                    + source.plugins().mapper() + "', but this hub runs without plugins");
        }

        @Override
        public Outcome process(FederationDescriptor federation, SourceDescriptor source, String locator,
                               String localId, ObjectNode service) {
            return source.plugins().enrichers().isEmpty() && source.plugins().validators().isEmpty() ? Outcome.NONE
                    : new Outcome(List.of(new RecordMessage(locator, localId, null, null,
                    "The source names enricher or validator plugins, but this hub runs without plugins")), List.of());
        }

        @Override
        public void changed(String federationId, List<Change> changes, RunReport report) {
        }
    };

    /**
     * The Camel endpoint URI of a source whose kind is no built-in connector (a source connector plugin's id): the
     * plugin host's component reads it through the plugin.
     *
     * @throws IllegalStateException when this hub has no way to read plugin sources (the source's routes are not made)
     */
    String sourceEndpointUri(FederationDescriptor federation, SourceDescriptor source);

    /**
     * The mapper plugin the source names, as a mapping function.
     *
     * @throws IllegalStateException when that plugin is not running (the run fails; published data stays)
     */
    Function<RawRecord, MappingResult> mapper(FederationDescriptor federation, SourceDescriptor source);

    /** What the plugins said about one record: errors reject it, warnings go into the run report. */
    record Outcome(List<RecordMessage> errors, List<RecordMessage> warnings) {
        public static final Outcome NONE = new Outcome(List.of(), List.of());
    }

    /**
     * Runs the source's enrichers (which may change {@code service}) and then its validators on one mapped
     * service.
     */
    Outcome process(FederationDescriptor federation, SourceDescriptor source, String locator, String localId,
                    ObjectNode service);

    /** Tells the import listeners what a finished run changed. */
    void changed(String federationId, List<Change> changes, RunReport report);
}
