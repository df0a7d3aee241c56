package se.insatsnavet.hub.imports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.vocab.HubIris;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The runs of {@link ImportService} that only delete, without a batch read: records a push names for deletion,
 * and every record of a federation whose descriptor was removed. Each is an ordinary run under the federation's
 * lock, its deletions in the change log.
 */
final class DeletionRuns {

    private static final Logger LOG = LoggerFactory.getLogger(DeletionRuns.class);

    private final CatalogStore store;
    private final RunRepository runs;
    private final HubIris iris;
    private final RunRecorder recorder;
    private final Supplier<FederationLocks> locks;

    /** @param locks the federation locks imports take (asked each time: they are set after start) */
    DeletionRuns(CatalogStore store, RunRepository runs, HubIris iris, RunRecorder recorder, Supplier<FederationLocks> locks) {
        this.store = store;
        this.runs = runs;
        this.iris = iris;
        this.recorder = recorder;
        this.locks = locks;
    }

    /**
     * Removes records of {@code source} from the catalogue (single-record push DELETE). Returns the run, or
     * empty if none of the ids is published from that source.
     */
    Optional<RunReport> delete(FederationDescriptor federation, SourceDescriptor source, List<String> localIds,
                               String trigger) {
        try (FederationLocks.Lease lease = locks.get().acquire(federation.id())) {
            RecordType type = RecordType.of(source);
            Map<String, RecordHash> previous = runs.hashes(federation.id(), type);
            List<RecordHash> doomed = localIds.stream().map(previous::get)
                    .filter(h -> h != null && h.sourceId().equals(source.id())).toList();
            if (doomed.isEmpty()) {
                return Optional.empty();
            }
            Instant started = Instant.now();
            long runId = recorder.start(federation, source, trigger, started);
            try {
                store.applyChanges(iris.federationGraph(federation.id()), Map.of(),
                        doomed.stream().map(h -> type.iri(iris, h.serviceId())).toList());
            } catch (RuntimeException | InternalError e) {
                LOG.error("Deleting records of {}/{} failed", federation.id(), source.id(), e);
                String reason = WriteFailure.describe(e);
                return Optional.of(recorder.finish(runId, federation, source, trigger, started, RunStatus.FAILED,
                        RunCounts.NONE, null, reason, List.of(RunMessage.error(null, null, null, null, "Delete failed: " + reason)),
                        List.of(), List.of(), List.of()));
            }
            List<Change> changes = doomed.stream().map(h -> new Change(h.serviceId(), Change.Action.DELETED, type)).toList();
            return Optional.of(recorder.finish(runId, federation, source, trigger, started, RunStatus.SUCCEEDED,
                    new RunCounts(0, 0, 0, 0, doomed.size(), 0, 0, 0), null, null, List.of(), List.of(),
                    doomed.stream().map(RecordHash::localId).toList(), changes));
        }
    }

    /**
     * Withdraws every published service and guidance article of a federation (the operator removed its descriptor): one deletion run per
     * source that published them, each through the ordinary change log (deletions in {@code /changes}, the feeds and
     * the event stream). Under the federation's lock, so on a cluster the first node withdraws and the others find
     * nothing left. Returns the runs (none when nothing was published).
     */
    List<RunReport> withdraw(FederationDescriptor federation, String trigger) {
        try (FederationLocks.Lease lease = locks.get().acquire(federation.id())) {
            Map<String, List<String>> bySource = new TreeMap<>();
            runs.hashes(federation.id()).values().forEach(h ->
                    bySource.computeIfAbsent(h.sourceId(), k -> new ArrayList<>()).add(h.localId()));
            List<RunReport> reports = new ArrayList<>();
            bySource.forEach((sourceId, localIds) -> {
                SourceDescriptor source = federation.source(sourceId)
                        .or(() -> Optional.ofNullable(federation.indicators()).filter(s -> s.id().equals(sourceId)))
                        .orElse(sourceId.equals(PushSource.KIND) ? PushSource.DESCRIPTOR
                                : new SourceDescriptor(sourceId, PushSource.KIND, PushSource.KIND, "json", "sv", Map.of(), null, null));
                delete(federation, source, localIds, trigger).ifPresent(reports::add);
            });
            // and its guidance articles, by the article source that published them (or the articles push)
            Map<String, List<String>> articlesBySource = new TreeMap<>();
            runs.hashes(federation.id(), RecordType.ARTICLE).values().forEach(h ->
                    articlesBySource.computeIfAbsent(h.sourceId(), k -> new ArrayList<>()).add(h.localId()));
            articlesBySource.forEach((sourceId, localIds) -> {
                SourceDescriptor source = federation.source(sourceId).filter(SourceDescriptor::holdsArticles)
                        .orElse(sourceId.equals(PushSource.ARTICLES_ID) ? PushSource.ARTICLES
                                : new SourceDescriptor(sourceId, PushSource.KIND, PushSource.KIND, "json", "sv", Map.of(), null,
                                        null, SourceDescriptor.DEFAULT_MAX_DELETE_PERCENT, SourceDescriptor.PluginRefs.NONE, null,
                                        SourceDescriptor.Records.ARTICLES));
                delete(federation, source, localIds, trigger).ifPresent(reports::add);
            });
            return reports;
        }
    }
}
