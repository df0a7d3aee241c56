package se.insatsnavet.hub.dumps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.vocab.HubIris;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Bulk dumps in {@code <data>/dumps/}: the whole catalogue as gzipped N-Quads, Turtle per federation, the
 * canonical JSON of every service as NDJSON, and the further {@link DumpFormat}s given (the HSDS package). Rebuilt (coalesced, on one background thread, once runs have been quiet for a second and no import
 * is under way) after runs that changed the catalogue; each file is written beside its final name and moved into place, so readers
 * never see half a dump. The N-Quads and NDJSON dumps are concatenations of parts per graph ({@link #PARTS}); a
 * rebuild after runs of some federations exports again only their graphs (and the small graphs no federation
 * owns), all parts from one read transaction: a consistent snapshot. Whenever it is unsure what changed (a start
 * with changes not yet dumped, a change the request names no federation for, a failed rebuild) it exports all.
 * This class schedules the rebuilds and keeps the {@code .stale} marker; {@link DumpRebuild} writes the parts and
 * dumps, {@link DumpFiles} lists and serves the files.
 */
public final class Dumps implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dumps.class);

    /** One dump file: name, media type, size, SHA-256 and when it was written. */
    public record DumpInfo(String name, String mediaType, long bytes, String sha256, Instant written) {
    }

    private final Path dir;
    private final DumpFiles files;
    private final DumpRebuild rebuild;
    private final ScheduledThreadPoolExecutor writer = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "insatsnavet-dumps"));
    private volatile long lastRequest = System.nanoTime() - TimeUnit.HOURS.toNanos(1);
    private volatile long firstRequest;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean closed;
    private final List<DumpFormat> formats;
    private volatile BooleanSupplier busy = () -> false;
    /**
     * Beside the dumps (never listed nor served: names starting with a dot): {@code .stale} exists from a change
     * of the catalogue until a rebuild after it has finished, so a start knows whether the dumps on disk are
     * current; {@code .digests} keeps each dump's size, modification time and SHA-256, so a start need not
     * read every dump again to list it.
     */
    static final String STALE_MARKER = ".stale";
    static final String DIGESTS = ".digests";
    /** Requests so far; a rebuild clears {@code .stale} only if none came after it began. */
    private final AtomicLong requests = new AtomicLong();
    private final Object staleLock = new Object();
    /** What the requests since the last rebuild began asked for (guarded by {@link #staleLock}). */
    private List<String> pendingFederations = List.of();
    private final Set<String> pendingChanged = new HashSet<>();
    private boolean pendingAll;
    /**
     * Hidden folder of the dumps' parts: a gzip member of N-Quads per named graph ({@code catalogue.nq.gz} is their
     * concatenation, a multi-member gzip) and the published items of each federation's services as JSON lines
     * ({@code services.ndjson} is their concatenation; the further formats read their services from them), and a
     * part per federation of each {@link PartedDumpFormat} (joined into its dump). A rebuild writes again only the
     * parts that may have changed.
     */
    static final String PARTS = ".parts";

    /**
     * @param formats further dumps written after the hub's own (e.g. the HSDS tabular package)
     */
    public Dumps(Path dir, CatalogStore store, ServiceCatalog catalog, HubIris iris, List<DumpFormat> formats) {
        this.dir = dir;
        this.formats = List.copyOf(formats);
        this.files = new DumpFiles(dir);
        this.rebuild = new DumpRebuild(dir, store, catalog, iris, this.formats, files);
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Asks for a rebuild; several requests while one is waiting make one rebuild. The rebuild starts once no
     * request came for {@link #QUIET_MILLIS} (an import of many federations finishes runs in quick succession,
     * and a rebuild per run would compete with the import for the CPU), and at most {@link #MAX_DELAY_MILLIS}
     * after the first request; while imports are under way ({@link #waitWhile}), at most
     * {@link #MAX_BUSY_DELAY_MILLIS} after it.
     */
    public void requestRebuild(Collection<String> federationIds) {
        request(federationIds, null, true);
    }

    /**
     * Like {@link #requestRebuild(Collection)} when only the data of the federations {@code changed} changed
     * (besides the graphs no federation owns, which every rebuild exports): the other federations' Turtle dumps
     * and parts of the N-Quads dump are kept. Several requests make one rebuild of the federations any of them named.
     */
    public void requestRebuild(Collection<String> federationIds, Collection<String> changed) {
        request(federationIds, Set.copyOf(changed), true);
    }

    /** Asks for a rebuild of everything that does not wait for quiet (at start, when no run has finished yet). */
    public void requestRebuildNow(Collection<String> federationIds) {
        request(federationIds, null, false);
    }

    /** @param changed the federations whose graphs changed; null for any (all are exported again) */
    private void request(Collection<String> federationIds, Set<String> changed, boolean quiet) {
        synchronized (staleLock) {
            requests.incrementAndGet();
            markStale();
            pendingFederations = List.copyOf(federationIds);
            if (changed == null) {
                pendingAll = true;
            } else {
                pendingChanged.addAll(changed);
            }
        }
        long now = System.nanoTime();
        if (quiet) {
            lastRequest = now;
        }
        if (pending.compareAndSet(false, true)) {
            firstRequest = now;
            writer.schedule(this::rebuildWhenQuiet, quiet ? QUIET_MILLIS : 0, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Makes requested rebuilds also wait while {@code importing} says imports are under way (at most
     * {@link #MAX_BUSY_DELAY_MILLIS} after the first request): a rebuild reads the whole catalogue, and on a few
     * CPUs it would slow the import it is going to be rebuilt after anyway.
     */
    public void waitWhile(BooleanSupplier importing) {
        this.busy = importing;
    }

    /** Quiet time before a requested rebuild (property {@code insatsnavet.dumps.quietMillis}). */
    static final long QUIET_MILLIS = Long.getLong("insatsnavet.dumps.quietMillis", 1_000);
    /** Longest wait of a requested rebuild for quiet. */
    static final long MAX_DELAY_MILLIS = 30_000;
    /** Longest wait of a requested rebuild while imports are under way (a first import of a large catalogue). */
    static final long MAX_BUSY_DELAY_MILLIS = 300_000;

    private void rebuildWhenQuiet() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        long sinceLast = TimeUnit.NANOSECONDS.toMillis(now - lastRequest);
        long sinceFirst = TimeUnit.NANOSECONDS.toMillis(now - firstRequest);
        if (sinceLast < QUIET_MILLIS && sinceFirst < MAX_DELAY_MILLIS) {
            writer.schedule(this::rebuildWhenQuiet, QUIET_MILLIS - sinceLast, TimeUnit.MILLISECONDS);
            return;
        }
        if (sinceFirst < MAX_BUSY_DELAY_MILLIS && busy.getAsBoolean()) {
            writer.schedule(this::rebuildWhenQuiet, QUIET_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        long requestsBefore;
        List<String> federationIds;
        Set<String> changed;
        synchronized (staleLock) {
            // what the requests so far asked for; a request from now on schedules a rebuild of its own
            requestsBefore = requests.get();
            pending.set(false);
            federationIds = pendingFederations;
            changed = pendingAll ? null : Set.copyOf(pendingChanged);
            pendingAll = false;
            pendingChanged.clear();
        }
        try {
            rebuild(federationIds, changed);
            synchronized (staleLock) {
                if (requests.get() == requestsBefore) {
                    // nothing asked for another rebuild meanwhile: the dumps are as current as the catalogue
                    Files.deleteIfExists(dir.resolve(STALE_MARKER));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Writing the dumps failed; the previous dumps stay", e);
            synchronized (staleLock) {
                pendingAll = true; // some parts may have been written, others not: the next rebuild exports all
            }
        }
    }

    private void markStale() {
        try {
            Path marker = dir.resolve(STALE_MARKER);
            if (!Files.exists(marker)) {
                Files.createDirectories(dir);
                Files.newOutputStream(marker, StandardOpenOption.CREATE).close();
            }
        } catch (IOException e) {
            LOG.warn("Cannot mark the dumps in {} stale; the next start rebuilds them anyway only if one is missing", dir, e);
        }
    }

    /**
     * At start, after {@link #loadExisting}: rebuilds the dumps in the background when they may be behind the
     * catalogue - a change since their last rebuild ({@code .stale}), a dump missing, or {@code changedAtStart}
     * (the start itself changed what they hold: the vocabulary, a federation's description, an interrupted run) -
     * and otherwise keeps serving those on disk. Returns whether a rebuild was asked for.
     */
    public boolean rebuildAtStartIfBehind(Collection<String> federationIds, boolean changedAtStart) {
        List<String> expected = new ArrayList<>(List.of("catalogue.nq.gz", "services.ndjson"));
        federationIds.forEach(f -> expected.add(f + ".ttl"));
        formats.forEach(f -> expected.add(f.name()));
        List<String> missing = expected.stream().filter(n -> !files.has(n)).toList();
        boolean stale = Files.exists(dir.resolve(STALE_MARKER));
        if (!changedAtStart && !stale && missing.isEmpty()) {
            LOG.info("The {} dumps on disk are current; not rebuilt at start", files.count());
            return false;
        }
        LOG.info("Rebuilding the dumps at start ({})", changedAtStart ? "the start changed the catalogue"
                : stale ? "changes since their last rebuild" : missing.size() + " missing, e.g. " + missing.get(0));
        requestRebuildNow(federationIds);
        return true;
    }

    /** Rebuilds every dump now (blocking), exporting every graph again. */
    public void rebuild(Collection<String> federationIds) {
        rebuild(federationIds, null);
    }

    /**
     * Rebuilds the dumps now (blocking). Exports again the graphs of the federations {@code changed} (all if
     * null), every graph no federation owns (the reference vocabulary, links: small) and every graph whose part
     * is missing; rewrites the Turtle dumps of those federations (and any missing one), then
     * {@code catalogue.nq.gz} from the parts, the NDJSON and the further formats. The parts are exported in one
     * read (one snapshot on TDB2).
     */
    public synchronized void rebuild(Collection<String> federationIds, Set<String> changed) {
        rebuild.rebuild(federationIds, changed);
    }

    /**
     * Lists the dump files already in the folder (from the last run of the hub), with their size and SHA-256,
     * so they are served at once while a rebuild runs in the background.
     */
    public void loadExisting() {
        files.loadExisting();
    }

    /** The dumps as they are now, by name. */
    public List<DumpInfo> list() {
        return files.list();
    }

    /** A dump's file, if it is one of the current dumps (nothing else under the folder is ever served). */
    public Optional<Path> file(String name) {
        return files.file(name);
    }

    public Optional<DumpInfo> info(String name) {
        return files.info(name);
    }

    /** Stops the writer: a waiting rebuild is dropped, a running one is let finish (at most a minute). */
    @Override
    public void close() {
        closed = true;
        writer.shutdown(); // no interrupt: an interrupted TDB2 read would close the dataset's file channels
        try {
            if (!writer.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("The dump writer did not finish within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
