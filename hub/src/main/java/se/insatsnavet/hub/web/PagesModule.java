package se.insatsnavet.hub.web;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.duplicates.DuplicateReport;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.guidance.ArticleCatalog;
import se.insatsnavet.hub.guidance.ArticleResourceHandler;
import se.insatsnavet.hub.indicators.IndicatorImport;
import se.insatsnavet.hub.indicators.IndicatorQuery;
import se.insatsnavet.hub.indicators.IndicatorTable;
import se.insatsnavet.hub.indicators.OutcomeAggregation;
import se.insatsnavet.hub.linkeddata.ServicePage;
import se.insatsnavet.hub.linkeddata.ServiceResourceHandler;
import se.insatsnavet.hub.quality.ArticleQuality;
import se.insatsnavet.hub.quality.CoverageReport;
import se.insatsnavet.hub.quality.QualityReport;
import se.insatsnavet.hub.search.ArticleIndex;
import se.insatsnavet.hub.usage.UsageStatistics;
import se.insatsnavet.schema.Vocabulary;

/**
 * The public pages (Swedish): the search page, the finder, the guidance articles' pages, the editors' quality
 * page, the coverage map, the sections a service's page shows (its articles, its indicators), and the static
 * assets.
 */
public final class PagesModule implements HubModule {

    @Override
    public String name() {
        return "pages";
    }

    /** A service's page shows the guidance articles about it and its indicator table. */
    @Override
    public void start(HubContext hub) {
        IndicatorQuery indicatorQuery = new IndicatorQuery(hub.store(), hub.iris());
        int minimumCount = hub.get(IndicatorImport.class).minimumCount();
        ServiceGuidanceSections guidanceSections = new ServiceGuidanceSections(hub.articleCatalog());
        hub.get(ServiceResourceHandler.class).withSections(id -> guidanceSections.html(id) + IndicatorTable.html(
                indicatorQuery.find(null, id, null).rows(), minimumCount, id));
    }

    @Override
    public void routes(Router router, HubContext hub) {
        Vertx vertx = hub.vertx();
        Vocabulary vocabulary = hub.vocabulary();
        FederationRegistry registry = hub.get(FederationRegistry.class);
        ArticleCatalog articleCatalog = hub.articleCatalog();
        UsageStatistics usage = hub.get(UsageStatistics.class);
        router.get("/kvalitet/:federation").handler(QualityPage.create(vertx, hub.get(QualityReport.class), registry::name)
                .withDuplicates(hub.get(DuplicateReport.class)).withArticles(hub.get(ArticleQuality.class)));
        router.get("/tackning").handler(CoveragePage.create(vertx, hub.get(CoverageReport.class), vocabulary, SwedenMap.load())
                .withOutcomes(hub.get(OutcomeAggregation.class)));
        ArticlePage articlePage = new ArticlePage(vocabulary, registry::name,
                id -> hub.catalog().canonical(id).map(c -> ServicePage.text(c.path("title"))));
        router.get(ArticlePage.START).handler(GuidanceStartPage.create(vertx, articleCatalog, vocabulary, registry::name));
        router.get(ArticlePage.START + "/:federation/:id").handler(ArticlePageHandler.standard(vertx, articleCatalog, articlePage));
        router.get(ArticlePage.START + "/:federation/:id/lattlast").handler(ArticlePageHandler.easyToRead(vertx, articleCatalog, articlePage));
        // a browser is sent on to the article's page; every other representation is negotiated after it
        router.get("/id/article/:federation/:id").handler(ArticleHtmlRedirect.create())
                .handler(new ArticleResourceHandler(vertx, articleCatalog, hub.runs(), hub.iris()));
        router.get("/").handler(SearchPage.create(vertx, hub.catalog(), vocabulary, registry::name).withUsage(usage.counter())
                .withArticles(hub.get(ArticleIndex.class)));
        router.get("/hittaguiden").handler(FinderPage.create(vertx, hub.catalog(), vocabulary).withFederations(registry::all)
                .withGuides(new FinderGuideSection(articleCatalog, registry::name))
                .withUsage(usage.counter()));
        router.get("/assets/*").handler(StaticHandler.create("webroot").setCachingEnabled(true).setMaxAgeSeconds(3600));
    }
}
