package se.insatsnavet.hub.imports;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the hub's last writes to its data folder worked: a write that failed for the storage's sake (full,
 * read-only) and could not even be recorded as a failed run leaves a problem here until a later write works.
 * {@code GET /health} reports it as {@code degraded}. Thread-safe.
 */
public final class StorageHealth {

    /** One unresolved problem: what failed, since when. */
    public record Problem(String what, String reason, Instant since) {
    }

    private final AtomicReference<Problem> problem = new AtomicReference<>();

    /** Records that {@code what} could not be written. */
    public void failed(String what, String reason) {
        problem.updateAndGet(p -> p != null ? new Problem(what, reason, p.since()) : new Problem(what, reason, Instant.now()));
    }

    /** A write of the same kind worked again. */
    public void recovered() {
        problem.set(null);
    }

    public Optional<Problem> problem() {
        return Optional.ofNullable(problem.get());
    }
}
