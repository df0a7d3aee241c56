package se.insatsnavet.hub.usage;

import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.http.Blocking;

import java.util.Map;

/**
 * Counts in memory ({@link UsageCounter}) and writes the counts to the database every {@code flushMillis}
 * on a worker, in one batched transaction: never a database write per request, never on the event loop.
 * {@link #flush()} writes what is left (at stop).
 */
public final class UsageStatistics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsageStatistics.class);

    private final Vertx vertx;
    private final UsageCounter counter;
    private final UsageRepository repository;
    private final long timer;

    private UsageStatistics(Vertx vertx, UsageCounter counter, UsageRepository repository, long flushMillis) {
        this.vertx = vertx;
        this.counter = counter;
        this.repository = repository;
        this.timer = vertx.setPeriodic(flushMillis, id -> Blocking.run(vertx, () -> {
            flush();
            return null;
        }).onFailure(e -> LOG.warn("Writing the usage statistics failed; the counts are kept for the next try", e)));
    }

    public static UsageStatistics start(Vertx vertx, UsageCounter counter, UsageRepository repository, long flushMillis) {
        return new UsageStatistics(vertx, counter, repository, flushMillis);
    }

    public UsageCounter counter() {
        return counter;
    }

    public UsageRepository repository() {
        return repository;
    }

    /** Writes the counts gathered since the last flush (blocking). */
    public synchronized void flush() {
        Map<UsageCounter.Key, Long> counts = counter.drain();
        try {
            repository.add(counts);
        } catch (RuntimeException e) {
            counter.restore(counts);
            throw e;
        }
    }

    /** Stops the timer and writes what is left (blocking). */
    @Override
    public void close() {
        vertx.cancelTimer(timer);
        flush();
    }
}
