package se.insatsnavet.hub.imports;

import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.SourceBatch;

import java.time.Instant;
import java.util.List;

/**
 * The stage that ends the run of a whole source, of services or of articles alike: the run's counts, the verdict of
 * the {@link DeletionGuard}, then one {@link Write} and the run's record ({@link RunRecorder}). A run the guard
 * refuses writes nothing and is recorded as failed, with the guard's reason.
 */
final class Publication {

    private final Write write;
    private final RunRecorder recorder;

    Publication(Write write, RunRecorder recorder) {
        this.write = write;
        this.recorder = recorder;
    }

    /**
     * Ends run {@code runId}: {@code valid} records were read from {@code batch}, {@code diff} compared them with
     * the last published, {@code set} holds what changed and is deleted, {@code publishedFromSource} services of the
     * source were published before the run.
     */
    RunReport publish(long runId, FederationDescriptor federation, SourceDescriptor source, String trigger, Instant started,
                      SourceBatch batch, ValidRecords valid, Diff diff, ChangeSet set, RunLog log, int publishedFromSource) {
        int unchanged = valid.skipped() + diff.unchanged();
        int read = batch.records().size() + batch.problems().size();
        RunCounts counts = new RunCounts(read, set.added() + set.updated() + unchanged, set.added(), set.updated(),
                set.deletedLocalIds().size(), unchanged, log.rejected(), log.warnings());
        String guard = DeletionGuard.check(source, counts, publishedFromSource);
        if (guard != null) {
            return recorder.finish(runId, federation, source, trigger, started, RunStatus.FAILED,
                    new RunCounts(read, 0, 0, 0, 0, 0, log.rejected(), log.warnings()), batch.fingerprint(), guard,
                    log.messages(), List.of(), List.of(), List.of());
        }
        write.apply(federation.id(), set);
        return recorder.finish(runId, federation, source, trigger, started, RunStatus.SUCCEEDED, counts, batch.fingerprint(),
                null, log.messages(), set.hashes(), set.deletedLocalIds(), set.changes(), set.modelsByService());
    }
}
