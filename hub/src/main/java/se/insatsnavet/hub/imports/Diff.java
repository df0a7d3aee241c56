package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Stage "diff": a valid service against the content hash last published for its id. The same content from the
 * same source is unchanged (its raw hash is remembered if it was read from other bytes); anything else is a
 * change, handed on to be converted.
 */
final class Diff {

    private static final JsonMapper CANONICAL = JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    /** A service that differs from what is published (or is new), with the hashes it will be published under. */
    record Changed(String localId, ObjectNode service, RecordHash hash, boolean isNew) {
    }

    private final String federationId;
    private final String sourceId;
    private final Map<String, RecordHash> previous;
    private final RecordType type;
    private int unchanged;

    Diff(String federationId, String sourceId, Map<String, RecordHash> previous) {
        this(federationId, sourceId, previous, RecordType.SERVICE);
    }

    /** The diff of a run publishing records of {@code type} against their last hashes, {@code previous}. */
    Diff(String federationId, String sourceId, Map<String, RecordHash> previous, RecordType type) {
        this.federationId = federationId;
        this.sourceId = sourceId;
        this.previous = previous;
        this.type = type;
    }

    /** The change, or {@code null} when the service is unchanged (counted; a new raw hash goes into {@code set}). */
    Changed compare(String localId, ObjectNode service, String rawHash, ChangeSet set) {
        return compare(localId, service, rawHash, null, set);
    }

    /**
     * The change, or {@code null} when the service is unchanged (counted; a new raw hash or other warnings of the
     * record, as kept by {@link RecordWarnings}, go into {@code set}).
     */
    Changed compare(String localId, ObjectNode service, String rawHash, String warnings, ChangeSet set) {
        String hash = contentHash(service);
        String serviceId = type.id(federationId, localId);
        RecordHash now = new RecordHash(localId, sourceId, serviceId, hash, rawHash, warnings);
        RecordHash before = previous.get(localId);
        if (before != null && before.contentHash().equals(hash) && before.sourceId().equals(sourceId)) {
            unchanged++;
            if (!Objects.equals(before.rawHash(), rawHash) || !Objects.equals(before.warnings(), warnings)) {
                set.rehash(now);
            }
            return null;
        }
        return new Changed(localId, service, now, before == null);
    }

    /** Valid services found unchanged so far. */
    int unchanged() {
        return unchanged;
    }

    /** SHA-256 of the canonical JSON with sorted keys: the same content always gives the same hash. */
    static String contentHash(JsonNode service) {
        try {
            byte[] bytes = CANONICAL.writeValueAsString(service).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
