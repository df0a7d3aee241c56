package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.source.RawRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes of records as read from a source, before mapping. A record whose hash equals the one stored with
 * its last published version maps to the same service again: same fields, same federation descriptor (its
 * mapping, defaults and name), same hub (its {@link #MAPPING_VERSION} and build), so the import skips
 * mapping, JSON Schema and SHACL for it. Sources with plugins are never skipped (a plugin may change on its
 * own).
 */
final class RawRecordHash {

    /** Raise when the mapping, validation or conversion of records changes in a way the build version misses. */
    static final String MAPPING_VERSION = "1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final byte[] prefix;

    private RawRecordHash(byte[] prefix) {
        this.prefix = prefix;
    }

    /** Hashes for the records of one run of {@code federation}. */
    static RawRecordHash of(FederationDescriptor federation) {
        String build = RawRecordHash.class.getPackage().getImplementationVersion();
        String context = MAPPING_VERSION + '\n' + (build == null ? "dev" : build) + '\n' + federation;
        return new RawRecordHash(sha256(context.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 (hex) of the record's fields (in source order) in this run's context; the locator is left out. */
    String of(RawRecord record) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix);
            digest.update(JSON.writeValueAsBytes(record.fields()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash record " + record.locator(), e);
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
