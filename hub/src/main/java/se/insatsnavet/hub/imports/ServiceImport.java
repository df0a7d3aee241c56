package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.mapping.ConceptMatcher;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.schema.rdf.ServiceContext;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The pipeline of one batch of a services source, its stages composed in {@link #run} (one screen; see
 * {@link ImportService} for the stages); a batch of a source of guidance articles goes to {@link ArticleImport}.
 * Called with the federation's lock held.
 */
final class ServiceImport {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceImport.class);

    /** Told of the records done in a stage of a long import; throws {@link ImportService.Stopped} when the hub stops. */
    @FunctionalInterface
    interface StageProgress {
        void at(FederationDescriptor federation, SourceDescriptor source, String stage, int done, int total);
    }

    private final RunRepository runs;
    private final ServiceRdf rdf;
    private final HubIris iris;
    private final ConceptMatcher matcher;
    private final BatchShapesCheck shapesCheck;
    private final RecordChecks recordChecks = new RecordChecks();
    private final Publication publication;
    private final RunRecorder recorder;
    private final ArticleImport articles;
    private final Supplier<RecordPlugins> plugins;
    private final StageProgress progress;

    /** @param plugins what plugins do during imports, asked at each run (the plugin host is set after start) */
    ServiceImport(RunRepository runs, ServiceRdf rdf, ConceptMatcher matcher, BatchShapesCheck shapesCheck,
                  Publication publication, RunRecorder recorder, ArticleImport articles, Supplier<RecordPlugins> plugins, StageProgress progress) {
        this.runs = runs;
        this.rdf = rdf;
        this.iris = rdf.iris();
        this.matcher = matcher;
        this.shapesCheck = shapesCheck;
        this.publication = publication;
        this.recorder = recorder;
        this.articles = articles;
        this.plugins = plugins;
        this.progress = progress;
    }

    /**
     * The import of one batch, stage by stage: the whole way of a record. Each stage is a class with one job; they
     * share the run's {@link RunLog} (messages, rejections, warnings) and fill its {@link ChangeSet}.
     */
    RunReport run(FederationDescriptor federation, SourceDescriptor source, SourceBatch batch, String trigger,
                  ImportService.Scope scope) {
        Instant started = Instant.now();
        String fed = federation.id();
        long runId = recorder.start(federation, source, trigger, started);
        RunLog log = new RunLog();
        try {
            if (source.holdsArticles()) {
                return articles.run(federation, source, batch, trigger, scope, runId, started);
            }
            Map<String, RecordHash> previous = runs.hashes(fed);
            log.sourceProblems(batch.problems());
            log.sourceWarnings(batch.warnings());
            log.notCarried(batch.notCarried());

            // 1. record by record: skip what was read exactly as last published; map, run the plugins, check
            SameAsPublished same = SameAsPublished.of(federation, source, previous);
            Mapping mapping = Mapping.of(federation, source, plugins.get(), matcher);
            ValidRecords valid = new ValidRecords();
            int mapped = 0;
            for (RawRecord raw : batch.records()) {
                progress.at(federation, source, "mapped", ++mapped, batch.records().size());
                String rawHash = same.hash(raw);
                RecordHash published = same.published(rawHash);
                if (valid.skip(published)) {
                    log.repeat(published.warningMessages(), raw.locator());
                    continue;
                }
                int messagesBefore = log.messages().size();
                Mapping.Mapped record = mapping.map(raw, log);
                recordChecks.check(record, valid, log, source.region());
                if (record.rejected()) {
                    log.reject(record.localId, record.errors);
                    continue;
                }
                valid.add(record, rawHash, log.warningsSince(messagesBefore));
            }

            // 2. the valid ones: diff against the last content hashes, convert the changed ones, check their shapes
            ChangeSet set = new ChangeSet();
            Diff diff = new Diff(fed, source.id(), previous);
            Conversion conversion = new Conversion(rdf, new ServiceContext(iris, fed, source.id(), runId, Instant.now()));
            ShapeCheck shapes = new ShapeCheck(shapesCheck, iris);
            int seen = 0;
            for (Map.Entry<String, ObjectNode> e : valid.services().entrySet()) {
                progress.at(federation, source, "converted", ++seen, valid.services().size());
                String localId = e.getKey();
                Diff.Changed changed = diff.compare(localId, e.getValue(), valid.rawHash(localId), valid.warnings(localId),
                        set);
                if (changed != null) {
                    shapes.add(changed, valid.locator(localId), conversion.convert(changed));
                }
            }
            shapes.check(set, log);

            // 3. the whole source: what is gone is deleted, unless the guard sees a fault; then one write
            int publishedFromSource = Deletions.find(source.id(), scope, previous, valid, iris, set, log);
            return publication.publish(runId, federation, source, trigger, started, batch, valid, diff, set, log,
                    publishedFromSource);
        } catch (ImportService.Stopped e) {
            LOG.warn("Import of {}/{} (run {}) abandoned: the hub is stopping", fed, source.id(), runId);
            throw e;
        } catch (RuntimeException | InternalError e) {
            // InternalError: how a memory-mapped file of the dataset reports that the disk could not give it space
            LOG.error("Import of {}/{} failed", fed, source.id(), e);
            log.error(RunMessage.error(null, null, null, null, "Import failed, nothing of it was published: " + WriteFailure.describe(e)));
            return recorder.finish(runId, federation, source, trigger, started, RunStatus.FAILED, RunCounts.NONE,
                    batch.fingerprint(), WriteFailure.describe(e), log.messages(), List.of(), List.of(), List.of());
        }
    }
}
