package se.insatsnavet.hub.plugins;

import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.SourceComponent;
import se.insatsnavet.connectors.source.SourceEndpoint;
import se.insatsnavet.hub.federations.FederationRegistry;

/**
 * The {@code insats-plugin} component: a source whose kind a {@code SourceConnectorPlugin} provides. The
 * hub registers it with its Camel context (it needs the plugin host and the federation registry); the
 * endpoint finds the source's descriptor and asks the plugin when the route reads. A kind no running plugin
 * provides fails that source's read (retried, then a failed run), so a plugin installed later is used at the
 * next schedule.
 */
public final class PluginSourceComponent extends SourceComponent {

    public static final String SCHEME = "insats-plugin";

    private final PluginImports imports;
    private final FederationRegistry registry;

    public PluginSourceComponent(PluginImports imports, FederationRegistry registry) {
        this.imports = imports;
        this.registry = registry;
    }

    @Override
    protected SourceEndpoint createSourceEndpoint(String uri, String federationId, String sourceId) {
        return new PluginSourceEndpoint(uri, this, imports, registry);
    }

    /** The {@code insats-plugin} URI of a descriptor's source (the kind names the connector plugin). */
    public static String endpointUri(FederationDescriptor federation, SourceDescriptor source) {
        return SCHEME + ":" + federation.id() + "/" + source.id() + "?kind=" + source.kind();
    }
}
