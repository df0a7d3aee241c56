package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.source.RawRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Hashes of records as read from a source, before mapping. A record whose hash equals the one stored with
 * its last published version maps to the same service again: same fields, same federation descriptor (its
 * mapping, defaults and name), same hub (its {@link #MAPPING_VERSION} and build), so the import skips
 * mapping, JSON Schema and SHACL for it. Sources with plugins are never skipped (a plugin may change on its
 * own).
 */
final class RawRecordHash {

    /** Raise when the mapping, validation or conversion of records changes in a way the build version misses. */
    // 2: phones kept as written with E.164 derived, RecordChecks; HSDS fields kept (identifiers, costs, areas, hsds)
    static final String MAPPING_VERSION = "2";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A SHA-256 digest fed this run's context; each record's digest starts as a copy of it. */
    private final MessageDigest context;

    private RawRecordHash(MessageDigest context) {
        this.context = context;
    }

    /** Hashes for the records of one run of {@code federation}. */
    static RawRecordHash of(FederationDescriptor federation) {
        String build = RawRecordHash.class.getPackage().getImplementationVersion();
        String context = MAPPING_VERSION + '\n' + (build == null ? "dev" : build) + '\n' + federation;
        MessageDigest digest = newDigest();
        digest.update(sha256(context.getBytes(StandardCharsets.UTF_8)));
        return new RawRecordHash(digest);
    }

    /**
     * SHA-256 (hex) of the record's fields (in source order) in this run's context; the locator is left out. Each
     * name and text value goes in as its UTF-8 bytes after their count, any other value (number, boolean, list,
     * object of a JSON source) as its JSON after a tag and the count, so that no two records share their input.
     */
    String of(RawRecord record) {
        try {
            MessageDigest digest = (MessageDigest) context.clone();
            for (Map.Entry<String, Object> field : record.fields().entrySet()) {
                put(digest, 'n', field.getKey().getBytes(StandardCharsets.UTF_8));
                if (field.getValue() instanceof String text) {
                    put(digest, 's', text.getBytes(StandardCharsets.UTF_8));
                } else {
                    put(digest, 'j', JSON.writeValueAsBytes(field.getValue()));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (CloneNotSupportedException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash record " + record.locator(), e);
        }
    }

    private static void put(MessageDigest digest, char tag, byte[] bytes) {
        int n = bytes.length;
        digest.update(new byte[] {(byte) tag, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        digest.update(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
