package se.insatsnavet.hub.indicators;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.connectors.source.SourceProblem;
import se.insatsnavet.hub.imports.BatchImporter;
import se.insatsnavet.hub.imports.RecordHash;
import se.insatsnavet.hub.imports.RunCounts;
import se.insatsnavet.hub.imports.RunMessage;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunRepository;
import se.insatsnavet.hub.imports.RunStatus;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.vocab.HubIris;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Imports a federation's indicators source: rows checked by {@link IndicatorRows}, figures withheld by
 * {@link Suppression}, the rest published as the federation's Data Cube data set ({@link IndicatorCube}),
 * replacing the previous one in one write transaction. Every import is a run of the indicators source in the
 * federation's run reports, its counts in observations: {@code read} rows read, {@code rejected} rows
 * rejected, {@code valid} observations published, {@code added/updated/deleted/unchanged} observations
 * compared with the previous data set. Nothing is written when nothing changed. Blocking; imports of one
 * federation are serialised.
 */
public final class IndicatorImport implements BatchImporter {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorImport.class);

    private final CatalogStore store;
    private final RunRepository runs;
    private final HubIris iris;
    private final Suppression suppression;
    private final IndicatorCube cube;
    private final IndicatorQuery query;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final List<Consumer<RunReport>> listeners = new CopyOnWriteArrayList<>();

    public IndicatorImport(CatalogStore store, RunRepository runs, HubIris iris, int minimumCount) {
        this.store = store;
        this.runs = runs;
        this.iris = iris;
        this.suppression = new Suppression(minimumCount);
        this.cube = new IndicatorCube(iris);
        this.query = new IndicatorQuery(store, iris);
    }

    /** The minimum cell count figures are checked against. */
    public int minimumCount() {
        return suppression.minimum();
    }

    /** Called after every finished run (on the importing thread). */
    public void onRunFinished(Consumer<RunReport> listener) {
        listeners.add(listener);
    }

    @Override
    public RunReport importBatch(FederationDescriptor federation, SourceDescriptor source, SourceBatch batch, String trigger) {
        ReentrantLock lock = locks.computeIfAbsent(federation.id(), k -> new ReentrantLock());
        lock.lock();
        try {
            return doImport(federation, source, batch, trigger);
        } finally {
            lock.unlock();
        }
    }

    private RunReport doImport(FederationDescriptor federation, SourceDescriptor source, SourceBatch batch, String trigger) {
        Instant started = Instant.now();
        long runId = runs.start(federation.id(), source.id(), trigger, started);
        List<RunMessage> messages = new ArrayList<>();
        try {
            for (SourceProblem problem : batch.problems()) {
                messages.add(RunMessage.error(problem.locator(), null, problem.field(), null, problem.message()));
            }
            Set<String> published = runs.hashes(federation.id()).values().stream().map(RecordHash::localId)
                    .collect(Collectors.toSet());
            if (published.isEmpty()) {
                String reason = "The federation publishes no services yet; its indicators are read again after its"
                        + " services have been imported";
                return finish(runId, federation, source, trigger, started, RunStatus.FAILED, RunCounts.NONE,
                        null, reason, List.of(RunMessage.error(null, null, null, null, reason)));
            }
            IndicatorRows.Result rows = IndicatorRows.read(batch.records(), published);
            messages.addAll(rows.errors());
            Suppression.Result result = suppression.apply(rows.records());
            messages.addAll(result.warnings());
            int read = batch.records().size() + batch.problems().size();
            int rejected = rows.rejected() + batch.problems().size();

            Map<String, String> before = new HashMap<>();
            for (IndicatorQuery.Row row : query.find(federation.id(), null, null).rows()) {
                row.figures().values().forEach(f -> before.put(key(HubIris.localIdOf(f.service()), f), value(f)));
            }
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            Set<String> now = new HashSet<>();
            for (Figure f : result.figures()) {
                String key = key(f.service(), f);
                now.add(key);
                String old = before.get(key);
                if (old == null) {
                    added++;
                } else if (old.equals(value(f))) {
                    unchanged++;
                } else {
                    updated++;
                }
            }
            int deleted = (int) before.keySet().stream().filter(k -> !now.contains(k)).count();
            if (rows.records().isEmpty() && !before.isEmpty()) {
                String reason = "The indicators source gave no valid row while " + before.size()
                        + " figures are published; treated as a fault, nothing was deleted";
                return finish(runId, federation, source, trigger, started, RunStatus.FAILED,
                        new RunCounts(read, 0, 0, 0, 0, 0, rejected, result.warnings().size()), batch.fingerprint(), reason,
                        messages);
            }
            RunCounts counts = new RunCounts(read, result.figures().size(), added, updated, deleted, unchanged, rejected,
                    result.warnings().size());
            if (counts.changedCatalogue()) {
                store.replaceDataSet(iris.federationGraph(federation.id()), iris.indicatorDataSet(federation.id()),
                        cube.build(federation, result.figures()));
            }
            return finish(runId, federation, source, trigger, started, RunStatus.SUCCEEDED, counts, batch.fingerprint(),
                    null, messages);
        } catch (RuntimeException e) {
            LOG.error("Import of the indicators of {} failed", federation.id(), e);
            messages.add(RunMessage.error(null, null, null, null, "Import failed: " + describe(e)));
            return finish(runId, federation, source, trigger, started, RunStatus.FAILED, RunCounts.NONE, batch.fingerprint(),
                    describe(e), messages);
        }
    }

    @Override
    public RunReport recordFailure(FederationDescriptor federation, SourceDescriptor source, String trigger, Throwable cause) {
        Instant started = Instant.now();
        long runId = runs.start(federation.id(), source.id(), trigger, started);
        String reason = describe(cause);
        LOG.warn("Import of the indicators of {} failed: {}", federation.id(), reason);
        return finish(runId, federation, source, trigger, started, RunStatus.FAILED, RunCounts.NONE, null, reason,
                List.of(RunMessage.error(null, null, null, null, "Source could not be read: " + reason)));
    }

    /**
     * Whether the file watch may skip this batch: it was the last one imported, or the federation publishes no
     * services yet (its first services import reads the indicators right after, so an import now would only
     * fail for want of services).
     */
    @Override
    public boolean isLastImported(FederationDescriptor federation, SourceDescriptor source, String fingerprint) {
        if (runs.hashes(federation.id()).isEmpty()) {
            return true;
        }
        return runs.lastImported(federation.id(), source.id(), fingerprint);
    }

    private RunReport finish(long runId, FederationDescriptor federation, SourceDescriptor source, String trigger,
                             Instant started, RunStatus status, RunCounts counts, String fingerprint, String failure,
                             List<RunMessage> messages) {
        Instant finished = Instant.now();
        runs.finish(runId, federation.id(), status, counts, fingerprint, failure, messages, List.of(), List.of(), List.of(),
                finished);
        RunReport report = new RunReport(runId, federation.id(), source.id(), trigger, status, started, finished, counts,
                failure, List.copyOf(messages));
        LOG.info("Run {} of {}/{} (indicators): {} (rows {}, rejected {}, published {}, added {}, updated {}, deleted {},"
                        + " withheld {})", runId, federation.id(), source.id(), status.label(), counts.read(), counts.rejected(),
                counts.valid(), counts.added(), counts.updated(), counts.deleted(), counts.warnings());
        for (Consumer<RunReport> listener : listeners) {
            try {
                listener.accept(report);
            } catch (RuntimeException e) {
                LOG.warn("Run listener failed", e);
            }
        }
        return report;
    }

    private static String key(String localId, Figure f) {
        return localId + "/" + f.period() + "/" + f.sex() + "/" + f.measure().key();
    }

    private static String value(Figure f) {
        return f.value().stripTrailingZeros().toPlainString() + "/" + Objects.toString(f.base(), "");
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
