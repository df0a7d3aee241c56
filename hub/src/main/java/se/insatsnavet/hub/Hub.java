package se.insatsnavet.hub;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.changes.ChangeLog;
import se.insatsnavet.hub.cluster.HazelcastSetup;
import se.insatsnavet.hub.dumps.Dumps;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.guidance.ArticleCatalog;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.imports.ImportService;
import se.insatsnavet.hub.imports.ImportsModule;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.ops.Metrics;
import se.insatsnavet.hub.ops.StartSteps;
import se.insatsnavet.hub.plugins.PluginHost;
import se.insatsnavet.hub.search.ServiceIndex;
import se.insatsnavet.hub.security.AuditLog;
import se.insatsnavet.hub.security.TokenStore;
import se.insatsnavet.hub.store.CatalogStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One running hub: the shared engines ({@link HubEngines}: database, dataset, catalogues, vocabulary, import
 * pipeline, Camel), the feature modules of {@link HubModules#list()} built on them, and the HTTP server.
 * {@link #start(HubOptions)} opens them in that order (the hooks' order is in {@link HubModule}), {@link #stop()}
 * closes them in reverse.
 */
public final class Hub {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    /** Largest request body a write accepts (a whole pushed catalogue). */
    public static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
    /** SPARQL: longest a query may run, most rows (or solutions) returned, largest query text. */
    public static final long SPARQL_TIMEOUT_MILLIS = 10_000;
    public static final int SPARQL_RESULT_CAP = 10_000;
    public static final long SPARQL_MAX_QUERY_BYTES = 64 * 1024;
    /** How long a stop waits, after the grace period, for the answers of requests under way (a push's 503). */
    private static final long STOP_ANSWER_SECONDS = 30;

    private final Vertx vertx;
    private final HubOptions options;
    private final HazelcastClusterManager clusterManager;
    private final Metrics metrics = new Metrics();
    private final StartSteps steps = StartSteps.create();
    private final HubEngines engines;
    /** Completed once the import routes (Camel) run: they start after the hub listens. */
    private final CompletableFuture<Void> camelStarted = new CompletableFuture<>();
    private final List<HubModule> modules = HubModules.list();
    /** The modules whose start was called (a stop stops these, in reverse). */
    private final List<HubModule> started = new ArrayList<>();
    private HubContext context;
    private HttpServer server;
    private Router router;
    private volatile boolean stopping;

    private Hub(Vertx vertx, HubOptions options, HazelcastClusterManager clusterManager) {
        this.vertx = vertx;
        this.options = options;
        this.clusterManager = clusterManager;
        this.engines = new HubEngines(vertx, options, clusterManager, metrics, steps);
    }

    /**
     * Starts a hub on the calling thread (never an event loop: it blocks while the database, the dataset and
     * the federations open) and returns an already completed future: the hub serving HTTP, or the failure,
     * after everything opened so far has been closed again.
     */
    public static Future<Hub> start(HubOptions options) {
        HazelcastClusterManager clusterManager = options.cluster().enabled()
                ? new HazelcastClusterManager(HazelcastSetup.config(options.cluster())) : null;
        Vertx vertx;
        try {
            vertx = HubEngines.vertx(options, clusterManager);
        } catch (Exception e) {
            LOG.error("The hub could not join the cluster", e);
            return Future.failedFuture(e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e);
        }
        Hub hub = new Hub(vertx, options, clusterManager);
        try {
            hub.context = hub.engines.open(hub.camelStarted);
            hub.startModules();
            hub.listen().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            hub.steps.done("listen");
            LOG.info("Serving after {} ms ({})", hub.steps.elapsedMillis(), hub.steps.summary());
            hub.engines.startImportRoutes(hub.camelStarted);
            hub.modules.forEach(m -> m.serving(hub.context));
            return Future.succeededFuture(hub);
        } catch (Exception e) {
            LOG.error("The hub could not start", e);
            hub.camelStarted.completeExceptionally(e);
            try {
                hub.stop().get(60, TimeUnit.SECONDS);
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            return Future.failedFuture(e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e);
        }
    }

    /** Starts every module in list order, registering its listener hooks with the import pipeline right after. */
    private void startModules() throws Exception {
        ImportService imports = engines.imports();
        for (HubModule module : modules) {
            started.add(module);
            module.start(context);
            imports.onChanges(module::onChanges);
            imports.onArticleChanges(module::onArticleChanges);
            imports.onChangesElsewhere(module::onChangesElsewhere);
            imports.onRunFinished(module::onRunFinished);
        }
    }

    private Future<Void> listen() {
        router = HubRouter.create(vertx, metrics, () -> stopping, modules, context);
        return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
                .requestHandler(router)
                .listen(options.port(), options.host())
                .map(s -> {
                    server = s;
                    return null;
                });
    }

    /** This node's id in the cluster, or null when the hub runs alone. */
    public String clusterNodeId() {
        return clusterManager == null ? null : clusterManager.getNodeId();
    }

    /** The port the hub listens on (the real one when started with port 0). */
    public int port() {
        return server.actualPort();
    }

    public HubOptions options() {
        return options;
    }

    public ImportService imports() {
        return engines.imports();
    }

    /** Reads every source of a federation now and imports it, its indicators source last (blocking). */
    public List<RunReport> syncNow(String federationId, String trigger) {
        return ImportsModule.syncNow(context, federationId, trigger);
    }

    public FederationRegistry federations() {
        return part(FederationRegistry.class);
    }

    public TokenStore tokens() {
        return context.tokens();
    }

    public AuditLog audit() {
        return context.audit();
    }

    /** Every routed (method, path) pair of the HTTP API, as Vert.x paths (e.g. {@code GET /id/service/:id}). */
    public List<String> routes() {
        return HubRouter.routes(router);
    }

    /** The embedded plugin framework. */
    public PluginHost plugins() {
        return part(PluginHost.class);
    }

    public Dumps dumps() {
        return part(Dumps.class);
    }

    /** The Lucene index of published services that {@code /api/services} and the search page answer from. */
    public ServiceIndex searchIndex() {
        return part(ServiceIndex.class);
    }

    /** The change log every import writes (services and articles, in commit order). */
    public ChangeLog changeLog() {
        return context.changeLog();
    }

    /** The published guidance articles (by id, federation, service, situation, kind). */
    public ArticleCatalog articleCatalog() {
        return context.articleCatalog();
    }

    /** The linked-data store: embedded TDB2, or the remote SPARQL store of {@link HubOptions#sparqlStore()}. */
    public CatalogStore store() {
        return engines.store();
    }

    /** The import routes' Camel context, once they run (blocks until then). */
    public CamelContext camel() {
        return context.startedCamel();
    }

    private <T> T part(Class<T> type) {
        return context == null ? null : context.find(type).orElse(null);
    }

    /**
     * Stops gracefully: the node stops accepting connections and answers writes 503 with {@code Retry-After}
     * at once; imports under way get {@code -Dinsatsnavet.stop.graceSeconds} (default 30) to finish, then stop at
     * their next record, committing nothing (a push waiting for its answer gets 503 with {@code Retry-After});
     * HTTP closes once the requests under way are answered; then the import routes, the modules (in reverse),
     * the database, the dataset and Vert.x close. The returned stage completes on a plain thread once everything
     * is closed (Vert.x's own threads are gone by then).
     */
    public CompletableFuture<Void> stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        stopping = true;
        Duration grace = stopGrace();
        List<HubModule> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        reversed.forEach(HubModule::stopping);
        Future<Void> drained = engines.drainImports(grace);
        // a request under way (a push waiting for its import) is answered before its connection closes
        Future<Void> http = server == null ? Future.succeededFuture()
                : server.shutdown(grace.toSeconds() + STOP_ANSWER_SECONDS, TimeUnit.SECONDS);
        http = Future.join(drained, http).mapEmpty(); // both ended, whichever way
        http.transform(x -> Blocking.run(vertx, () -> {
            engines.close(camelStarted, reversed);
            return null;
        })).onComplete(x -> new Thread(() -> {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        }, "insatsnavet-close").start());
        return done;
    }

    /** How long a stop lets imports under way finish ({@code -Dinsatsnavet.stop.graceSeconds}, default 30). */
    public static Duration stopGrace() {
        return Duration.ofSeconds(Math.max(0, Long.getLong("insatsnavet.stop.graceSeconds", 30)));
    }
}
