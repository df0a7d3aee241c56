package se.insatsnavet.hub.plugins;

import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.SourceComponent;
import se.insatsnavet.connectors.source.SourceEndpoint;
import se.insatsnavet.hub.federations.FederationRegistry;

import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code insats-plugin} component: a source whose kind a {@code SourceConnectorPlugin} provides. The
 * hub registers it with its Camel context (it needs the plugin host and the federation registry); the
 * endpoint finds the source's descriptor and asks the plugin when the route reads. A source whose kind no
 * running plugin provides waits for it ({@link PluginWaits}: not read on its schedule); the plugin's start imports
 * it at once. An explicit sync of a waiting source reads it anyway and fails naming the plugin.
 */
public final class PluginSourceComponent extends SourceComponent {

    public static final String SCHEME = "insats-plugin";

    private final PluginImports imports;
    private final Function<String, Optional<FederationDescriptor>> federations;

    public PluginSourceComponent(PluginImports imports, FederationRegistry registry) {
        this(imports, registry::get);
    }

    /** With the federations looked up by id elsewhere (the validate command knows only the one it checks). */
    public PluginSourceComponent(PluginImports imports, Function<String, Optional<FederationDescriptor>> federations) {
        this.imports = imports;
        this.federations = federations;
    }

    @Override
    protected SourceEndpoint createSourceEndpoint(String uri, String federationId, String sourceId) {
        return new PluginSourceEndpoint(uri, this, imports, federations);
    }

    /** The {@code insats-plugin} URI of a descriptor's source (the kind names the connector plugin). */
    public static String endpointUri(FederationDescriptor federation, SourceDescriptor source) {
        return SCHEME + ":" + federation.id() + "/" + source.id() + "?kind=" + source.kind();
    }
}
