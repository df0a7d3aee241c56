package se.insatsnavet.hub.imports;

import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.feed.FeedSourceComponent;
import se.insatsnavet.connectors.file.FileSourceComponent;
import se.insatsnavet.connectors.hsds.HsdsSourceComponent;
import se.insatsnavet.connectors.http.HttpSourceComponent;
import se.insatsnavet.connectors.wordpress.WordPressSourceComponent;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * How a source is named in Camel: the connector endpoint URI of its kind (a built-in connector, or the plugin
 * host's component for any other kind, through {@link RecordPlugins#sourceEndpointUri}), and the URI and ids of
 * its routes.
 */
final class SourceEndpoints {

    /** Connector kinds this hub has a Camel component for; any other kind is a source connector plugin's id. */
    private static final Map<String, SourceUri> CONNECTORS = Map.of(
            "file", FileSourceComponent::endpointUri,
            "http", HttpSourceComponent::endpointUri,
            "rss", FeedSourceComponent::endpointUri,
            "wordpress", WordPressSourceComponent::endpointUri,
            "hsds", HsdsSourceComponent::endpointUri);

    private final Supplier<RecordPlugins> plugins;

    /** @param plugins what plugins do during imports, asked each time (they are set after the routes are made) */
    SourceEndpoints(Supplier<RecordPlugins> plugins) {
        this.plugins = plugins;
    }

    /** Whether a connector kind is built in (any other kind names a source connector plugin). */
    static boolean builtInKind(String kind) {
        return CONNECTORS.containsKey(kind);
    }

    /** The built-in kinds, sorted and comma-separated (for messages). */
    static String builtInKinds() {
        return String.join(", ", new TreeSet<>(CONNECTORS.keySet()));
    }

    /** The connector URI of a source, with its options. */
    String endpointUri(FederationDescriptor federation, SourceDescriptor source) {
        SourceUri connector = CONNECTORS.get(source.kind());
        if (connector == null) {
            // any other kind names a source connector plugin (its component registered by the plugin host)
            return plugins.get().sourceEndpointUri(federation, source);
        }
        return connector.uri(federation, source, federation.directory());
    }

    /** The URI of a source's read route. */
    static String readUri(FederationDescriptor federation, SourceDescriptor source) {
        return "direct:read." + federation.id() + "." + source.id();
    }

    /** The id of a source's route of a kind ({@code read}, {@code schedule}, {@code watch}). */
    static String routeId(String kind, FederationDescriptor federation, SourceDescriptor source) {
        return kind + "." + federation.id() + "." + source.id();
    }

    /** How a connector kind names one source as a Camel endpoint URI. */
    @FunctionalInterface
    interface SourceUri {
        String uri(FederationDescriptor federation, SourceDescriptor source, Path descriptorDir);
    }
}
