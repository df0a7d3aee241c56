package se.insatsnavet.hub.imports;

import io.vertx.core.shareddata.Lock;
import io.vertx.core.shareddata.SharedData;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One import at a time per federation: on this node a reentrant lock per federation and, when the hub is
 * clustered, a cluster-wide Vert.x {@link SharedData} lock per federation held while the node's thread holds
 * the local one (taken when the thread first enters, released when it last leaves). Hazelcast releases a
 * cluster lock when the member holding it leaves the cluster, so a dead node's federations become free.
 * Blocking: call from workers or Camel threads, never from an event loop.
 */
public final class FederationLocks {

    /** Name prefix of the cluster-wide locks. */
    public static final String LOCK_PREFIX = "insatsnavet.import.";

    private final SharedData shared;
    private final Duration wait;
    private final Map<String, ReentrantLock> local = new ConcurrentHashMap<>();
    private final Map<String, Lock> held = new ConcurrentHashMap<>();

    private FederationLocks(SharedData shared, Duration wait) {
        this.shared = shared;
        this.wait = wait;
    }

    /** Locks within this process only (a hub on its own). */
    public static FederationLocks local() {
        return new FederationLocks(null, Duration.ZERO);
    }

    /**
     * Locks across the cluster; {@link #acquire} waits at most {@code wait} for another node's import of the
     * federation to end.
     */
    public static FederationLocks clustered(SharedData shared, Duration wait) {
        return new FederationLocks(shared, wait);
    }

    /** Whether other nodes take part. */
    public boolean clustered() {
        return shared != null;
    }

    /** A held lock; closing releases it. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the federation's lock, waiting for an import of it under way here or on another node.
     *
     * @throws Busy when another node holds it longer than the configured wait
     */
    public Lease acquire(String federationId) {
        ReentrantLock lock = local.computeIfAbsent(federationId, id -> new ReentrantLock());
        lock.lock();
        return enterCluster(federationId, lock, wait).orElseThrow(() -> new Busy(federationId, wait));
    }

    /** Takes the federation's lock only if no import of it is under way here or on another node. */
    public Optional<Lease> tryAcquire(String federationId) {
        ReentrantLock lock = local.computeIfAbsent(federationId, id -> new ReentrantLock());
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        return enterCluster(federationId, lock, Duration.ZERO);
    }

    private Optional<Lease> enterCluster(String federationId, ReentrantLock lock, Duration timeout) {
        if (shared != null && lock.getHoldCount() == 1) {
            try {
                // a zero timeout would wait for ever in some cluster managers: 1 ms is "only if free"
                Lock clusterLock = shared.getLockWithTimeout(LOCK_PREFIX + federationId, Math.max(1, timeout.toMillis()))
                        .toCompletionStage().toCompletableFuture().get(timeout.toMillis() + 30_000, TimeUnit.MILLISECONDS);
                held.put(federationId, clusterLock);
            } catch (ExecutionException | TimeoutException e) {
                lock.unlock();
                return Optional.empty();
            } catch (InterruptedException e) {
                lock.unlock();
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.of(() -> release(federationId, lock));
    }

    private void release(String federationId, ReentrantLock lock) {
        if (lock.getHoldCount() == 1) {
            Lock clusterLock = held.remove(federationId);
            if (clusterLock != null) {
                try {
                    clusterLock.release();
                } catch (RuntimeException e) {
                    // the node already left the cluster: its locks went with it
                    LoggerFactory.getLogger(FederationLocks.class).debug("Releasing the lock of {}", federationId, e);
                }
            }
        }
        lock.unlock();
    }

    /** The federation is being imported by another node for longer than this node waits. */
    public static final class Busy extends IllegalStateException {
        Busy(String federationId, Duration wait) {
            super("Federation '" + federationId + "' is being imported by another hub node (waited "
                    + wait.toSeconds() + " s); try again when that import has finished");
        }
    }
}
