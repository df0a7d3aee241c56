package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.mapping.ConceptMatcher;
import se.insatsnavet.connectors.mapping.DefaultMappings;
import se.insatsnavet.connectors.mapping.MappingResult;
import se.insatsnavet.connectors.mapping.RecordMapper;
import se.insatsnavet.connectors.mapping.RecordMessage;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.rdf.ArticleRdf;
import se.insatsnavet.schema.rdf.ServiceContext;
import se.insatsnavet.schema.vocab.HubIris;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The import of one batch of a source of guidance articles ({@code "records": "articles"}), stage by stage like a
 * batch of services ({@link ImportService}) and with the same stages where they fit: {@link SameAsPublished},
 * mapping (the descriptor's or built-in mapping through {@link RecordMapper}, or canonical article JSON from a
 * file without a mapping or a push), {@link ArticleChecks} (JSON Schema, unique id, links), {@link Diff},
 * conversion ({@link ArticleRdf}), {@link Deletions}, then {@link Publication} (the {@link DeletionGuard}, one write
 * and the run's record: hashes and change log of type article). Called by {@link ImportService} under the
 * federation's lock, after the run was started.
 */
final class ArticleImport {

    private final RunRepository runs;
    private final HubIris iris;
    private final ArticleRdf rdf;
    private final Vocabulary vocabulary;
    private final ConceptMatcher matcher;
    private final Publication publication;

    ArticleImport(RunRepository runs, HubIris iris, ConceptMatcher matcher, Publication publication) {
        this.runs = runs;
        this.iris = iris;
        this.rdf = ArticleRdf.of(iris);
        this.vocabulary = Vocabulary.load(iris);
        this.matcher = matcher;
        this.publication = publication;
    }

    /** Runs the stages for a run already started as {@code runId}; returns its report. */
    RunReport run(FederationDescriptor federation, SourceDescriptor source, SourceBatch batch, String trigger,
                  ImportService.Scope scope, long runId, Instant started) {
        String fed = federation.id();
        RunLog log = new RunLog();
        Map<String, RecordHash> previous = runs.hashes(fed, RecordType.ARTICLE);
        Set<String> services = runs.hashes(fed, RecordType.SERVICE).keySet();
        log.sourceProblems(batch.problems());
        log.sourceWarnings(batch.warnings());
        log.notCarried(batch.notCarried());

        // 1. record by record: skip what was read exactly as last published; map; check schema and links
        SameAsPublished same = SameAsPublished.of(federation, source, previous);
        Function<RawRecord, MappingResult> mapper = mapper(federation, source);
        ArticleChecks checks = new ArticleChecks(vocabulary, services);
        ValidRecords valid = new ValidRecords();
        for (RawRecord raw : batch.records()) {
            String rawHash = same.hash(raw);
            if (valid.skip(same.published(rawHash))) {
                continue;
            }
            int warningsBefore = log.warnings();
            MappingResult result = mapper.apply(raw);
            result.warnings().forEach(log::warn);
            Mapping.Mapped record = new Mapping.Mapped(raw.locator(), result.localId(), result.service());
            result.errors().forEach(record::error);
            checks.check(record, valid, log);
            if (record.rejected()) {
                log.reject(record.localId, record.errors);
                continue;
            }
            valid.add(record, log.warnings() == warningsBefore ? rawHash : null);
        }

        // 2. the valid ones: diff against the last content hashes, convert the changed ones
        ChangeSet set = new ChangeSet(RecordType.ARTICLE);
        Diff diff = new Diff(fed, source.id(), previous, RecordType.ARTICLE);
        ServiceContext context = new ServiceContext(iris, fed, source.id(), runId, Instant.now());
        for (Map.Entry<String, ObjectNode> e : valid.services().entrySet()) {
            Diff.Changed changed = diff.compare(e.getKey(), e.getValue(), valid.rawHash(e.getKey()), set);
            if (changed != null) {
                Model model = rdf.toRdf(changed.service(), context);
                set.upsert(iris.article(changed.hash().serviceId()), changed.hash(), model, changed.isNew());
            }
        }

        // 3. the whole source: what is gone is deleted, unless the guard sees a fault; then one write
        int publishedFromSource = Deletions.find(RecordType.ARTICLE, source.id(), scope, previous, valid, iris, set, log);
        return publication.publish(runId, federation, source, trigger, started, batch, valid, diff, set, log,
                publishedFromSource);
    }

    /**
     * How the source's records become canonical articles: the descriptor's mapping laid over the built-in one of its
     * kind (wordpress has one) through {@link RecordMapper}; without either (a JSON file, a push) each record is
     * taken as a canonical article already.
     */
    private Function<RawRecord, MappingResult> mapper(FederationDescriptor federation, SourceDescriptor source) {
        if (!PushSource.KIND.equals(source.kind())
                && DefaultMappings.effective(source.kind(), source.records(), source.mapping()) != null) {
            return new RecordMapper(federation, source, matcher)::map;
        }
        return ArticleImport::canonical;
    }

    /** A record that is a canonical article already; only its {@code id} is required here (the schema checks the rest). */
    static MappingResult canonical(RawRecord raw) {
        ObjectNode article = Responses.JSON.valueToTree(raw.fields());
        JsonNode id = article.get("id");
        String localId = id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
        if (localId == null) {
            return new MappingResult(null, article, List.of(),
                    List.of(new RecordMessage(raw.locator(), null, "id", null, "An article must have an id")));
        }
        return new MappingResult(localId, article, List.of(), List.of());
    }
}
