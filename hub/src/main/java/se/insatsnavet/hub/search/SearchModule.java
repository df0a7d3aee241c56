package se.insatsnavet.hub.search;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.HubModules;
import se.insatsnavet.hub.guidance.ArticleCatalog;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.RateLimit;
import se.insatsnavet.hub.imports.Change;
import se.insatsnavet.hub.services.ServiceCatalog;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The search indexes: the services' index (rebuilt at start when it differs from the published services, then
 * following every committed change, catching up on what it could not write), the guidance articles' index,
 * and {@code /api/search}. Publishes the {@link ServiceIndex}, {@link ArticleIndex}, {@link IndexFollower},
 * {@link IndexAtStart} and the {@link SearchLimit} the services' search shares.
 */
public final class SearchModule implements HubModule {

    private static final Logger LOG = LoggerFactory.getLogger(SearchModule.class);
    /** How often a search index that could not be written (disk full) tries to catch up with the dataset. */
    static final long INDEX_RETRY_MILLIS = 5_000;

    /** Whether the services' index was rebuilt at this start. */
    public record IndexAtStart(boolean rebuilt) {
    }

    /** The one rate limit of the searches ({@code /api/services} and {@code /api/search} together). */
    public record SearchLimit(RateLimit limit) {
    }

    private ServiceIndex serviceIndex;
    private ArticleIndex articleIndex;
    private IndexFollower indexFollower;
    private ArticleCatalog articleCatalog;
    private SearchLimit searchLimit;

    @Override
    public String name() {
        return "search";
    }

    @Override
    public void start(HubContext hub) throws Exception {
        Vertx vertx = hub.vertx();
        ServiceCatalog catalog = hub.catalog();
        articleCatalog = hub.articleCatalog();
        Path indexDir = hub.options().dataDir().resolve("index");
        serviceIndex = ServiceIndex.open(indexDir.resolve("services"), hub.vocabulary(), hub.rdf()::organisationIri);
        hub.steps().done("index open");
        int published = hub.publishedAtStart().toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
        boolean indexRebuilt = false;
        if (serviceIndex.size() != published || !serviceIndex.currentFormat()) {
            LOG.info("Rebuilding the search index ({} services indexed, {} published)", serviceIndex.size(), published);
            serviceIndex.rebuild(catalog::forEachItem);
            indexRebuilt = true;
        }
        catalog.useIndex(serviceIndex);
        hub.steps().done("index check");
        // the index follows each committed import; what it cannot take (disk full) it catches up on later
        indexFollower = new IndexFollower(serviceIndex, catalog::itemsOfIds);
        vertx.setPeriodic(INDEX_RETRY_MILLIS, t -> {
            if (indexFollower.behind() > 0) {
                Blocking.run(vertx, indexFollower::catchUp);
            }
        });
        // the guidance articles' index of their own (the services' index stays as it was), rebuilt when out of step
        articleIndex = ArticleIndex.open(indexDir.resolve("articles"));
        int publishedArticles = articleCatalog.count(ArticleCatalog.Filter.ALL);
        if (articleIndex.size() != publishedArticles) {
            LOG.info("Rebuilding the article index ({} articles indexed, {} published)", articleIndex.size(), publishedArticles);
            articleIndex.rebuild(articleCatalog);
        }
        searchLimit = new SearchLimit(RateLimit.perMinute("search", Long.getLong("insatsnavet.limits.searchPerMinute", 600)));
        hub.put(ServiceIndex.class, serviceIndex);
        hub.put(ArticleIndex.class, articleIndex);
        hub.put(IndexFollower.class, indexFollower);
        hub.put(IndexAtStart.class, new IndexAtStart(indexRebuilt));
        hub.put(SearchLimit.class, searchLimit);
    }

    /**
     * Items of the services a run wrote are read back from the store after the commit, as every other node reads
     * them: a run's own description can differ from the stored one where services share a resource (a provider
     * that another record describes with its municipality), and every node must answer the same bytes.
     */
    @Override
    public void onChanges(List<Change> changes) {
        indexFollower.follow(changes.stream().map(Change::serviceId).toList());
    }

    @Override
    public void onArticleChanges(List<Change> changes) {
        try {
            articleIndex.follow(changes.stream().map(Change::id).toList(), articleCatalog);
        } catch (RuntimeException e) {
            // searches answer from the last committed index until these articles change again, a start finds
            // the index's size differs from the published articles, or reindex rebuilds it
            LOG.error("The article index could not follow {} changed article(s): {}", changes.size(), e.toString());
        }
    }

    @Override
    public void routes(Router router, HubContext hub) {
        router.get("/api/search").handler(searchLimit.limit())
                .handler(SearchHandler.create(hub.vertx(), new MixedSearch(hub.catalog(), articleIndex, hub.iris())));
    }

    @Override
    public void stop() throws Exception {
        HubModules.closeQuietly(LOG, "search index", serviceIndex);
        HubModules.closeQuietly(LOG, "article index", articleIndex);
    }
}
