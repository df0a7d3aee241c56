package se.insatsnavet.hub.imports;

import org.apache.jena.rdf.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The last stage of every run of {@link ImportService}: starts it in the operational database and, at its end, tells
 * the listeners what it committed (search index, caches: before the run is recorded, so whoever sees the run sees
 * its changes), records it with its messages, hashes and change log, and tells the plugins and run listeners. A
 * database that cannot write is a storage problem ({@link StorageHealth}); a run whose end could not be written is
 * marked failed once it can.
 */
final class RunRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

    private final RunRepository runs;
    private final List<Consumer<ImportService.Committed>> committedListeners;
    private final List<Consumer<List<Change>>> changeListeners;
    private final List<Consumer<RunReport>> listeners;
    private final Supplier<RecordPlugins> plugins;
    private final List<Consumer<List<Change>>> articleListeners;
    private final StorageHealth storageHealth = new StorageHealth();
    /** Runs whose end could not be written (storage failure), by id: their failure, recorded once writes work again. */
    private final Map<Long, String> unrecorded = new ConcurrentHashMap<>();

    RunRecorder(RunRepository runs, List<Consumer<ImportService.Committed>> committedListeners,
                List<Consumer<List<Change>>> changeListeners, List<Consumer<RunReport>> listeners,
                Supplier<RecordPlugins> plugins, List<Consumer<List<Change>>> articleListeners) {
        this.runs = runs;
        this.articleListeners = articleListeners;
        this.committedListeners = committedListeners;
        this.changeListeners = changeListeners;
        this.listeners = listeners;
        this.plugins = plugins;
    }

    StorageHealth storageHealth() {
        return storageHealth;
    }

    RunReport finish(long runId, FederationDescriptor federation, SourceDescriptor source, String trigger,
                             Instant started, RunStatus status, RunCounts counts, String fingerprint, String failure,
                             List<RunMessage> messages, List<RecordHash> hashes, List<String> deletedLocalIds,
                             List<Change> changes) {
        return finish(runId, federation, source, trigger, started, status, counts, fingerprint, failure, messages, hashes,
                deletedLocalIds, changes, Map.of());
    }

    RunReport finish(long runId, FederationDescriptor federation, SourceDescriptor source, String trigger,
                             Instant started, RunStatus status, RunCounts counts, String fingerprint, String failure,
                             List<RunMessage> messages, List<RecordHash> hashes, List<String> deletedLocalIds,
                             List<Change> allChanges, Map<String, Model> models) {
        RecordType type = RecordType.of(source);
        // the listeners of services hear of services only; those of articles of articles
        List<Change> changes = allChanges.stream().filter(Change::ofService).toList();
        List<Change> articleChanges = allChanges.stream().filter(c -> !c.ofService()).toList();
        if (!articleChanges.isEmpty()) {
            for (Consumer<List<Change>> listener : articleListeners) {
                try {
                    listener.accept(articleChanges);
                } catch (RuntimeException e) {
                    LOG.warn("Article change listener failed", e);
                }
            }
        }
        // the search index follows before the run is recorded: whoever sees the run sees its changes in search
        if (!changes.isEmpty()) {
            ImportService.Committed committed = new ImportService.Committed(List.copyOf(changes), models);
            for (Consumer<ImportService.Committed> listener : committedListeners) {
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
            runs.finish(runId, federation.id(), type, status, counts, fingerprint, failure, messages, hashes, deletedLocalIds,
                    allChanges, finished);
            recordPendingFailures();
        } catch (RuntimeException e) {
            // the database cannot write (full, read-only …): the run ends as failed all the same; the record
            // hashes stay as they were, so the next run finds (and records) the same changes again
            String reason = WriteFailure.describe(e);
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
        plugins.get().changed(federation.id(), changes, report);
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
    long start(FederationDescriptor federation, SourceDescriptor source, String trigger, Instant started) {
        long runId;
        try {
            runId = runs.start(federation.id(), source.id(), trigger, started);
        } catch (RuntimeException e) {
            String reason = WriteFailure.describe(e);
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
}
