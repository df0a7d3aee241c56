package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import org.apache.jena.rdf.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.mapping.ConceptMatcher;
import se.insatsnavet.connectors.mapping.MappingResult;
import se.insatsnavet.connectors.mapping.RecordMapper;
import se.insatsnavet.connectors.mapping.RecordMessage;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.connectors.source.SourceProblem;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.Shapes;
import se.insatsnavet.schema.json.JsonSchemas;
import se.insatsnavet.schema.json.SchemaProblem;
import se.insatsnavet.schema.rdf.ServiceContext;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Turns one {@link SourceBatch} of a federation source into published services: skips the records read
 * exactly as when they were last published ({@link RawRecordHash}: same fields, descriptor and hub), maps each
 * other raw record with the descriptor's mapping, validates it against the canonical JSON Schema, diffs the valid ones
 * against the last content hashes, converts the changed ones to RDF and checks them with the vocabulary's
 * SHACL shapes, and applies adds, updates and deletions to the
 * federation's named graph in one TDB2 transaction; then records the run, its messages, the new hashes
 * and the change log in one database transaction.
 *
 * <p>Bad records are rejected with messages naming federation, record and field; the good ones still
 * import. A record that was published before and is now invalid keeps its last good version. A source
 * that yields no valid record while the federation had published ones is a fault, not a deletion.
 * Imports of one federation are serialised; different federations import in parallel, each isolated.
 * All methods block: call them from worker threads (Camel consumers, Vert.x executeBlocking).
 */
public final class ImportService implements BatchImporter {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    private static final JsonMapper CANONICAL = JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private final CatalogStore store;
    private final RunRepository runs;
    private final HubIris iris;
    private final ConceptMatcher matcher;
    private final ServiceRdf rdf;
    private final BatchShapesCheck shapesCheck;
    private volatile FederationLocks locks = FederationLocks.local();
    private volatile boolean stopping;
    private final List<Consumer<RunReport>> listeners = new CopyOnWriteArrayList<>();
    private final List<Progress> progress = new CopyOnWriteArrayList<>();
    private volatile RecordPlugins plugins = RecordPlugins.NONE;
    private final List<Consumer<List<Change>>> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Change>>> elsewhereListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Committed>> committedListeners = new CopyOnWriteArrayList<>();
    private final StorageHealth storageHealth = new StorageHealth();
    /** Runs whose end could not be written (storage failure), by id: their failure, recorded once writes work again. */
    private final Map<Long, String> unrecorded = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

    /** Records between two progress reports of a long import. */
    public static final int PROGRESS_STEP = 1_000;

    /** Progress of a long import: {@code stage} is "mapped" or "converted"; called every {@link #PROGRESS_STEP} records. */
    @FunctionalInterface
    public interface Progress {
        void report(String federationId, String sourceId, String stage, int done, int total);
    }

    public ImportService(CatalogStore store, RunRepository runs, ServiceRdf rdf, ConceptMatcher matcher) {
        this.store = store;
        this.rdf = rdf;
        this.runs = runs;
        this.iris = rdf.iris();
        this.shapesCheck = new BatchShapesCheck(Shapes.hub(iris));
        this.matcher = matcher;
    }

    /** Whether an import of a batch is under way on this node. */
    public boolean importing() {
        return running.get() > 0;
    }

