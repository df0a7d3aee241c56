package se.insatsnavet.hub.imports;

import org.apache.jena.rdf.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.mapping.ConceptMatcher;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.Shapes;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Turns one {@link SourceBatch} of a federation source into published services, as a pipeline of named stages
 * composed in {@link ServiceImport} (one screen): {@link SameAsPublished} skips the records read exactly as when they
 * were last published; {@link Mapping} maps each other raw record (declarative mapping, push or mapper plugin) and
 * runs the source's enricher and validator plugins; {@link RecordChecks} checks it against the canonical JSON
 * Schema and for a unique id; {@link Diff} compares the valid ones with the last content hashes; {@link Conversion}
 * turns the changed ones into RDF and {@link ShapeCheck} checks them with the vocabulary's SHACL shapes;
 * {@link Deletions} finds what the source no longer holds; {@link Publication} ends the run: {@link DeletionGuard}
 * stops a run that would empty or gut it, {@link Write} applies the {@link ChangeSet} to the federation's named
 * graph in one transaction; then the run, its messages ({@link RunLog}), the new hashes and the change log are recorded in one database transaction.
 * Runs that only delete (a push's deletions, a federation's withdrawal) are {@link DeletionRuns}'s.
 *
 * <p>Bad records are rejected with messages naming federation, record and field; the good ones still
 * import. A record that was published before and is now invalid keeps its last good version. A source
 * that yields no valid record while the federation had published ones is a fault, not a deletion.
 * Imports of one federation are serialised; different federations import in parallel, each isolated.
 * All methods block: call them from worker threads (Camel consumers, Vert.x executeBlocking).
 */
public final class ImportService implements BatchImporter {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final CatalogStore store;
    private final RunRepository runs;
    private final HubIris iris;
    private final Write write;
    private volatile FederationLocks locks = FederationLocks.local();
    private volatile boolean stopping;
    private final List<Consumer<RunReport>> listeners = new CopyOnWriteArrayList<>();
    private final List<Progress> progress = new CopyOnWriteArrayList<>();
    private volatile RecordPlugins plugins = RecordPlugins.NONE;
    private final List<Consumer<List<Change>>> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Change>>> elsewhereListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Committed>> committedListeners = new CopyOnWriteArrayList<>();
    private final RunRecorder recorder;
    private final List<Consumer<List<Change>>> articleListeners = new CopyOnWriteArrayList<>();
    private final ArticleImport articles;
    private final DeletionRuns deletions;
    private final ServiceImport serviceImport;
    private final AtomicInteger running = new AtomicInteger();
    private final Object idle = new Object();

    /** Records between two progress reports of a long import. */
    public static final int PROGRESS_STEP = 1_000;

    /** Progress of a long import: {@code stage} is "mapped" or "converted"; called every {@link #PROGRESS_STEP} records. */
    @FunctionalInterface
    public interface Progress {
        void report(String federationId, String sourceId, String stage, int done, int total);
    }

    public ImportService(CatalogStore store, RunRepository runs, ServiceRdf rdf, ConceptMatcher matcher) {
        this.store = store;
        this.runs = runs;
        this.iris = rdf.iris();
        this.write = new Write(store, iris);
        this.recorder = new RunRecorder(runs, committedListeners, changeListeners, listeners, () -> plugins, articleListeners);
        Publication publication = new Publication(write, recorder);
        this.articles = new ArticleImport(runs, iris, matcher, publication);
        this.deletions = new DeletionRuns(store, runs, iris, recorder, () -> locks);
        this.serviceImport = new ServiceImport(runs, rdf, matcher, new BatchShapesCheck(Shapes.hub(iris)), publication,
                recorder, articles, () -> plugins, this::progress);
    }

    /**
     * Called with what a run of a source of guidance articles changed (after it is committed; on the importing thread,
     * or on a worker for another hub node's run). The other change listeners hear of services only.
     */
    public void onArticleChanges(Consumer<List<Change>> listener) {
        articleListeners.add(listener);
    }

