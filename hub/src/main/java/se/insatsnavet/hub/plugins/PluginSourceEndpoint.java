package se.insatsnavet.hub.plugins;

import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.connectors.source.SourceEndpoint;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/** A source read by a connector plugin ({@code insats-plugin:<federation>/<source>?kind=<plugin id>}). */
@UriEndpoint(firstVersion = "0.1.0", scheme = PluginSourceComponent.SCHEME, title = "Insatsnavet plugin source",
        syntax = "insats-plugin:federationId/sourceId", category = {Category.FILE})
public final class PluginSourceEndpoint extends SourceEndpoint {

    @UriParam(description = "Id of the source connector plugin (the descriptor's kind)")
    @Metadata(required = true)
    private String kind;

    private final PluginImports imports;
    private final Function<String, Optional<FederationDescriptor>> federations;

    PluginSourceEndpoint(String uri, Component component, PluginImports imports,
                         Function<String, Optional<FederationDescriptor>> federations) {
        super(uri, component);
        this.imports = imports;
        this.federations = federations;
    }

    public String getKind() {
        return kind;
    }

    /** Id of the source connector plugin (the descriptor's kind). */
    public void setKind(String kind) {
        this.kind = kind;
    }

    @Override
    public SourceBatch read() throws IOException {
        FederationDescriptor federation = federations.apply(getFederationId()).orElseThrow(() ->
                new IOException("No federation '" + getFederationId() + "'"));
        SourceDescriptor source = federation.sources().stream().filter(s -> s.id().equals(getSourceId())).findFirst()
                .orElseThrow(() -> new IOException("Federation '" + getFederationId() + "' has no source '" + getSourceId() + "'"));
        return imports.read(federation, source);
    }
}
