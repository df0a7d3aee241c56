package se.insatsnavet.connectors.http;

import org.apache.camel.spi.annotations.Component;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.SourceComponent;
import se.insatsnavet.connectors.source.SourceEndpoint;
import se.insatsnavet.connectors.source.SourceUris;

import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code insats-http} component: a federation's catalogue from an HTTP JSON API. Discovered from
 * {@code META-INF/services/org/apache/camel/component/insats-http}.
 */
@Component(HttpSourceComponent.SCHEME)
public class HttpSourceComponent extends SourceComponent {

    public static final String SCHEME = "insats-http";

    @Override
    protected SourceEndpoint createSourceEndpoint(String uri, String federationId, String sourceId) {
        return new HttpSourceEndpoint(uri, this);
    }

    @Override
    protected void afterConfiguration(SourceEndpoint endpoint) {
        ((HttpSourceEndpoint) endpoint).checkConfiguration();
    }

    /** The {@code insats-http} URI of a descriptor's source: its location is the {@code url}. */
    public static String endpointUri(FederationDescriptor federation, SourceDescriptor source, Path descriptorDir) {
        return SourceUris.of(SCHEME, federation, source, Map.of("url", source.location()));
    }
}
