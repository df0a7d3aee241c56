package se.insatsnavet.hub;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.jena.rdf.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.changes.ChangeLog;
import se.insatsnavet.hub.cluster.HazelcastSetup;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.guidance.ArticleCatalog;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.imports.FederationLocks;
import se.insatsnavet.hub.imports.ImportService;
import se.insatsnavet.hub.imports.RunRepository;
import se.insatsnavet.hub.ops.Metrics;
import se.insatsnavet.hub.ops.StartSteps;
import se.insatsnavet.hub.security.AuditLog;
import se.insatsnavet.hub.security.TokenStore;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.rdf.ArticleRdf;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Opens the shared engines of a hub, in the order of the start's first steps ("database", "runs", "dataset",
 * "vocabulary"), then the import pipeline and the (not yet started) Camel context, and hands them to the
 * modules as a {@link HubContext}. What it opened stays reachable for the hub's stop even when a later step
 * failed.
 */
final class HubEngines {

    private static final Logger LOG = LoggerFactory.getLogger(HubEngines.class);

    private final Vertx vertx;
    private final HubOptions options;
    private final HazelcastClusterManager clusterManager;
    private final Metrics metrics;
    private final StartSteps steps;
    private final HubIris iris;
    private Database database;
    private CatalogStore store;
    private ImportService imports;
    private CamelContext camel;

    HubEngines(Vertx vertx, HubOptions options, HazelcastClusterManager clusterManager, Metrics metrics, StartSteps steps) {
        this.vertx = vertx;
        this.options = options;
        this.clusterManager = clusterManager;
        this.metrics = metrics;
        this.steps = steps;
        this.iris = HubIris.of(options.baseUri());
    }

    HubContext open(CompletableFuture<Void> camelStarted) throws Exception {
        database = Database.open(options.effectiveJdbcUrl(), options.jdbcUser(), options.jdbcPassword());
        RunRepository runs = new RunRepository(database);
        TokenStore tokens = new TokenStore(database);
        AuditLog audit = new AuditLog(database);
        ChangeLog changeLog = new ChangeLog(database);
        steps.done("database");
        // whether this start changes what the dumps hold (or may find them behind): they are rebuilt at start then
        boolean changedAtStart = clusterManager != null || options.sparqlStore() != null;
        if (clusterManager == null) {
            changedAtStart |= markInterrupted(runs);
        } // clustered, another node may be importing: unfinished runs are taken over under each federation's lock
        long logAtStart = changeLog.newestSeq();
        steps.done("runs");
        store = options.openStore();
        store.useLinksGraph(iris.linksGraph());
        LOG.info("Linked data in the {}", store.location());
        steps.done("dataset");
        ServiceRdf rdf = ServiceRdf.of(iris);
        ServiceCatalog catalog = new ServiceCatalog(store, rdf);
        ArticleCatalog articleCatalog = new ArticleCatalog(store, ArticleRdf.of(iris));
        // the published services are counted (a scan of the dataset) on a worker while the next steps run
        Future<Integer> publishedCount = vertx.executeBlocking(() -> catalog.allServiceUris().size(), false);
        Vocabulary vocabulary = Vocabulary.load(iris);
        changedAtStart |= replaceGraphIfChanged(iris.referenceGraph(), vocabulary.model());
        steps.done("vocabulary");
        imports = new ImportService(store, runs, rdf, vocabulary.conceptIndex()::match);
        if (clusterManager != null) {
            imports.useLocks(FederationLocks.clustered(vertx.sharedData(),
                    Duration.ofSeconds(Long.getLong("insatsnavet.cluster.lockWaitSeconds", 120))));
        }
        camel = new DefaultCamelContext();
        camel.getShutdownStrategy().setTimeout(10);
        return new HubContext(new HubContext.Engines(vertx, options, iris, metrics, steps, clusterManager, database, runs,
                tokens, audit, changeLog, store, rdf, catalog, articleCatalog, vocabulary, imports, camel),
                camelStarted, logAtStart, publishedCount, changedAtStart);
    }