    /** Whether the runs could be written lately ({@code GET /health} reports a problem as degraded). */
    public StorageHealth storageHealth() {
        return storageHealth;
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
     * on the importing thread; not for runs that changed nothing). The search index builds its items from them
     * instead of reading every changed service back from the store.
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
    public void changedElsewhere(List<Change> changes) {
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
                return doImport(federation, source, batch, trigger, scope);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    /**
     * Removes records of {@code source} from the catalogue (single-record push DELETE). Returns the run, or
     * empty if none of the ids is published from that source.
     */
    public java.util.Optional<RunReport> delete(FederationDescriptor federation, SourceDescriptor source, List<String> localIds,
                                                String trigger) {
        try (FederationLocks.Lease lease = locks.acquire(federation.id())) {
            Map<String, RecordHash> previous = runs.hashes(federation.id());
            List<RecordHash> doomed = localIds.stream().map(previous::get)
                    .filter(h -> h != null && h.sourceId().equals(source.id())).toList();
            if (doomed.isEmpty()) {
                return java.util.Optional.empty();
            }
            Instant started = Instant.now();
            long runId = startRun(federation, source, trigger, started);
            try {
                store.applyChanges(iris.federationGraph(federation.id()), Map.of(),
                        doomed.stream().map(h -> iris.service(h.serviceId())).toList());
            } catch (RuntimeException | InternalError e) {
                LOG.error("Deleting records of {}/{} failed", federation.id(), source.id(), e);
                String reason = WriteFailure.describe(e);
                return java.util.Optional.of(finish(runId, federation, source, trigger, started, RunStatus.FAILED,
                        RunCounts.NONE, null, reason, List.of(RunMessage.error(null, null, null, null, "Delete failed: " + reason)),
                        List.of(), List.of(), List.of()));
            }
            List<Change> changes = doomed.stream().map(h -> new Change(h.serviceId(), Change.Action.DELETED)).toList();
            return java.util.Optional.of(finish(runId, federation, source, trigger, started, RunStatus.SUCCEEDED,
                    new RunCounts(0, 0, 0, 0, doomed.size(), 0, 0, 0), null, null, List.of(), List.of(),
                    doomed.stream().map(RecordHash::localId).toList(), changes));
        }
    }

    /**
     * Records a run of a source known to be byte for byte what its newest succeeded run imported (a file whose size
     * and modification time have not changed since it was read, in this process, so under the same descriptor),
     * without reading it again: every record is unchanged. Only when nothing could differ: the source has no
     * plugins (they may change while the hub runs) and that run had no rejected record and no warning (a run
     * reports its records' current warnings, so those sources are read). Empty when it cannot apply: the caller
     * then reads the source.
     */
    public java.util.Optional<RunReport> recordUnchanged(FederationDescriptor federation, SourceDescriptor source,
                                                         String fingerprint, String trigger) {
        if (fingerprint == null || !source.plugins().all().isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.Optional<RunCounts> last = runs.lastSucceeded(federation.id(), source.id())
                .filter(l -> fingerprint.equals(l.fingerprint())).map(RunRepository.LastSucceeded::counts)
                .filter(c -> c.rejected() == 0 && c.warnings() == 0);
        if (last.isEmpty()) {
            return java.util.Optional.empty();
        }
        RunCounts counts = new RunCounts(last.get().read(), last.get().valid(), 0, 0, 0, last.get().valid(), 0, 0);
        Instant started = Instant.now();
        long runId = startRun(federation, source, trigger, started);
        return java.util.Optional.of(finish(runId, federation, source, trigger, started, RunStatus.SUCCEEDED, counts, fingerprint,
                null, List.of(), List.of(), List.of(), List.of()));
    }

    /** Records a run that failed before any record could be read (source down, unparseable …). */
    @Override
    public RunReport recordFailure(FederationDescriptor federation, SourceDescriptor source, String trigger, Throwable cause) {
        Instant started = Instant.now();
        long runId = startRun(federation, source, trigger, started);
        String reason = describe(cause);
        LOG.warn("Import of {}/{} failed: {}", federation.id(), source.id(), reason);
        return finish(runId, federation, source, trigger, started, RunStatus.FAILED, RunCounts.NONE, null, reason,
                List.of(RunMessage.error(null, null, null, null, "Source could not be read: " + reason)),
                List.of(), List.of(), List.of());
    }

    private RunReport doImport(FederationDescriptor federation, SourceDescriptor source, SourceBatch batch, String trigger,
                               Scope scope) {
        Instant started = Instant.now();
        String fed = federation.id();
        long runId = startRun(federation, source, trigger, started);
        List<RunMessage> messages = new ArrayList<>();
        try {
            java.util.function.Function<RawRecord, MappingResult> mapper = PushSource.KIND.equals(source.kind())
                    ? PushSource::canonical : source.plugins().mapper() != null ? plugins.mapper(federation, source)
                    : new RecordMapper(federation, source, matcher)::map;
            Map<String, ObjectNode> valid = new LinkedHashMap<>();
            Map<String, String> locators = new HashMap<>();
            Set<String> rejectedIds = new HashSet<>();
            int rejected = 0;
            int warnings = 0;
            for (SourceProblem problem : batch.problems()) {
                messages.add(RunMessage.error(problem.locator(), null, problem.field(), null, problem.message()));
                rejected++;
            }
            for (Map.Entry<String, Integer> part : batch.notCarried().entrySet()) {
                messages.add(RunMessage.warning(part.getKey(), null, part.getKey(), String.valueOf(part.getValue()),
                        RecordMessage.NOT_CARRIED + ": " + part.getValue() + " rows of this part of the source belong to no published service"));
                warnings++;
            }
            // records read exactly as last time (same descriptor, same hub) are unchanged: no mapping, no validation
            Map<String, RecordHash> previous = runs.hashes(fed);
            RawRecordHash rawHasher = source.plugins().all().isEmpty() ? RawRecordHash.of(federation) : null;
            Map<String, RecordHash> publishedByRaw = new HashMap<>();
            if (rawHasher != null) {
                for (RecordHash h : previous.values()) {
                    if (h.rawHash() != null && h.sourceId().equals(source.id())) {
                        publishedByRaw.put(h.rawHash(), h);
                    }
                }
            }
            Set<String> skipped = new HashSet<>();
            Map<String, String> rawHashes = new HashMap<>();
            int mapped = 0;
            for (RawRecord raw : batch.records()) {
                progress(federation, source, "mapped", ++mapped, batch.records().size());
                String rawHash = rawHasher == null ? null : rawHasher.of(raw);
                RecordHash same = rawHash == null ? null : publishedByRaw.get(rawHash);
                if (same != null && !skipped.contains(same.localId()) && !valid.containsKey(same.localId())) {
                    skipped.add(same.localId());
                    continue;
                }
                int warningsBefore = warnings;
                MappingResult result = mapper.apply(raw);
                for (RecordMessage w : result.warnings()) {
                    messages.add(RunMessage.warning(w.locator(), w.localId(), w.field(), w.value(), w.message()));
                    warnings++;
                }
                defaultProvider(result.service(), federation);
                List<RunMessage> errors = new ArrayList<>();
                for (RecordMessage e : result.errors()) {
                    errors.add(RunMessage.error(e.locator(), e.localId(), e.field(), e.value(), e.message()));
                }
                if (errors.isEmpty() && result.service() != null) {
                    RecordPlugins.Outcome outcome = plugins.process(federation, source, raw.locator(), result.localId(),
                            result.service());
                    for (RecordMessage m : outcome.errors()) {
                        errors.add(RunMessage.error(m.locator(), m.localId(), m.field(), m.value(), m.message()));
                    }
                    for (RecordMessage m : outcome.warnings()) {
                        messages.add(RunMessage.warning(m.locator(), m.localId(), m.field(), m.value(), m.message()));
                        warnings++;
                    }
                }
                if (errors.isEmpty()) {
                    for (SchemaProblem p : JsonSchemas.service().validate(result.service())) {
                        errors.add(RunMessage.error(raw.locator(), result.localId(), p.field(),
                                valueAt(result.service(), p.field()), p.message()));
                    }
                }
                if (errors.isEmpty() && (valid.containsKey(result.localId()) || skipped.contains(result.localId()))) {
                    errors.add(RunMessage.error(raw.locator(), result.localId(), "localId", result.localId(),
                            "Another record of this source already has this id; ids must be unique"));
                }
                if (errors.isEmpty() && !result.service().path("title").has("sv")) {
                    messages.add(RunMessage.warning(raw.locator(), result.localId(), "title", null,
                            "No Swedish title; the service is listed under its title in another language"));
                    warnings++;
                }
                if (!errors.isEmpty()) {
                    messages.addAll(errors);
                    rejected++;
                    if (result.localId() != null) {
                        rejectedIds.add(result.localId());
                    }
                    continue;
                }
                valid.put(result.localId(), result.service());
                locators.put(result.localId(), raw.locator());
                if (rawHash != null && warnings == warningsBefore) {
                    rawHashes.put(result.localId(), rawHash);
                }
            }
            int read = batch.records().size() + batch.problems().size();

            Instant now = Instant.now();
            Map<String, Model> upserts = new LinkedHashMap<>();
            List<RecordHash> newHashes = new ArrayList<>();
            List<Change> changes = new ArrayList<>();
            int added = 0;
            int updated = 0;
            int unchanged = skipped.size();
            List<BatchShapesCheck.Converted> converted = new ArrayList<>();
            List<RecordHash> pending = new ArrayList<>();
            int seen = 0;
            for (Map.Entry<String, ObjectNode> e : valid.entrySet()) {
                progress(federation, source, "converted", ++seen, valid.size());
                String localId = e.getKey();
                String hash = contentHash(e.getValue());
                String serviceId = HubIris.serviceId(fed, localId);
                RecordHash before = previous.get(localId);
                String rawHash = rawHashes.get(localId);
                if (before != null && before.contentHash().equals(hash) && before.sourceId().equals(source.id())) {
                    unchanged++;
                    if (!java.util.Objects.equals(before.rawHash(), rawHash)) {
                        // the same service, read from other bytes (or first hashed): remember them for the next run
                        newHashes.add(new RecordHash(localId, source.id(), serviceId, hash, rawHash));
                    }
                    continue;
                }
                ServiceContext ctx = new ServiceContext(iris, fed, source.id(), runId, now);
                Model model = rdf.toRdf(e.getValue(), ctx);
                converted.add(new BatchShapesCheck.Converted(localId, locators.get(localId), model));
                pending.add(new RecordHash(localId, source.id(), serviceId, hash, rawHash));
            }
            // the shapes run once per batch of changed records, not once per record
            Map<String, List<RunMessage>> shaclErrors = shapesCheck.errors(converted);
            for (int i = 0; i < converted.size(); i++) {
                BatchShapesCheck.Converted c = converted.get(i);
                RecordHash h = pending.get(i);
                List<RunMessage> errors = shaclErrors.get(c.localId());
                if (errors != null) {
                    messages.addAll(errors);
                    rejected++;
                    rejectedIds.add(c.localId());
                    continue;
                }
                upserts.put(iris.service(h.serviceId()), c.model());
                newHashes.add(h);
                if (previous.get(c.localId()) == null) {
                    added++;
                    changes.add(new Change(h.serviceId(), Change.Action.ADDED));
                } else {
                    updated++;
                    changes.add(new Change(h.serviceId(), Change.Action.UPDATED));
                }
            }
            List<String> deletedLocalIds = new ArrayList<>();
            List<String> deletedIris = new ArrayList<>();
            int publishedFromSource = 0;
            for (RecordHash h : previous.values()) {
                if (scope == Scope.ONLY_THESE || !h.sourceId().equals(source.id())) {
                    continue;
                }
                publishedFromSource++;
                if ((valid.containsKey(h.localId()) || skipped.contains(h.localId())) && !rejectedIds.contains(h.localId())) {
                    continue;
                }
                if (rejectedIds.contains(h.localId())) {
                    messages.add(RunMessage.warning(null, h.localId(), null, null,
                            "The record is invalid in this run; its last valid version stays published"));
                    warnings++;
                    continue;
                }
                deletedLocalIds.add(h.localId());
                deletedIris.add(iris.service(h.serviceId()));
                changes.add(new Change(h.serviceId(), Change.Action.DELETED));
            }
            RunCounts counts = new RunCounts(read, added + updated + unchanged, added, updated, deletedLocalIds.size(),
                    unchanged, rejected, warnings);
            String guard = null;
            if (counts.valid() == 0 && publishedFromSource > 0) {
                guard = "The source gave no valid record while " + publishedFromSource
                        + " are published; treated as a fault, nothing was deleted";
            } else if (source.tooManyDeletions(deletedLocalIds.size(), publishedFromSource)) {
                guard = "The run would delete " + deletedLocalIds.size() + " of the " + publishedFromSource
                        + " published records of this source, more than maxDeletePercent (" + source.maxDeletePercent()
                        + "%); treated as a fault, nothing was changed. Raise maxDeletePercent in the descriptor if"
                        + " the removal is intended";
            }
            if (guard != null) {
                String reason = guard;
                return finish(runId, federation, source, trigger, started, RunStatus.FAILED,
                        new RunCounts(read, 0, 0, 0, 0, 0, rejected, warnings), batch.fingerprint(), reason,
                        messages, List.of(), List.of(), List.of());
            }
            if (counts.changedCatalogue()) {
                store.applyChanges(iris.federationGraph(fed), upserts, deletedIris);
            }
            Map<String, Model> models = new HashMap<>();
            for (RecordHash h : newHashes) {
                Model m = upserts.get(iris.service(h.serviceId()));
                if (m != null) {
                    models.put(h.serviceId(), m);
                }
            }
            return finish(runId, federation, source, trigger, started, RunStatus.SUCCEEDED, counts, batch.fingerprint(),
                    null, messages, newHashes, deletedLocalIds, changes, models);
        } catch (Stopped e) {
            LOG.warn("Import of {}/{} (run {}) abandoned: the hub is stopping", fed, source.id(), runId);
            throw e;
        } catch (RuntimeException | InternalError e) {
            // InternalError: how a memory-mapped file of the dataset reports that the disk could not give it space
            LOG.error("Import of {}/{} failed", fed, source.id(), e);
            messages.add(RunMessage.error(null, null, null, null, "Import failed, nothing of it was published: " + describe(e)));
            return finish(runId, federation, source, trigger, started, RunStatus.FAILED, RunCounts.NONE,
                    batch.fingerprint(), describe(e), messages, List.of(), List.of(), List.of());
        }
    }

    private RunReport finish(long runId, FederationDescriptor federation, SourceDescriptor source, String trigger,
                             Instant started, RunStatus status, RunCounts counts, String fingerprint, String failure,
                             List<RunMessage> messages, List<RecordHash> hashes, List<String> deletedLocalIds,
                             List<Change> changes) {
        return finish(runId, federation, source, trigger, started, status, counts, fingerprint, failure, messages, hashes,
                deletedLocalIds, changes, Map.of());
    }

    private RunReport finish(long runId, FederationDescriptor federation, SourceDescriptor source, String trigger,
                             Instant started, RunStatus status, RunCounts counts, String fingerprint, String failure,
                             List<RunMessage> messages, List<RecordHash> hashes, List<String> deletedLocalIds,
                             List<Change> changes, Map<String, Model> models) {
        // the search index follows before the run is recorded: whoever sees the run sees its changes in search
        if (!changes.isEmpty()) {
            Committed committed = new Committed(List.copyOf(changes), models);
            for (Consumer<Committed> listener : committedListeners) {
                try {
                    listener.accept(committed);
                } catch (RuntimeException e) {
                    LOG.warn("Change listener failed", e);
                }
            }
            for (Consumer<List<Change>> listener : changeListeners) {
                try {
                    listener.accept(List.copyOf(changes));
                } catch (RuntimeException e) {
                    LOG.warn("Change listener failed", e);
                }
            }
        }
        Instant finished = Instant.now();
        try {
            runs.finish(runId, federation.id(), status, counts, fingerprint, failure, messages, hashes, deletedLocalIds,
                    changes, finished);
            recordPendingFailures();
        } catch (RuntimeException e) {
            // the database cannot write (full, read-only …): the run ends as failed all the same; the record
            // hashes stay as they were, so the next run finds (and records) the same changes again
            String reason = describe(e);
            LOG.error("Run {} of {}/{} could not be recorded: {}", runId, federation.id(), source.id(), reason, e);
            failure = status == RunStatus.SUCCEEDED && counts.changedCatalogue()
                    ? "The catalogue was updated, but the run could not be recorded (" + reason + "); the next run records its changes again"
                    : "The run could not be recorded (" + reason + ")" + (failure == null ? "" : ": " + failure);
            status = RunStatus.FAILED;
            messages = new ArrayList<>(messages);
            messages.add(RunMessage.error(null, null, null, null, failure));
            unrecorded.put(runId, failure);
            storageHealth.failed("import run " + runId + " of " + federation.id() + "/" + source.id(), reason);
            recordPendingFailures();
        }
        RunReport report = new RunReport(runId, federation.id(), source.id(), trigger, status, started, finished, counts,
                failure, List.copyOf(messages));
        LOG.info("Run {} of {}/{}: {} (read {}, added {}, updated {}, deleted {}, unchanged {}, rejected {}, warnings {})",
                runId, federation.id(), source.id(), status.label(), counts.read(), counts.added(), counts.updated(),
                counts.deleted(), counts.unchanged(), counts.rejected(), counts.warnings());
        plugins.changed(federation.id(), changes, report);
        for (Consumer<RunReport> listener : listeners) {
            try {
                listener.accept(report);
            } catch (RuntimeException e) {
                LOG.warn("Run listener failed", e);
            }
        }
        return report;
    }

    /** Starts a run in the database; a database that cannot write is a storage problem (health degraded). */
    private long startRun(FederationDescriptor federation, SourceDescriptor source, String trigger, Instant started) {
        long runId;
        try {
            runId = runs.start(federation.id(), source.id(), trigger, started);
        } catch (RuntimeException e) {
            String reason = describe(e);
            storageHealth.failed("import of " + federation.id() + "/" + source.id(), reason);
            LOG.error("Import of {}/{} could not start: the database cannot record it: {}", federation.id(), source.id(), reason);
            throw new RunNotRecordedException("The import of " + federation.id() + "/" + source.id()
                    + " could not start: the database cannot record it (" + reason + ")", e);
        }
        recordPendingFailures();
        return runId;
    }

    /** Marks the runs whose end could not be written as failed, now that the database may write again. */
    private void recordPendingFailures() {
        for (Map.Entry<Long, String> e : unrecorded.entrySet()) {
            try {
                runs.markFailed(e.getKey(), e.getValue(), Instant.now());
                unrecorded.remove(e.getKey());
            } catch (RuntimeException stillFailing) {
                return;
            }
        }
        if (unrecorded.isEmpty()) {
            storageHealth.recovered();
        }
    }

    /** A service whose source names no provider is run by its federation (CPSV-AP needs a competent authority). */
    static void defaultProvider(ObjectNode service, FederationDescriptor federation) {
        if (service == null || service.has("provider")) {
            return;
        }
        ObjectNode provider = service.putObject("provider");
        provider.put("id", federation.id());
        ObjectNode name = provider.putObject("name");
        federation.name().forEach(name::put);
        provider.put("type", "federation");
    }

    /** SHA-256 of the canonical JSON with sorted keys: the same content always gives the same hash. */
    static String contentHash(JsonNode service) {
        try {
            byte[] bytes = CANONICAL.writeValueAsString(service).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value at a dotted field path like {@code contact.email} or {@code municipalities[0]}, as text. */
    static String valueAt(JsonNode root, String field) {
        if (root == null || field == null || field.isEmpty()) {
            return null;
        }
        JsonNode node = root;
        for (String part : field.split("\\.")) {
            String name = part;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                name = part.substring(0, bracket);
            }
            if (!name.isEmpty()) {
                node = node.path(name);
            }
            if (bracket >= 0) {
                for (String index : part.substring(bracket + 1).split("\\]\\[?")) {
                    if (!index.isEmpty()) {
                        node = node.path(Integer.parseInt(index));
                    }
                }
            }
        }
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
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
