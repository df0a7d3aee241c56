package se.insatsnavet.connectors.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one read of a source produced: the body of the exchanges sent by every source connector.
 *
 * @param federationId the federation the source belongs to
 * @param sourceId     the source's id within the federation
 * @param records      the records that could be parsed, in source order
 * @param problems     the records that could not be parsed (or that the source contradicts itself about)
 * @param fingerprint  content hash of the raw source ({@code sha256:<hex>}); equal fingerprints mean an unchanged source
 * @param fetchedAt    when the source was read
 * @param warnings     what the source said that does not add up but rejects no record (an API's item count that
 *                     disagrees with its pages, a list item without a field its standard requires): reported in the
 *                     run, never dropped in silence
 * @param notCarried   what of the source no record carries, counted per field (e.g. a data package's file whose
 *                     rows belong to no service: {@code meta_table_descriptions.csv} → 12); empty for most sources
 */
public record SourceBatch(String federationId, String sourceId, List<RawRecord> records,
                          List<SourceProblem> problems, String fingerprint, Instant fetchedAt,
                          List<SourceProblem> warnings, Map<String, Integer> notCarried) {

    /** A batch without warnings in which every part of the source is carried by its records. */
    public SourceBatch(String federationId, String sourceId, List<RawRecord> records, List<SourceProblem> problems,
                       String fingerprint, Instant fetchedAt) {
        this(federationId, sourceId, records, problems, fingerprint, fetchedAt, List.of(), Map.of());
    }

    /** A batch with warnings in which every part of the source is carried by its records. */
    public SourceBatch(String federationId, String sourceId, List<RawRecord> records, List<SourceProblem> problems,
                       String fingerprint, Instant fetchedAt, List<SourceProblem> warnings) {
        this(federationId, sourceId, records, problems, fingerprint, fetchedAt, warnings, Map.of());
    }

    /** A batch without warnings, with what of the source no record carries. */
    public SourceBatch(String federationId, String sourceId, List<RawRecord> records, List<SourceProblem> problems,
                       String fingerprint, Instant fetchedAt, Map<String, Integer> notCarried) {
        this(federationId, sourceId, records, problems, fingerprint, fetchedAt, List.of(), notCarried);
    }

    public SourceBatch {
        Objects.requireNonNull(federationId, "federationId");
        Objects.requireNonNull(sourceId, "sourceId");
        records = List.copyOf(records);
        problems = List.copyOf(problems);
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        notCarried = notCarried == null ? Map.of() : Map.copyOf(notCarried);
    }

    /** The fingerprint of raw source content: {@code "sha256:"} and the lower-case hex SHA-256 of the bytes. */
    public static String fingerprintOf(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The fingerprint of raw source content hashed as it was read: {@code digest} is a SHA-256 digest fed every byte. */
    public static String fingerprintOf(MessageDigest digest) {
        if (!"SHA-256".equals(digest.getAlgorithm())) {
            throw new IllegalArgumentException("a fingerprint is a SHA-256 digest, not " + digest.getAlgorithm());
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** The fingerprint of raw source content given as text (hashed as UTF-8). */
    public static String fingerprintOf(String content) {
        return fingerprintOf(content.getBytes(StandardCharsets.UTF_8));
    }
}