    /**
     * Waits until no import of a batch is under way on this node, at most {@code grace}; returns whether none is.
     * Blocking (the hub's graceful stop).
     */
    public boolean awaitIdle(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (idle) {
            while (running.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    /** Whether the hub is stopping ({@link #stop()}): runs under way stop at their next record. */
    public boolean stopping() {
        return stopping;
    }

    /** Whether an import of a batch is under way on this node. */
    public boolean importing() {
        return running.get() > 0;
    }

    /** Whether the runs could be written lately ({@code GET /health} reports a problem as degraded). */
    public StorageHealth storageHealth() {
        return recorder.storageHealth();
    }

    /** Called with what a run changed (after it is committed), on the importing thread; not for runs that changed nothing. */
    public void onChanges(Consumer<List<Change>> listener) {
        changeListeners.add(listener);
    }

    /**
     * What a run committed: its changes and, by service id, the description it wrote for each added or updated
     * service (as converted from the record, enriched and checked: exactly the triples the run wrote for it).
     * {@code models} is empty for changes another hub node committed (read them from the store then).
     */
    public record Committed(List<Change> changes, Map<String, Model> models) {
    }

    /**
     * Called with what a run committed, with the descriptions it wrote (before the {@link #onChanges} listeners,
     * on the importing thread; not for runs that changed nothing). What a node publishes of a service is built
     * from the stored description, never from these (a resource services share, such as their provider, may be
     * described more fully in the store than in one run's model): use them only for what the run itself wrote,
     * such as the providers it named.
     */
    public void onCommitted(Consumer<Committed> listener) {
        committedListeners.add(listener);
    }

    /** Called with what a run of another hub node changed (from the shared change log), on a worker. */
    public void onChangesElsewhere(Consumer<List<Change>> listener) {
        elsewhereListeners.add(listener);
    }

    /**
     * Another hub node committed these changes (one run): the change listeners are told as for a run of this
     * node (search index, caches), then the listeners of {@link #onChangesElsewhere}.
     */
    public void changedElsewhere(List<Change> all) {
        List<Change> articleChanges = all.stream().filter(c -> !c.ofService()).toList();
        if (!articleChanges.isEmpty()) {
            articleListeners.forEach(l -> l.accept(articleChanges));
        }
        List<Change> changes = all.stream().filter(Change::ofService).toList();
        if (changes.isEmpty()) {
            return;
        }
        Committed committed = new Committed(List.copyOf(changes), Map.of());
        for (Consumer<Committed> listener : committedListeners) {
            listener.accept(committed);
        }
        for (Consumer<List<Change>> listener : changeListeners) {
            listener.accept(changes);
        }
        for (Consumer<List<Change>> listener : elsewhereListeners) {
            listener.accept(changes);
        }
    }

    /** Sets how imports of one federation are kept apart (across the cluster when clustered); local by default. */
    public void useLocks(FederationLocks federationLocks) {
        this.locks = federationLocks;
    }

    /** The runs, their hashes and the change log. */
    public RunRepository runs() {
        return runs;
    }

    /** The federation locks imports take. */
    public FederationLocks locks() {
        return locks;
    }

    /**
     * The hub is stopping: a run under way stops at its next record, commits nothing and stays {@code running}
     * in the database (the next holder of the federation's lock marks it interrupted and runs it again).
     */
    public void stop() {
        stopping = true;
    }

    /** Sets what plugins do during imports (the plugin host); {@link RecordPlugins#NONE} by default. */
    public void usePlugins(RecordPlugins recordPlugins) {
        this.plugins = recordPlugins;
    }

    /** What plugins do during imports (the plugin host, or {@link RecordPlugins#NONE}). */
    RecordPlugins plugins() {
        return plugins;
    }

    /** Called during imports of more than {@link #PROGRESS_STEP} records, on the importing thread. */
    public void onProgress(Progress listener) {
        progress.add(listener);
    }

    private void progress(FederationDescriptor federation, SourceDescriptor source, String stage, int done, int total) {
        if (stopping) {
            throw new Stopped(federation.id() + "/" + source.id());
        }
        if (total > PROGRESS_STEP && (done % PROGRESS_STEP == 0 || done == total)) {
            for (Progress p : progress) {
                p.report(federation.id(), source.id(), stage, done, total);
            }
        }
    }

    /** Called after every finished run (succeeded or failed), on the importing thread. */
    public void onRunFinished(Consumer<RunReport> listener) {
        listeners.add(listener);
    }

    /**
     * Whether {@code fingerprint} is the source fingerprint of the source's newest succeeded run, i.e. the
     * source has not changed since it was last imported.
     */
    @Override
    public boolean isLastImported(FederationDescriptor federation, SourceDescriptor source, String fingerprint) {
        return runs.lastImported(federation.id(), source.id(), fingerprint);
    }

    /** What a batch stands for. */
    public enum Scope {
        /** The source's whole catalogue: records of the source that are missing are deleted. */
        WHOLE_SOURCE,
        /** Only these records are added or updated; nothing else is touched (single-record push). */
        ONLY_THESE
    }

    /** Imports one batch holding the whole catalogue of {@code source}; returns the run's report. */
    @Override
    public RunReport importBatch(FederationDescriptor federation, SourceDescriptor source, SourceBatch batch, String trigger) {
        return importBatch(federation, source, batch, trigger, Scope.WHOLE_SOURCE);
    }

    /** Imports one batch of {@code source}; returns the run's report. */
    public RunReport importBatch(FederationDescriptor federation, SourceDescriptor source, SourceBatch batch, String trigger,
                                 Scope scope) {
        try (FederationLocks.Lease lease = locks.acquire(federation.id())) {
            running.incrementAndGet();
            try {
                return serviceImport.run(federation, source, batch, trigger, scope);
            } finally {
                running.decrementAndGet();
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
    }

    /**
     * Removes records of {@code source} from the catalogue (single-record push DELETE). Returns the run, or
     * empty if none of the ids is published from that source.
     */
    public Optional<RunReport> delete(FederationDescriptor federation, SourceDescriptor source, List<String> localIds,
                                      String trigger) {
        return deletions.delete(federation, source, localIds, trigger);
    }

    /**
     * Withdraws every published service and guidance article of a federation (the operator removed its descriptor):
     * one deletion run per source that published them; see {@link DeletionRuns#withdraw}.
     */
    public List<RunReport> withdraw(FederationDescriptor federation, String trigger) {
        return deletions.withdraw(federation, trigger);
    }

    /**
     * Records a run of a source known to be byte for byte what its newest succeeded run imported (a file whose size
     * and modification time have not changed since it was read, in this process, so under the same descriptor),
     * without reading it again: every record is unchanged. Only when nothing could differ: the source has no
     * plugins (they may change while the hub runs) and that run had no rejected record and no warning (a run
     * reports its records' current warnings, so those sources are read). Empty when it cannot apply: the caller
     * then reads the source.
     */
    public Optional<RunReport> recordUnchanged(FederationDescriptor federation, SourceDescriptor source,
                                               String fingerprint, String trigger) {
        if (fingerprint == null || !source.plugins().all().isEmpty()) {
            return Optional.empty();
        }
        Optional<RunCounts> last = runs.lastSucceeded(federation.id(), source.id())
                .filter(l -> fingerprint.equals(l.fingerprint())).map(RunRepository.LastSucceeded::counts)
                .filter(c -> c.rejected() == 0 && c.warnings() == 0);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        RunCounts counts = new RunCounts(last.get().read(), last.get().valid(), 0, 0, 0, last.get().valid(), 0, 0);
        Instant started = Instant.now();
        long runId = recorder.start(federation, source, trigger, started);
        return Optional.of(recorder.finish(runId, federation, source, trigger, started, RunStatus.SUCCEEDED, counts, fingerprint,
                null, List.of(), List.of(), List.of(), List.of()));
    }

    /** Records a run that failed before any record could be read (source down, unparseable …). */
    @Override
    public RunReport recordFailure(FederationDescriptor federation, SourceDescriptor source, String trigger, Throwable cause) {
        Instant started = Instant.now();
        long runId = recorder.start(federation, source, trigger, started);
        String reason = describe(cause);
        LOG.warn("Import of {}/{} failed: {}", federation.id(), source.id(), reason);
        return recorder.finish(runId, federation, source, trigger, started, RunStatus.FAILED, RunCounts.NONE, null, reason,
                List.of(RunMessage.error(null, null, null, null, "Source could not be read: " + reason)),
                List.of(), List.of(), List.of());
    }

    private static String describe(Throwable e) {
        return WriteFailure.describe(e);
    }

    /** Thrown out of a run when the hub stops under it; the run is left {@code running}, nothing is committed. */
    public static final class Stopped extends RuntimeException {
        Stopped(String what) {
            super("The hub stopped during the import of " + what);
        }
    }
}
