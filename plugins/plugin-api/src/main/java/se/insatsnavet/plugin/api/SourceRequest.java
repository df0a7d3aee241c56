package se.insatsnavet.plugin.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a {@link SourceConnectorPlugin} is asked to read.
 *
 * @param federationId the federation's id
 * @param sourceId     the source's id within the federation
 * @param location     the descriptor's {@code location}: a URL, or a path relative to {@code baseDirectory}
 * @param baseDirectory the folder of the federation's descriptor (relative locations resolve against it)
 * @param format       the descriptor's {@code format}, or null
 * @param options      the descriptor's {@code options}, values as text
 */
public record SourceRequest(String federationId, String sourceId, String location, Path baseDirectory, String format,
                            Map<String, String> options) {

    public SourceRequest {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** Whether the location is a URL rather than a path. */
    public boolean isUrl() {
        return location.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    }

    /**
     * The location as a file inside the descriptor's folder.
     *
     * @throws IllegalArgumentException when it is a URL or points outside the folder
     */
    public Path file() {
        if (isUrl()) {
            throw new IllegalArgumentException("The location is a URL: " + location);
        }
        Path file = baseDirectory.resolve(location).normalize();
        if (!file.startsWith(baseDirectory.normalize())) {
            throw new IllegalArgumentException("The location lies outside the descriptor's folder: " + location);
        }
        return file;
    }
}
