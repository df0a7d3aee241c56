package se.insatsnavet.hub.imports;

import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.RawRecord;

import java.util.HashMap;
import java.util.Map;

/**
 * Stage "skip": recognises a record read exactly as when it was last published (same fields, same descriptor,
 * same hub: {@link RawRecordHash}); such a record is unchanged and is neither mapped nor checked again: the
 * warnings its mapping and checks gave then ({@link RecordHash#warnings}) are said again in the run's report. Never
 * for a source with plugins (they may change while the hub runs).
 */
final class SameAsPublished {

    private final RawRecordHash hasher;
    private final Map<String, RecordHash> publishedByRaw;

    private SameAsPublished(RawRecordHash hasher, Map<String, RecordHash> publishedByRaw) {
        this.hasher = hasher;
        this.publishedByRaw = publishedByRaw;
    }

    static SameAsPublished of(FederationDescriptor federation, SourceDescriptor source, Map<String, RecordHash> previous) {
        if (!source.plugins().all().isEmpty()) {
            return new SameAsPublished(null, Map.of());
        }
        Map<String, RecordHash> byRaw = new HashMap<>();
        for (RecordHash h : previous.values()) {
            if (h.rawHash() != null && h.sourceId().equals(source.id())) {
                byRaw.put(h.rawHash(), h);
            }
        }
        return new SameAsPublished(RawRecordHash.of(federation), byRaw);
    }

    /** The record's raw hash, or {@code null} when the source's records are not hashed. */
    String hash(RawRecord raw) {
        return hasher == null ? null : hasher.of(raw);
    }

    /** The published record read from exactly these bytes last time, or {@code null}. */
    RecordHash published(String rawHash) {
        return rawHash == null ? null : publishedByRaw.get(rawHash);
    }
}
