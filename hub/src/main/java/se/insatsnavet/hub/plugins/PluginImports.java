package se.insatsnavet.hub.plugins;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.mapping.MappingResult;
import se.insatsnavet.connectors.mapping.RecordMessage;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.hub.imports.Change;
import se.insatsnavet.hub.imports.RecordPlugins;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.plugin.api.EnricherPlugin;
import se.insatsnavet.plugin.api.ImportListener;
import se.insatsnavet.plugin.api.MappingException;
import se.insatsnavet.plugin.api.PluginFactory;
import se.insatsnavet.plugin.api.PluginMessage;
import se.insatsnavet.plugin.api.RawSourceRecord;
import se.insatsnavet.plugin.api.RecordContext;
import se.insatsnavet.plugin.api.RecordMapperPlugin;
import se.insatsnavet.plugin.api.SourceConnectorPlugin;
import se.insatsnavet.plugin.api.SourceRequest;
import se.insatsnavet.plugin.api.ValidatorPlugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The plugins' part of an import: mapper, enrichers and validators a source names, import listeners, and
 * plugin source connectors. Every call is contained by the {@link PluginHost}: a failing plugin rejects the
 * records it was given (with its reason in the run report) and is marked failed; imports of sources that do
 * not use it, and of other federations, go on.
 */
public final class PluginImports implements RecordPlugins {

    private static final Logger LOG = LoggerFactory.getLogger(PluginImports.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PluginHost host;

    public PluginImports(PluginHost host) {
        this.host = host;
    }

    private static RecordContext context(FederationDescriptor federation, SourceDescriptor source, String locator) {
        return new RecordContext(federation.id(), source.id(), locator, source.language(), federation.municipalities());
    }

    private <T extends PluginFactory> T running(String id, Class<T> point, String role) {
        PluginHost.Entry entry = host.plugin(id).orElseThrow(() -> new IllegalStateException(
                "No plugin '" + id + "' is running (named as " + role + "); see GET /admin/plugins"));
        if (!point.isInstance(entry.plugin)) {
            throw new IllegalStateException("Plugin '" + id + "' is not a " + role + " (it provides "
                    + String.join(", ", entry.points()) + ")");
        }
        return point.cast(entry.plugin);
    }

    /** The {@link PluginSourceComponent} URI of the source: read through the plugin its kind names. */
    @Override
    public String sourceEndpointUri(FederationDescriptor federation, SourceDescriptor source) {
        return PluginSourceComponent.endpointUri(federation, source);
    }

    @Override
    public Function<RawRecord, MappingResult> mapper(FederationDescriptor federation, SourceDescriptor source) {
        String id = source.plugins().mapper();
        RecordMapperPlugin mapper = running(id, RecordMapperPlugin.class, "mapper");
        return raw -> {
            try {
                ObjectNode service = host.call(id, "map(" + raw.locator() + ")",
                        () -> mapper.map(raw.fields(), context(federation, source, raw.locator())));
                if (service == null) {
                    return failed(raw, "Mapper plugin '" + id + "' returned nothing for this record", null, null);
                }
                String localId = service.path("localId").isTextual() ? service.path("localId").asText() : null;
                return new MappingResult(localId, service, List.of(), List.of());
            } catch (MappingException e) {
                return failed(raw, e.getMessage(), e.field(), e.value());
            } catch (RuntimeException e) {
                return failed(raw, e.getMessage(), null, null);
            }
        };
    }

    private static MappingResult failed(RawRecord raw, String message, String field, String value) {
        return new MappingResult(null, JSON.createObjectNode(), List.of(),
                List.of(new RecordMessage(raw.locator(), null, field, value, message)));
    }

    @Override
    public Outcome process(FederationDescriptor federation, SourceDescriptor source, String locator, String localId,
                           ObjectNode service) {
        List<RecordMessage> errors = new ArrayList<>();
        List<RecordMessage> warnings = new ArrayList<>();
        RecordContext context = context(federation, source, locator);
        for (String id : source.plugins().enrichers()) {
            try {
                EnricherPlugin enricher = running(id, EnricherPlugin.class, "enricher");
                ObjectNode enriched = host.call(id, "enrich(" + locator + ")", () -> enricher.enrich(service, context));
                if (enriched != null && enriched != service) {
                    service.removeAll();
                    service.setAll(enriched);
                }
            } catch (RuntimeException e) {
                errors.add(new RecordMessage(locator, localId, null, null, e.getMessage()));
                return new Outcome(errors, warnings);
            }
        }
        for (String id : source.plugins().validators()) {
            try {
                ValidatorPlugin validator = running(id, ValidatorPlugin.class, "validator");
                List<PluginMessage> messages = host.call(id, "validate(" + locator + ")",
                        () -> validator.validate(service, context));
                for (PluginMessage m : messages == null ? List.<PluginMessage>of() : messages) {
                    RecordMessage message = new RecordMessage(locator, localId, m.field(), m.value(), m.message()
                            + " (" + id + ")");
                    (m.error() ? errors : warnings).add(message);
                }
            } catch (RuntimeException e) {
                errors.add(new RecordMessage(locator, localId, null, null, e.getMessage()));
            }
        }
        return new Outcome(errors, warnings);
    }

    @Override
    public void changed(String federationId, List<Change> changes, RunReport report) {
        for (ImportListener listener : host.active(ImportListener.class)) {
            try {
                host.call(listener.id(), "import listener", () -> {
                    for (Change c : changes) {
                        switch (c.action()) {
                            case ADDED -> listener.serviceAdded(federationId, c.serviceId());
                            case UPDATED -> listener.serviceChanged(federationId, c.serviceId());
                            case DELETED -> listener.serviceRemoved(federationId, c.serviceId());
                        }
                    }
                    listener.runFinished(federationId, report.sourceId(), report.id(), report.status().label());
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Import listener '{}': {}", listener.id(), e.getMessage());
            }
        }
    }

    /**
     * Reads a source through the connector plugin its kind names.
     *
     * @throws IOException when the plugin cannot read the source, or the plugin is not running or failed
     */
    public SourceBatch read(FederationDescriptor federation, SourceDescriptor source) throws IOException {
        SourceConnectorPlugin connector;
        try {
            connector = running(source.kind(), SourceConnectorPlugin.class, "source connector");
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
        SourceRequest request = new SourceRequest(federation.id(), source.id(), source.location(),
                federation.directory(), source.format(), source.options());
        List<RawSourceRecord> records;
        try {
            records = host.call(connector.id(), "read", () -> connector.read(request));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (PluginCalls.PluginFailure e) {
            throw new IOException(e.getMessage(), e);
        }
        List<RawRecord> raw = new ArrayList<>();
        StringBuilder content = new StringBuilder();
        for (RawSourceRecord r : records == null ? List.<RawSourceRecord>of() : records) {
            raw.add(new RawRecord(r.locator(), r.fields()));
            content.append(r.locator()).append('\u0000').append(JSON.writeValueAsString(r.fields())).append('\n');
        }
        return new SourceBatch(federation.id(), source.id(), raw, List.of(), SourceBatch.fingerprintOf(content.toString()),
                Instant.now());
    }
}
