package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records of a run that may be published: those that passed mapping and checks (in source order, with where
 * they were read and their raw hash) and those skipped as read exactly as last published.
 */
final class ValidRecords {

    private final Map<String, ObjectNode> services = new LinkedHashMap<>();
    private final Map<String, String> locators = new HashMap<>();
    private final Map<String, String> rawHashes = new HashMap<>();
    private final Map<String, String> warnings = new HashMap<>();
    private final Set<String> skipped = new HashSet<>();

    /** Whether a record with this id is valid or skipped in this run. */
    boolean has(String localId) {
        return services.containsKey(localId) || skipped.contains(localId);
    }

    /**
     * Skips the record if it was read exactly as the published record {@code same} (not {@code null}) and no record
     * of this run has its id yet; returns whether it was skipped.
     */
    boolean skip(RecordHash same) {
        if (same == null || has(same.localId())) {
            return false;
        }
        skipped.add(same.localId());
        return true;
    }

    /**
     * A record that passed every check; {@code rawHash} is remembered for the next run unless {@code null} (the
     * source is not hashed, or an article gave warnings: they depend on the services published, so every run
     * checks it).
     */
    void add(Mapping.Mapped record, String rawHash) {
        services.put(record.localId, record.service);
        locators.put(record.localId, record.locator);
        if (rawHash != null) {
            rawHashes.put(record.localId, rawHash);
        }
    }

    /**
     * A record that passed every check with {@code recordWarnings}; {@code rawHash} (unless {@code null}: the source
     * is not hashed) and the warnings are remembered for the next run, which repeats the warnings if it skips the
     * record. Warnings too long to keep leave no raw hash: the record is mapped and checked again next time.
     */
    void add(Mapping.Mapped record, String rawHash, List<RunMessage> recordWarnings) {
        // kept without where they were read: the record's place in the source may change, its warnings not
        String kept = rawHash == null ? null : RecordWarnings.json(recordWarnings);
        boolean keepable = kept == null || kept.length() <= RecordWarnings.MAX_CHARS;
        add(record, keepable ? rawHash : null);
        if (keepable && kept != null) {
            warnings.put(record.localId, kept);
        }
    }

    /** The services that passed, by local id, in source order. */
    Map<String, ObjectNode> services() {
        return services;
    }

    String locator(String localId) {
        return locators.get(localId);
    }

    String rawHash(String localId) {
        return rawHashes.get(localId);
    }

    /** The warnings a valid record gave, as kept with its raw hash ({@link RecordWarnings}; {@code null} for none). */
    String warnings(String localId) {
        return warnings.get(localId);
    }

    int skipped() {
        return skipped.size();
    }
}
