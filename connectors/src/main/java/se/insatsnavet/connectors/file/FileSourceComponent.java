package se.insatsnavet.connectors.file;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.SourceComponent;
import se.insatsnavet.connectors.source.SourceEndpoint;
import se.insatsnavet.connectors.source.SourceUris;

import java.nio.file.Path;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * The {@code insats-file} component: a federation's catalogue as a local CSV, JSON or NDJSON file.
 * Discovered from {@code META-INF/services/org/apache/camel/component/insats-file}; may also be added with
 * {@code context.addComponent("insats-file", new FileSourceComponent())}, e.g. to set a component-wide
 * {@code baseDirectory}.
 */
@Component(FileSourceComponent.SCHEME)
public class FileSourceComponent extends SourceComponent {

    public static final String SCHEME = "insats-file";

    @Metadata(description = "Directory every endpoint's file must resolve inside; an endpoint's own baseDirectory"
            + " must itself lie inside this one")
    private String baseDirectory;

    public FileSourceComponent() {
    }

    @Override
    protected SourceEndpoint createSourceEndpoint(String uri, String federationId, String sourceId) {
        return new FileSourceEndpoint(uri, this);
    }

    @Override
    protected void afterConfiguration(SourceEndpoint endpoint) {
        ((FileSourceEndpoint) endpoint).checkConfiguration();
    }

    public String getBaseDirectory() {
        return baseDirectory;
    }

    /** Directory every endpoint's file must resolve inside. */
    public void setBaseDirectory(String baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    /**
     * The {@code insats-file} URI of a descriptor's file source: {@code path} is the source's location, the
     * descriptor's folder is the {@code baseDirectory}, {@code format} and the source's {@code options}
     * (delimiter, encoding, recordPath, ...) become URI options, values passed raw.
     *
     * @param descriptorDir the folder of the descriptor file (source locations are relative to it)
     */
    public static String endpointUri(FederationDescriptor federation, SourceDescriptor source, Path descriptorDir) {
        Path dir = descriptorDir.toAbsolutePath().normalize();
        Map<String, String> first = new LinkedHashMap<>();
        first.put("path", source.locationPath(dir).toString());
        first.put("baseDirectory", dir.toString());
        return SourceUris.of(SCHEME, federation, source, first);
    }
}
