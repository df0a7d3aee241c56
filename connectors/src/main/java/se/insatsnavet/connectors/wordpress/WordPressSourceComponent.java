package se.insatsnavet.connectors.wordpress;

import org.apache.camel.spi.annotations.Component;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.SourceComponent;
import se.insatsnavet.connectors.source.SourceEndpoint;
import se.insatsnavet.connectors.source.SourceUris;

import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code insats-wordpress} component: a federation's services on its WordPress site. Discovered from
 * {@code META-INF/services/org/apache/camel/component/insats-wordpress}.
 */
@Component(WordPressSourceComponent.SCHEME)
public class WordPressSourceComponent extends SourceComponent {

    public static final String SCHEME = "insats-wordpress";

    @Override
    protected SourceEndpoint createSourceEndpoint(String uri, String federationId, String sourceId) {
        return new WordPressSourceEndpoint(uri, this);
    }

    @Override
    protected void afterConfiguration(SourceEndpoint endpoint) {
        ((WordPressSourceEndpoint) endpoint).checkConfiguration();
    }

    /** The {@code insats-wordpress} URI of a descriptor's source: its location is the site's {@code url}. */
    public static String endpointUri(FederationDescriptor federation, SourceDescriptor source, Path descriptorDir) {
        return SourceUris.of(SCHEME, federation, source, Map.of("url", source.location()));
    }
}
