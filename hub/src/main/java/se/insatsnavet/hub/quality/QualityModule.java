package se.insatsnavet.hub.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.imports.Change;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunsHandler;
import se.insatsnavet.hub.search.IndexFollower;
import se.insatsnavet.hub.search.ServiceIndex;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.schema.vocab.HubIris;

import java.time.Clock;
import java.util.List;

/**
 * Quality: the services' quality report (brought up to date by every change, summed up for each run's report),
 * the coverage report, the plain-language quality of the guidance articles, {@code /api/quality},
 * {@code /api/coverage} and a run's report with its quality summary. Publishes the {@link QualityReport},
 * {@link CoverageReport} and {@link ArticleQuality}.
 */
public final class QualityModule implements HubModule {

    private static final ObjectMapper ITEM_JSON = new ObjectMapper();

    private HubIris iris;
    private QualityReport quality;
    private RunQuality runQuality;
    private CoverageReport coverage;
    private ArticleQuality articleQuality;

    @Override
    public String name() {
        return "quality";
    }

    @Override
    public void start(HubContext hub) {
        iris = hub.iris();
        ServiceCatalog catalog = hub.catalog();
        ServiceIndex serviceIndex = hub.get(ServiceIndex.class);
        IndexFollower indexFollower = hub.get(IndexFollower.class);
        quality = new QualityReport(catalog, Clock.systemUTC());
        // the index's stored items are the store's unless the index failed to follow (a run's services are in it
        // before the run's listeners are told): parsing them is much cheaper than describing every service of a
        // federation from TDB2 after each of its runs
        quality.readItemsFrom((federation, action) -> {
            if (indexFollower.problem().isEmpty()) {
                serviceIndex.forEachStoredItem(federation, json -> action.accept(parseItem(json)));
            } else if (federation == null) {
                catalog.forEachItem(action);
            } else {
                catalog.forEachItemOf(federation, action);
            }
        });
        runQuality = new RunQuality(hub.database());
        coverage = new CoverageReport(hub.store(), iris, hub.vocabulary());
        // the plain-language quality of the guidance articles, and whether the services they link to are published
        articleQuality = new ArticleQuality(hub.articleCatalog()::byFederation, ids -> catalog.itemsOfIds(ids).keySet());
        hub.put(QualityReport.class, quality);
        hub.put(CoverageReport.class, coverage);
        hub.put(ArticleQuality.class, articleQuality);
        hub.steps().done("quality");
    }

    @Override
    public void onChanges(List<Change> changes) {
        quality.changed(changes.stream().map(Change::serviceId).toList(), iris::service);
        coverage.invalidate();
        articleQuality.invalidate();
    }

    @Override
    public void onArticleChanges(List<Change> changes) {
        articleQuality.invalidate();
    }

    @Override
    public void onChangesElsewhere(List<Change> changes) {
        articleQuality.invalidate();
    }

    /** Each run's report keeps its federation's quality summary (before any import runs). */
    @Override
    public void onRunFinished(RunReport run) {
        runQuality.record(run.id(), quality.federationSummary(run.federationId()));
    }

    @Override
    public void routes(Router router, HubContext hub) {
        QualityHandler handler = QualityHandler.create(hub.vertx(), quality, coverage).withArticles(articleQuality);
        router.get("/api/quality").handler(handler.summary());
        router.get("/api/quality/:federation").handler(handler.federation());
        router.get("/api/coverage").handler(handler.coverage());
        router.get("/api/federations/:id/runs/:runId").handler(RunsHandler.one(hub.vertx(), hub.get(FederationRegistry.class),
                hub.runs(), runQuality::of));
    }

    /** An item as the search index stores it (its JSON text). */
    private static ObjectNode parseItem(String json) {
        try {
            return (ObjectNode) ITEM_JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An item stored in the search index is not JSON", e);
        }
    }
}
