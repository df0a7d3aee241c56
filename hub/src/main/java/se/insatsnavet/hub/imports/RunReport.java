package se.insatsnavet.hub.imports;

import java.time.Instant;
import java.util.List;

/** Everything known about one import run of one federation source. */
public record RunReport(long id, String federationId, String sourceId, String trigger, RunStatus status,
                        Instant startedAt, Instant finishedAt, RunCounts counts, String failure,
                        List<RunMessage> messages) {

    /** Duration in milliseconds, or -1 while running. */
    public long durationMillis() {
        return finishedAt == null ? -1 : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }

    public RunReport withMessages(List<RunMessage> list) {
        return new RunReport(id, federationId, sourceId, trigger, status, startedAt, finishedAt, counts, failure, list);
    }
}
