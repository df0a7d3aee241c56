package se.insatsnavet.hub.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.changes.ChangeLog;
import se.insatsnavet.hub.imports.Change;
import se.insatsnavet.hub.imports.RecordType;
import se.insatsnavet.hub.imports.RunReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps one hub node's local state (search index, cached representations, dumps) in step with imports other
 * nodes commit. The shared change log in the operational database is the source of truth; the event bus
 * only nudges:
 * <ul>
 *   <li>after this node commits a run that changed the catalogue it publishes {@code {node, federation, run,
 *       changes}} on {@value #ADDRESS};</li>
 *   <li>on such a nudge from another node, on a timer ({@code catchUpMillis}), and once at start, the node
 *       reads the change log after the last sequence number it applied (kept in a file next to its index),
 *       groups the entries by run and hands the changes of every run it has not applied yet (not its own) to
 *       {@code apply}.</li>
 * </ul>
 * Runs of different nodes may commit out of sequence order (a long run takes its numbers before a short one
 * commits), so each catch-up looks {@value #OVERLAP} entries back and skips the runs it already applied.
 * A node that was down or joined late catches up at start; one that has no position yet starts from the
 * newest change (its index was just built from the shared store).
 */
public final class ChangeFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFollower.class);
    /** Event-bus address of the change nudges. */
    public static final String ADDRESS = "insatsnavet.changes";
    /** How far back each catch-up looks for runs committed out of order. */
    static final int OVERLAP = 5_000;
    private static final int PAGE = 5_000;
    private static final int REMEMBERED_RUNS = 10_000;

    private final Vertx vertx;
    private final ChangeLog log;
    private final Path positionFile;
    private final String nodeId;
    private final Consumer<List<Change>> apply;
    // read by lag() (the health check) while a catch-up adds to it
    private final Set<Long> applied = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED_RUNS;
        }
    }));
    private volatile long position;
    private MessageConsumer<JsonObject> consumer;
    private long timer = -1;

    private ChangeFollower(Vertx vertx, ChangeLog log, Path positionFile, String nodeId, Consumer<List<Change>> apply) {
        this.vertx = vertx;
        this.log = log;
        this.positionFile = positionFile;
        this.nodeId = nodeId;
        this.apply = apply;
    }

    /**
     * A follower whose position is read from {@code positionFile}, or set to {@code startSeq} when the file is
     * missing or {@code fresh} (the local state was just rebuilt from the shared store, as of {@code startSeq}).
     * Blocking.
     *
     * @param nodeId this node's cluster id (its own nudges are ignored)
     * @param apply  applies the changes of one run to the local state (called on a worker, one run at a time)
     */
    public static ChangeFollower create(Vertx vertx, ChangeLog log, Path positionFile, String nodeId, long startSeq,
                                        boolean fresh, Consumer<List<Change>> apply) {
        ChangeFollower follower = new ChangeFollower(vertx, log, positionFile, nodeId, apply);
        follower.position = fresh ? startSeq : readPosition(positionFile).orElse(startSeq);
        follower.savePosition();
        follower.primeApplied();
        return follower;
    }

    /**
     * Counts the runs wholly at or before the position as applied (they were, before this start), so that the
     * look-back of the next catch-ups does not apply them again; a run with entries after the position is not.
     */
    private void primeApplied() {
        Map<Long, Long> newestSeqOfRun = new LinkedHashMap<>();
        for (ChangeLog.RunEntry e : log.withRunsAfter(Math.max(0, position - OVERLAP), OVERLAP + PAGE)) {
            newestSeqOfRun.merge(e.runId(), e.seq(), Math::max);
        }
        newestSeqOfRun.forEach((run, newest) -> {
            if (newest <= position) {
                applied.add(run);
            }
        });
    }

    /** Listens for nudges and checks the log every {@code catchUpMillis} ms (0: only on nudges). */
    public ChangeFollower start(long catchUpMillis) {
        consumer = vertx.eventBus().<JsonObject>consumer(ADDRESS, message -> {
            if (!nodeId.equals(message.body().getString("node"))) {
                LOG.debug("Change nudge from node {}: federation {}, run {}", message.body().getString("node"),
                        message.body().getString("federation"), message.body().getLong("run"));
                catchUpLater();
            }
        });
        if (catchUpMillis > 0) {
            timer = vertx.setPeriodic(catchUpMillis, id -> catchUpLater());
        }
        return this;
    }

    /** Tells the other nodes that this node committed {@code run} (call after the run is recorded). */
    public void published(RunReport run) {
        remember(run.id());
        if (run.counts().changedCatalogue()) {
            vertx.eventBus().publish(ADDRESS, new JsonObject().put("node", nodeId).put("federation", run.federationId())
                    .put("run", run.id()).put("changes", run.counts().added() + run.counts().updated() + run.counts().deleted()));
        }
    }

    /** Marks a run as this node's own: its changes are already in the local state. */
    public synchronized void remember(long runId) {
        applied.add(runId);
    }

    private void catchUpLater() {
        vertx.executeBlocking(() -> {
            catchUp();
            return null;
        }, true).onFailure(e -> LOG.warn("Catching up with the change log failed; the next nudge or check retries", e));
    }

    /** Applies every change of runs not yet applied, from the shared change log; returns how many. Blocking. */
    public synchronized int catchUp() {
        int count = 0;
        long from = Math.max(0, position - OVERLAP);
        while (true) {
            List<ChangeLog.RunEntry> page = log.withRunsAfter(from, PAGE);
            if (page.isEmpty()) {
                break;
            }
            Map<Long, List<Change>> byRun = new LinkedHashMap<>();
            for (ChangeLog.RunEntry e : page) {
                if (!applied.contains(e.runId())) {
                    byRun.computeIfAbsent(e.runId(), r -> new ArrayList<>()).add(new Change(e.serviceId(),
                            Change.Action.valueOf(e.action().toUpperCase(Locale.ROOT)), RecordType.of(e.recordType())));
                }
            }
            long last = page.get(page.size() - 1).seq();
            // a full page may cut the last run short: its rest comes with the next page, so it is not marked applied yet
            boolean full = page.size() == PAGE;
            long lastRun = page.get(page.size() - 1).runId();
            for (Map.Entry<Long, List<Change>> run : byRun.entrySet()) {
                apply.accept(List.copyOf(run.getValue()));
                if (!full || run.getKey() != lastRun) {
                    applied.add(run.getKey());
                }
                count += run.getValue().size();
            }
            from = last;
            position = Math.max(position, last);
            if (!full) {
                break;
            }
        }
        savePosition();
        if (count > 0) {
            LOG.info("Applied {} change(s) other hub nodes made (change log at {})", count, position);
        }
        return count;
    }

    /** The newest change-log sequence number this node has applied. */
    public long position() {
        return position;
    }

    /**
     * How far this node is behind the shared change log.
     *
     * @param newestSeq  the log's newest sequence number
     * @param appliedSeq the newest one this node has applied
     * @param pending    changes after {@code appliedSeq} of runs this node has not applied (its own runs are applied)
     * @param atLeast    whether there are more than {@code pending} (only one page was counted)
     */
    public record Lag(long newestSeq, long appliedSeq, int pending, boolean atLeast) {

        /** Whether this node's search index and caches still lack changes other nodes committed. */
        public boolean behind() {
            return pending > 0;
        }

        /** For people: how far behind, with both sequence numbers. */
        public String describe() {
            return (atLeast ? "at least " : "") + pending + " change(s) of other hub nodes not yet applied (change log at "
                    + newestSeq + ", this node at " + appliedSeq + ")";
        }
    }

    /**
     * How far this node is behind the change log now (blocking; cheap when it is in line: one query). Never waits
     * for a catch-up under way: while one runs, it tells how far that catch-up has come (it advances a page at a
     * time). A run committed out of order before the position is not counted; the next catch-up applies it.
     */
    public Lag lag() {
        long at = position;
        long newest = log.newestSeq();
        if (newest <= at) {
            return new Lag(newest, at, 0, false);
        }
        List<ChangeLog.RunEntry> after = log.withRunsAfter(at, PAGE);
        int pending = (int) after.stream().filter(e -> !applied.contains(e.runId())).count();
        return new Lag(newest, at, pending, after.size() == PAGE && pending > 0);
    }

    private void savePosition() {
        try {
            Files.createDirectories(positionFile.getParent());
            Path tmp = positionFile.resolveSibling(positionFile.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(position), StandardCharsets.UTF_8);
            Files.move(tmp, positionFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not save the change-log position to {}", positionFile, e);
        }
    }

    private static Optional<Long> readPosition(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Unreadable change-log position in {}; starting from the newest change", file, e);
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (consumer != null) {
            consumer.unregister();
        }
    }
}
