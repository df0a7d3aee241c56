package se.insatsnavet.connectors.hsds;

import org.apache.camel.spi.annotations.Component;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.SourceComponent;
import se.insatsnavet.connectors.source.SourceEndpoint;
import se.insatsnavet.connectors.source.SourceUris;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code insats-hsds} component: Open Referral HSDS, as an API or a data package. Discovered from
 * {@code META-INF/services/org/apache/camel/component/insats-hsds}.
 */
@Component(HsdsSourceComponent.SCHEME)
public class HsdsSourceComponent extends SourceComponent {

    public static final String SCHEME = "insats-hsds";

    @Override
    protected SourceEndpoint createSourceEndpoint(String uri, String federationId, String sourceId) {
        return new HsdsSourceEndpoint(uri, this);
    }

    @Override
    protected void afterConfiguration(SourceEndpoint endpoint) {
        ((HsdsSourceEndpoint) endpoint).checkConfiguration();
    }

    /**
     * The {@code insats-hsds} URI of a descriptor's source: a URL location is the {@code url} (an API's base
     * or a zipped package), a path is a package folder or zip inside the descriptor's folder.
     */
    public static String endpointUri(FederationDescriptor federation, SourceDescriptor source, Path descriptorDir) {
        Map<String, String> first = new LinkedHashMap<>();
        if (source.isUrl()) {
            first.put("url", source.location());
        } else {
            Path dir = descriptorDir.toAbsolutePath().normalize();
            first.put("path", source.locationPath(dir).toString());
            first.put("baseDirectory", dir.toString());
        }
        return SourceUris.of(SCHEME, federation, source, first);
    }
}
