package se.insatsnavet.hub.http;

import java.nio.charset.StandardCharsets;

/**
 * A response body encoded once: its UTF-8 bytes, media type and strong {@code ETag}, so that a cached
 * representation is sent without re-encoding or re-hashing it on every request.
 */
public record PreparedBody(String contentType, byte[] bytes, String etag) {

    /** Encodes {@code body} and hashes it as {@link Responses#send} would. */
    public static PreparedBody of(String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new PreparedBody(contentType, bytes, Responses.etag(bytes));
    }

    /** Hashes {@code bytes} (UTF-8, not copied: the caller hands them over) as {@link Responses#send} would. */
    public static PreparedBody of(String contentType, byte[] bytes) {
        return new PreparedBody(contentType, bytes, Responses.etag(bytes));
    }

    /** Bytes this body holds in memory (for the byte budget of a {@link BodyCache}). */
    public int weight() {
        return bytes.length + 64;
    }
}