    /** Marks the runs the last stop interrupted; returns whether there were any. */
    private boolean markInterrupted(RunRepository runs) {
        RunRepository.Interrupted interrupted = runs.markInterrupted();
        metrics.runsInterrupted(interrupted.total());
        if (interrupted.reads() > 0) {
            LOG.warn("{} import run(s) were interrupted by the last stop; marked interrupted", interrupted.reads());
        }
        if (interrupted.pushes() > 0) {
            LOG.warn("{} push(es) were interrupted by the last stop before they were committed; nothing of them was"
                    + " published: the push must be sent again", interrupted.pushes());
        }
        return interrupted.total() > 0;
    }

    /**
     * Replaces a graph unless it already holds exactly {@code content} (the usual start: the same vocabulary
     * as last time), so a start writes nothing it need not; returns whether it wrote.
     */
    private boolean replaceGraphIfChanged(String graphIri, Model content) {
        Model stored = store.graph(graphIri);
        if (stored.size() == content.size() && stored.isIsomorphicWith(content)) {
            return false;
        }
        store.replaceGraph(graphIri, content);
        return true;
    }

    /** Vert.x for a hub: joined to the cluster (waiting up to two minutes) when {@code clusterManager} is given. */
    static Vertx vertx(HubOptions options, HazelcastClusterManager clusterManager) throws Exception {
        if (clusterManager == null) {
            return Vertx.vertx();
        }
        Vertx vertx = HazelcastSetup.start(options.cluster(), clusterManager)
                .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        LOG.info("Joined the hub cluster as node {} ({} node(s))", clusterManager.getNodeId(), clusterManager.getNodes().size());
        return vertx;
    }

    /**
     * Starts the import routes (the schedules, the start-up imports, the file watches) on a worker once the hub
     * serves: the catalogue on disk is served meanwhile, and whatever needs the routes (a sync) waits for them.
     */
    void startImportRoutes(CompletableFuture<Void> camelStarted) {
        vertx.executeBlocking(() -> {
            long t0 = System.nanoTime();
            try {
                camel.start();
                camelStarted.complete(null);
                LOG.info("Import routes started in {} ms", (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.error("The import routes could not start; sources are not read", e);
                camelStarted.completeExceptionally(e);
            }
            return null;
        }, false);
    }

    /**
     * Lets the imports under way finish within {@code grace} (on a worker), then tells them to stop at their next
     * record, committing nothing.
     */
    Future<Void> drainImports(Duration grace) {
        if (imports == null) {
            return Future.succeededFuture();
        }
        return Blocking.run(vertx, () -> {
            if (!imports.awaitIdle(grace)) {
                LOG.warn("Imports still under way after the stop's grace period of {} s; they stop at their next record,"
                        + " committing nothing", grace.toSeconds());
            }
            imports.stop();
            return null;
        });
    }

    /**
     * Closes the import routes (once started, if they were starting), then the modules' parts ({@code modules}
     * in the order given: the reverse of the list), then the database and the dataset (blocking).
     */
    void close(CompletableFuture<Void> camelStarted, List<HubModule> modules) {
        if (camel != null) {
            try {
                camelStarted.get(60, TimeUnit.SECONDS); // never stop Camel while it is still starting
            } catch (Exception notStarted) {
                LOG.debug("The import routes had not started", notStarted);
            }
        }
        HubModules.closeQuietly(LOG, "import routes", camel);
        for (HubModule module : modules) {
            try {
                module.stop();
            } catch (Exception e) {
                LOG.warn("Stopping the {} module failed", module.name(), e);
            }
        }
        HubModules.closeQuietly(LOG, "database", database);
        HubModules.closeQuietly(LOG, "dataset", store);
    }

    /** The database, or null if it did not open. */
    Database database() {
        return database;
    }

    /** The dataset, or null if it did not open. */
    CatalogStore store() {
        return store;
    }

    /** The import pipeline, or null if the start did not get so far. */
    ImportService imports() {
        return imports;
    }

    /** The Camel context, or null if the start did not get so far. */
    CamelContext camel() {
        return camel;
    }
}
