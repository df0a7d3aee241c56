package se.insatsnavet.connectors.feed;

import org.apache.camel.spi.annotations.Component;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.SourceComponent;
import se.insatsnavet.connectors.source.SourceEndpoint;
import se.insatsnavet.connectors.source.SourceUris;

import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code insats-feed} component: a federation's services as an RSS or Atom feed. Discovered from
 * {@code META-INF/services/org/apache/camel/component/insats-feed}.
 */
@Component(FeedSourceComponent.SCHEME)
public class FeedSourceComponent extends SourceComponent {

    public static final String SCHEME = "insats-feed";

    @Override
    protected SourceEndpoint createSourceEndpoint(String uri, String federationId, String sourceId) {
        return new FeedSourceEndpoint(uri, this);
    }

    @Override
    protected void afterConfiguration(SourceEndpoint endpoint) {
        ((FeedSourceEndpoint) endpoint).checkUrl();
    }

    /** The {@code insats-feed} URI of a descriptor's source: its location is the feed's {@code url}. */
    public static String endpointUri(FederationDescriptor federation, SourceDescriptor source, Path descriptorDir) {
        return SourceUris.of(SCHEME, federation, source, Map.of("url", source.location()));
    }
}
