package se.insatsnavet.hub.imports;

import se.insatsnavet.schema.vocab.HubIris;

import java.util.Map;

/**
 * Stage "deletions": the published records of the source that this run's batch, standing for the whole source, no
 * longer holds are deleted. A published record that is in the batch but was rejected keeps its last valid version,
 * with a warning. A batch of only some records ({@link ImportService.Scope#ONLY_THESE}) deletes nothing.
 */
final class Deletions {

    private Deletions() {
    }

    /** Puts the deletions into {@code set}; returns how many records of the source were published before the run. */
    static int find(String sourceId, ImportService.Scope scope, Map<String, RecordHash> previous, ValidRecords valid,
                    HubIris iris, ChangeSet set, RunLog log) {
        return find(RecordType.SERVICE, sourceId, scope, previous, valid, iris, set, log);
    }

    /** {@link #find} for a run publishing records of {@code type}. */
    static int find(RecordType type, String sourceId, ImportService.Scope scope, Map<String, RecordHash> previous,
                    ValidRecords valid, HubIris iris, ChangeSet set, RunLog log) {
        int publishedFromSource = 0;
        for (RecordHash h : previous.values()) {
            if (scope == ImportService.Scope.ONLY_THESE || !h.sourceId().equals(sourceId)) {
                continue;
            }
            publishedFromSource++;
            boolean rejected = log.wasRejected(h.localId());
            if (valid.has(h.localId()) && !rejected) {
                continue;
            }
            if (rejected) {
                log.warn(RunMessage.warning(null, h.localId(), null, null,
                        "The record is invalid in this run; its last valid version stays published"));
                continue;
            }
            set.delete(h, type.iri(iris, h.serviceId()));
        }
        return publishedFromSource;
    }
}
