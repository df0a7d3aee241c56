package se.insatsnavet.hub;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.changes.AtomFeedHandler;
import se.insatsnavet.hub.changes.ChangeLog;
import se.insatsnavet.hub.changes.ChangesHandler;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.dumps.Dumps;
import se.insatsnavet.hub.dumps.DumpsHandler;
import se.insatsnavet.hub.dcat.CatalogDescription;
import se.insatsnavet.hub.dcat.CatalogHandler;
import se.insatsnavet.hub.sparql.SparqlEndpoint;
import se.insatsnavet.hub.sparql.SparqlHandler;
import se.insatsnavet.hub.federations.DescriptorOffers;
import se.insatsnavet.hub.federations.DryRun;
import se.insatsnavet.hub.federations.FederationActivation;
import se.insatsnavet.hub.federations.FederationDescriptorRepository;
import se.insatsnavet.hub.federations.FederationDescriptorsHandler;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.federations.FederationRoutes;
import se.insatsnavet.hub.federations.FederationRepository;
import se.insatsnavet.hub.federations.FederationsHandler;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.HealthHandler;
import se.insatsnavet.hub.http.OpenApiHandler;
import se.insatsnavet.hub.http.MalformedRequests;
import se.insatsnavet.hub.http.TrailingSlashes;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.http.SecurityHeaders;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import se.insatsnavet.hub.plan.MinPlanPage;
import se.insatsnavet.hub.web.ArticleHtmlRedirect;
import se.insatsnavet.hub.web.ArticlePage;
import se.insatsnavet.hub.web.ArticlePageHandler;
import se.insatsnavet.hub.web.FinderGuideSection;
import se.insatsnavet.hub.web.GuidanceStartPage;
import se.insatsnavet.hub.web.ServiceGuidanceSections;
import se.insatsnavet.hub.web.SearchPage;
import se.insatsnavet.hub.imports.ImportRoutes;
import se.insatsnavet.hub.imports.PushHandler;
import se.insatsnavet.hub.guidance.ArticleCatalog;
import se.insatsnavet.hub.guidance.ArticleResourceHandler;
import se.insatsnavet.hub.guidance.ArticlesHandler;
import se.insatsnavet.schema.rdf.ArticleRdf;
import se.insatsnavet.hub.imports.SyncHandler;
import se.insatsnavet.hub.security.AuditLog;
import se.insatsnavet.hub.security.TokenStore;
import se.insatsnavet.hub.security.WriteAccess;
import se.insatsnavet.hub.imports.ImportService;
import se.insatsnavet.hub.imports.RunRepository;
import se.insatsnavet.hub.imports.RunsHandler;
import se.insatsnavet.hub.linkeddata.PublishedOrganisations;
import se.insatsnavet.hub.linkeddata.ResourceHandler;
import se.insatsnavet.hub.linkeddata.ServicePage;
import se.insatsnavet.hub.linkeddata.ServiceResourceHandler;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.hub.services.ServicesHandler;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.ConceptIndex;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.hub.hsds.HsdsHandler;
import se.insatsnavet.hub.ldes.EventStreamHandler;
import se.insatsnavet.hub.plugins.PluginHost;
import se.insatsnavet.hub.search.ArticleIndex;
import se.insatsnavet.hub.search.IndexFollower;
import se.insatsnavet.hub.search.MixedSearch;
import se.insatsnavet.hub.search.SearchHandler;
import se.insatsnavet.hub.search.ServiceIndex;
import se.insatsnavet.hub.plugins.PluginImports;
import se.insatsnavet.hub.plugins.PluginSourceComponent;
import se.insatsnavet.hub.hsds.HsdsTabularPackage;
import se.insatsnavet.hub.hsds.HsdsServiceIndex;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One running hub: the operational database, the Jena dataset, the federations and their Camel import
 * routes, and the HTTP server. {@link #start(HubOptions)} opens them in that order (blocking parts on a
 * worker), {@link #stop()} closes them in reverse.
 */
public final class Hub {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    /** Largest request body a write accepts (a whole pushed catalogue). */
    public static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
    /** SPARQL: longest a query may run, most rows (or solutions) returned, largest query text. */
    public static final long SPARQL_TIMEOUT_MILLIS = 10_000;
    public static final int SPARQL_RESULT_CAP = 10_000;
    public static final long SPARQL_MAX_QUERY_BYTES = 64 * 1024;
    /** How often a search index that could not be written (disk full) tries to catch up with the dataset. */
    static final long INDEX_RETRY_MILLIS = 5_000;

    private final Vertx vertx;
    private final HubOptions options;
    private final HubIris iris;
    private Database database;
    private CatalogStore store;
    private CamelContext camel;
    private FederationRegistry registry;
    private FederationDescriptorRepository descriptors;
    private FederationActivation activation;
    private RunRepository runs;
    private ImportService imports;
    private ImportRoutes importRoutes;
    private se.insatsnavet.hub.indicators.IndicatorImport indicatorImport;
    private se.insatsnavet.hub.usage.UsageStatistics usage;
    private FederationRepository federationRepository;
    private ServiceCatalog catalog;
    private ArticleCatalog articleCatalog;
    private TokenStore tokens;
    private Dumps dumps;
    private PluginHost pluginHost;
    private final se.insatsnavet.hub.ops.Metrics metrics = new se.insatsnavet.hub.ops.Metrics();
    /** How long a stop waits, after the grace period, for the answers of requests under way (a push's 503). */
    private static final long STOP_ANSWER_SECONDS = 30;
    private volatile boolean stopping;
    private ServiceIndex serviceIndex;
    private ArticleIndex articleIndex;
    private IndexFollower indexFollower;
    private PluginImports pluginImports;
    private se.insatsnavet.hub.plugins.PluginWaits pluginWaits;
    private AuditLog audit;
    private Vocabulary vocabulary;
    private HttpServer server;
    private Router router;
    private se.insatsnavet.hub.duplicates.DuplicateReport duplicates;
    private se.insatsnavet.hub.quality.QualityReport quality;
    private se.insatsnavet.hub.quality.RunQuality runQuality;
    private se.insatsnavet.hub.linkcheck.LinkChecker linkChecker;
    private final io.vertx.spi.cluster.hazelcast.HazelcastClusterManager clusterManager;
    private ChangeLog changeLog;
    private se.insatsnavet.hub.cluster.ChangeFollower follower;
    private final se.insatsnavet.hub.ops.StartSteps steps = se.insatsnavet.hub.ops.StartSteps.create();
    /** Completed once the import routes (Camel) run: they start after the hub listens. */
    private final CompletableFuture<Void> camelStarted = new CompletableFuture<>();
    /** The periodic scan of the federation descriptors (-1: not yet started). */
    private volatile long federationScan = -1;

    private Hub(Vertx vertx, HubOptions options, io.vertx.spi.cluster.hazelcast.HazelcastClusterManager clusterManager) {
        this.vertx = vertx;
        this.options = options;
        this.clusterManager = clusterManager;
        this.iris = HubIris.of(options.baseUri());
    }

    /**
     * Starts a hub on the calling thread (never an event loop: it blocks while the database, the dataset and
     * the federations open) and returns an already completed future: the hub serving HTTP, or the failure,
     * after everything opened so far has been closed again.
     */
    public static Future<Hub> start(HubOptions options) {
        io.vertx.spi.cluster.hazelcast.HazelcastClusterManager clusterManager = null;
        Vertx vertx;
        if (options.cluster().enabled()) {
            clusterManager = new io.vertx.spi.cluster.hazelcast.HazelcastClusterManager(
                    se.insatsnavet.hub.cluster.HazelcastSetup.config(options.cluster()));
            try {
                vertx = se.insatsnavet.hub.cluster.HazelcastSetup.start(options.cluster(), clusterManager)
                        .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.error("The hub could not join the cluster", e);
                return Future.failedFuture(e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e);
            }
            LOG.info("Joined the hub cluster as node {} ({} node(s))", clusterManager.getNodeId(), clusterManager.getNodes().size());
        } else {
            vertx = Vertx.vertx();
        }
        Hub hub = new Hub(vertx, options, clusterManager);
        try {
            hub.openEngines();
            hub.listen().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            hub.steps.done("listen");
            LOG.info("Serving after {} ms ({})", hub.steps.elapsedMillis(), hub.steps.summary());
            hub.startImports();
            hub.followCluster();
            return Future.succeededFuture(hub);
        } catch (Exception e) {
            LOG.error("The hub could not start", e);
            hub.camelStarted.completeExceptionally(e);
            try {
                hub.stop().get(60, TimeUnit.SECONDS);
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            return Future.failedFuture(e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e);
        }
    }

    private void openEngines() throws Exception {
        database = Database.open(options.effectiveJdbcUrl(), options.jdbcUser(), options.jdbcPassword());
        runs = new RunRepository(database);
        tokens = new TokenStore(database);
        audit = new AuditLog(database);
        changeLog = new ChangeLog(database);
        steps.done("database");
        // whether this start changes what the dumps hold (or may find them behind): they are rebuilt at start then
        boolean changedAtStart = clusterManager != null || options.sparqlStore() != null;
        if (clusterManager == null) {
            RunRepository.Interrupted interrupted = runs.markInterrupted();
            changedAtStart |= interrupted.total() > 0;
            metrics.runsInterrupted(interrupted.total());
            if (interrupted.reads() > 0) {
                LOG.warn("{} import run(s) were interrupted by the last stop; marked interrupted", interrupted.reads());
            }
            if (interrupted.pushes() > 0) {
                LOG.warn("{} push(es) were interrupted by the last stop before they were committed; nothing of them was"
                        + " published: the push must be sent again", interrupted.pushes());
            }
        } // clustered, another node may be importing: unfinished runs are taken over under each federation's lock
        long logAtStart = changeLog.newestSeq();
        steps.done("runs");
        store = options.openStore();
        store.useLinksGraph(iris.linksGraph());
        LOG.info("Linked data in the {}", store.location());
        steps.done("dataset");
        ServiceRdf rdf = ServiceRdf.of(iris);
        catalog = new ServiceCatalog(store, rdf);
        articleCatalog = new ArticleCatalog(store, ArticleRdf.of(iris));
        // the published services are counted (a scan of the dataset) on a worker while the next steps run
        Future<Integer> publishedCount = vertx.executeBlocking(() -> catalog.allServiceUris().size(), false);
        vocabulary = Vocabulary.load(iris);
        changedAtStart |= replaceGraphIfChanged(iris.referenceGraph(), vocabulary.model());
        steps.done("vocabulary");
        ConceptIndex concepts = vocabulary.conceptIndex();
        imports = new ImportService(store, runs, rdf, concepts::match);
        if (clusterManager != null) {
            imports.useLocks(se.insatsnavet.hub.imports.FederationLocks.clustered(vertx.sharedData(),
                    Duration.ofSeconds(Long.getLong("insatsnavet.cluster.lockWaitSeconds", 120))));
        }

        // the federations: the bundled examples, the operator's watched folder and the admin API's descriptors
        Path examplesDir = options.examples()
                ? se.insatsnavet.hub.federations.BundledExamples.extractTo(options.dataDir().resolve("examples").resolve("federations"))
                : null;
        Path federationsFolder = java.nio.file.Files.createDirectories(options.federationsFolder());
        federationRepository = new FederationRepository(database);
        registry = FederationRegistry.create(federationRepository, store, iris);
        descriptors = new FederationDescriptorRepository(database);
        activation = new FederationActivation(registry, new DescriptorOffers(examplesDir, federationsFolder, descriptors,
                options.dataDir().resolve("federations-api")));
        activation.applyAtStart();
        LOG.info("{} federation(s) run (examples: {}, folder: {}), {} descriptor(s) refused", registry.all().size(),
                examplesDir != null, federationsFolder.toAbsolutePath(), registry.refusals().size());
        changedAtStart |= registry.descriptionsChanged();
        steps.done("federations");

        serviceIndex = ServiceIndex.open(options.dataDir().resolve("index").resolve("services"), vocabulary, rdf::organisationIri);
        steps.done("index open");
        int published = publishedCount.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
        boolean indexRebuilt = false;
        if (serviceIndex.size() != published || !serviceIndex.currentFormat()) {
            LOG.info("Rebuilding the search index ({} services indexed, {} published)", serviceIndex.size(), published);
            serviceIndex.rebuild(catalog::forEachItem);
            indexRebuilt = true;
        }
        catalog.useIndex(serviceIndex);
        steps.done("index check");
        // the index follows each committed import; what it cannot take (disk full) it catches up on later
        indexFollower = new IndexFollower(serviceIndex, catalog::itemsOfIds);
        // items of the services a run wrote are read back from the store after the commit, as every other node
        // reads them: a run's own description can differ from the stored one where services share a resource (a
        // provider that another record describes with its municipality), and every node must answer the same bytes
        imports.onChanges(changes -> indexFollower.follow(
                changes.stream().map(se.insatsnavet.hub.imports.Change::serviceId).toList()));
        vertx.setPeriodic(INDEX_RETRY_MILLIS, t -> {
            if (indexFollower.behind() > 0) {
                Blocking.run(vertx, indexFollower::catchUp);
            }
        });
        // the guidance articles' index of their own (the services' index stays as it was), rebuilt when out of step
        articleIndex = ArticleIndex.open(options.dataDir().resolve("index").resolve("articles"));
        int publishedArticles = articleCatalog.count(ArticleCatalog.Filter.ALL);
        if (articleIndex.size() != publishedArticles) {
            LOG.info("Rebuilding the article index ({} articles indexed, {} published)", articleIndex.size(), publishedArticles);
            articleIndex.rebuild(articleCatalog);
        }
        imports.onArticleChanges(changes -> {
            try {
                articleIndex.follow(changes.stream().map(se.insatsnavet.hub.imports.Change::id).toList(), articleCatalog);
            } catch (RuntimeException e) {
                // searches answer from the last committed index until these articles change again, a start finds
                // the index's size differs from the published articles, or reindex rebuilds it
                LOG.error("The article index could not follow {} changed article(s): {}", changes.size(), e.toString());
            }
        });
        duplicates = new se.insatsnavet.hub.duplicates.DuplicateReport(serviceIndex::forEachStoredItem,
                new se.insatsnavet.hub.duplicates.DuplicateDecisions(database), store, iris);
        changedAtStart |= duplicates.publishLinks();
        steps.done("duplicates");
        imports.onChanges(changes -> duplicates.invalidate());

        dumps = new Dumps(options.dataDir().resolve("dumps"), store, catalog, iris,
                List.of(new HsdsTabularPackage(catalog, vocabulary), new se.insatsnavet.hub.guidance.ArticlesDump(articleCatalog)));
        dumps.waitWhile(imports::importing);
        // a run changes its federation's graph (and graphs no federation owns, which every rebuild exports)
        imports.onRunFinished(run -> {
            if (run.counts().changedCatalogue()) {
                dumps.requestRebuild(registry.all().stream().map(f -> f.id()).toList(), List.of(run.federationId()));
            }
        });
        imports.onRunFinished(metrics::runFinished);
        imports.onProgress((fed, src, stage, done, total) -> {
            if (done % (10 * ImportService.PROGRESS_STEP) == 0 || done == total) {
                LOG.info("Import of {}/{}: {} {} of {} records", fed, src, stage, done, total);
            }
        });
        // the last run's dumps are served at once; fresh ones are written in the background
        dumps.loadExisting();
        steps.done("dumps");
        // another node's run: the federations of the services it changed; all when it names none
        imports.onChangesElsewhere(changes -> {
            List<String> ids = registry.all().stream().map(f -> f.id()).toList();
            if (changes.isEmpty()) {
                dumps.requestRebuild(ids);
            } else {
                dumps.requestRebuild(ids, changes.stream().map(c -> HubIris.federationIdOf(c.serviceId())).distinct().toList());
            }
        });
        // articles changed (here or on another node): their federations' dumps and articles.ndjson
        imports.onArticleChanges(changes -> dumps.requestRebuild(registry.all().stream().map(f -> f.id()).toList(),
                changes.stream().map(c -> HubIris.federationIdOfArticle(c.id())).distinct().toList()));
        if (clusterManager != null) {
            follower = se.insatsnavet.hub.cluster.ChangeFollower.create(vertx, changeLog,
                    options.dataDir().resolve("index").resolve("change-log.position"), clusterManager.getNodeId(),
                    logAtStart, indexRebuilt, imports::changedElsewhere);
            imports.onRunFinished(follower::published);
            metrics.clusterMembers(() -> clusterManager.getNodes().size());
        }
        dumps.rebuildAtStartIfBehind(registry.all().stream().map(f -> f.id()).toList(), changedAtStart);
        pluginHost = PluginHost.start(options.dataDir(),
                Duration.ofMillis(Long.getLong("insatsnavet.plugins.callTimeoutMillis", 10_000)),
                Long.getLong("insatsnavet.plugins.pollMillis", 1_000));
        pluginImports = new PluginImports(pluginHost);
        imports.usePlugins(pluginImports);
        pluginHost.awaitFolder(Duration.ofSeconds(20));
        steps.done("plugins");
        // quality: brought up to date by every change, and summed up for each run's report (before any import runs)
        quality = new se.insatsnavet.hub.quality.QualityReport(catalog, java.time.Clock.systemUTC());
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
        imports.onChanges(changes -> quality.changed(changes.stream().map(se.insatsnavet.hub.imports.Change::serviceId).toList(),
                iris::service));
        runQuality = new se.insatsnavet.hub.quality.RunQuality(database);
        imports.onRunFinished(run -> runQuality.record(run.id(), quality.federationSummary(run.federationId())));
        steps.done("quality");
        // the opt-in link check of the services' web addresses, after each run of a federation that switched it on
        se.insatsnavet.hub.linkcheck.LinkCheckResults linkResults = new se.insatsnavet.hub.linkcheck.LinkCheckResults(database);
        registry.all().stream().filter(f -> !f.linkCheck().enabled()).forEach(f -> linkResults.forget(f.id()));
        quality.useLinkResults(linkResults::all);
        linkChecker = se.insatsnavet.hub.linkcheck.LinkChecker.create(vertx,
                Duration.ofMillis(Long.getLong("insatsnavet.linkcheck.timeoutMillis", 10_000)),
                Duration.ofMillis(Long.getLong("insatsnavet.linkcheck.perHostPauseMillis", 1_000)),
                Boolean.getBoolean("insatsnavet.linkcheck.allowPrivateAddresses"));
        se.insatsnavet.hub.linkcheck.FederationLinkCheck linkCheck = new se.insatsnavet.hub.linkcheck.FederationLinkCheck(vertx,
                linkChecker, linkResults, serviceIndex::forEachStoredItem, quality::invalidate);
        imports.onRunFinished(run -> registry.get(run.federationId()).filter(f -> f.linkCheck().enabled())
                .ifPresent(f -> linkCheck.run(f.id(), f.linkCheck().recheckAfter())));
        camel = new DefaultCamelContext();
        camel.getShutdownStrategy().setTimeout(10);
        camel.addComponent(PluginSourceComponent.SCHEME, new PluginSourceComponent(pluginImports, registry));
        importRoutes = new ImportRoutes(registry, imports, options.importOnStart(), options.readRetries(),
                options.readRetryDelayMillis(), options.fileWatchMillis());
        importRoutes.pluginKinds(kind -> pluginHost.plugin(kind).filter(e -> e.points().contains("connector")).isPresent());
        // a source whose plugin is not running waits for it; when the plugin starts (or is replaced) its sources run again
        pluginWaits = new se.insatsnavet.hub.plugins.PluginWaits(pluginHost, ImportRoutes::builtInKind);
        importRoutes.waitingFor(pluginWaits::waitingFor);
        pluginHost.onPluginStarted(id -> pluginWaits.sourcesNaming(id, registry.all()).forEach(s -> vertx.executeBlocking(
                () -> importRoutes.syncNow(startedCamel(), s.getKey(), s.getValue(), "plugin-started"), false)));
        indicatorImport = new se.insatsnavet.hub.indicators.IndicatorImport(store, runs, iris,
                Integer.getInteger("insatsnavet.indicators.minimumCount", se.insatsnavet.hub.indicators.Suppression.DEFAULT_MINIMUM));
        importRoutes.indicators(indicatorImport);
        indicatorImport.onRunFinished(run -> {
            if (run.counts().changedCatalogue()) {
                // the indicator data sets are in the federation's graph
                dumps.requestRebuild(registry.all().stream().map(f -> f.id()).toList(), List.of(run.federationId()));
            }
        });
        // a federation's indicator rows name its services: read them after its first services import since
        // start, and again whenever its services changed
        java.util.Set<String> servicesImported = java.util.concurrent.ConcurrentHashMap.newKeySet();
        imports.onRunFinished(run -> {
            boolean first = run.status() == se.insatsnavet.hub.imports.RunStatus.SUCCEEDED
                    && servicesImported.add(run.federationId());
            if (first || run.counts().changedCatalogue()) {
                registry.get(run.federationId()).ifPresent(f -> f.indicatorsSource().ifPresent(source ->
                        vertx.executeBlocking(() -> importRoutes.syncNow(startedCamel(), f, source, "services-imported"), false)));
            }
        });
        steps.done("link check, imports");
        // the routes are added before the hub listens (a source that cannot have any is a failed run at once,
        // so the run list is whole from the first request); Camel starts them once it listens
        importRoutes.install(camel);
        steps.done("routes");
    }

    /**
     * Starts the import routes (the schedules, the start-up imports, the file watches) on a worker once the hub
     * serves: the catalogue on disk is served meanwhile, and whatever needs the routes (a sync) waits for them.
     */
    private void startImports() {
        vertx.executeBlocking(() -> {
            long t0 = System.nanoTime();
            try {
                camel.start();
                camelStarted.complete(null);
                LOG.info("Import routes started in {} ms", (System.nanoTime() - t0) / 1_000_000);
                watchFederations();
            } catch (RuntimeException e) {
                LOG.error("The import routes could not start; sources are not read", e);
                camelStarted.completeExceptionally(e);
            }
            return null;
        }, false);
    }

    /** Event-bus address that tells every node to scan the federation descriptors now (one changed). */
    static final String FEDERATIONS_CHANGED = "insatsnavet.federations.changed";

    /**
     * From now on, descriptors added, changed or removed (folder, admin API) take effect while the hub runs: a scan
     * about every second ({@code insatsnavet.federations.scanMillis}) and at once when a node announces a change.
     */
    private void watchFederations() {
        activation.useEffects(new FederationRoutes(vertx, this::startedCamel, importRoutes, imports));
        long every = Long.getLong("insatsnavet.federations.scanMillis", 1_000);
        federationScan = vertx.setPeriodic(every, every, t -> scanFederations());
        vertx.eventBus().consumer(FEDERATIONS_CHANGED, m -> scanFederations());
    }

    private void scanFederations() {
        vertx.executeBlocking(() -> {
            activation.applyIfIdle();
            return null;
        }, false).onFailure(e -> LOG.warn("Scanning the federation descriptors failed", e));
    }

    /**
     * Replaces a graph unless it already holds exactly {@code content} (the usual start: the same vocabulary
     * as last time), so a start writes nothing it need not; returns whether it wrote.
     */
    private boolean replaceGraphIfChanged(String graphIri, org.apache.jena.rdf.model.Model content) {
        org.apache.jena.rdf.model.Model stored = store.graph(graphIri);
        if (stored.size() == content.size() && stored.isIsomorphicWith(content)) {
            return false;
        }
        store.replaceGraph(graphIri, content);
        return true;
    }

    /** Blocks until the import routes run (they start just after the hub listens). */
    private CamelContext startedCamel() {
        camelStarted.join();
        return camel;
    }

    private Future<Void> listen() {
        router = Router.router(vertx);
        usage = se.insatsnavet.hub.usage.UsageStatistics.start(vertx,
                new se.insatsnavet.hub.usage.UsageCounter(java.time.Clock.systemUTC()),
                new se.insatsnavet.hub.usage.UsageRepository(database),
                Long.getLong("insatsnavet.usage.flushMillis", 60_000));
        // reads are open to every origin (no credentials); writes need a token, not a cookie
        router.route().handler(metrics.requestTimer());
        router.route().handler(SecurityHeaders.create());
        router.route().handler(CorsHandler.create().addOrigin("*")
                .allowedMethods(java.util.Set.of(io.vertx.core.http.HttpMethod.GET, io.vertx.core.http.HttpMethod.HEAD))
                .allowedHeader("If-None-Match").allowedHeader("Accept").exposedHeader("ETag"));
        // a stopping node takes no new write (a load balancer sends it again to another node)
        router.route().handler(ctx -> {
            HttpMethod method = ctx.request().method();
            if (stopping && method != HttpMethod.GET && method != HttpMethod.HEAD) {
                Responses.unavailable(ctx, Responses.RETRY_AFTER_SECONDS, "This hub node is stopping; send the request again");
            } else {
                ctx.next();
            }
        });
        router.route().handler(MalformedRequests.check().defaultingAcceptOn("/sparql"));
        router.get("/health").handler(HealthHandler.create(vertx, database, store).withDegradations(() -> {
            Map<String, String> problems = new java.util.LinkedHashMap<>();
            imports.storageHealth().problem().ifPresent(p -> problems.put("imports",
                    p.what() + " could not be recorded since " + p.since() + ": " + p.reason()));
            indexFollower.problem().ifPresent(p -> problems.put("searchIndex",
                    indexFollower.behind() + " changed service(s) not yet searchable: " + p));
            return problems;
        }).withChangeLog(follower == null ? null : follower::lag)
                .withCluster(clusterManager == null ? null : () -> List.copyOf(clusterManager.getNodes())));
        router.get("/api/federations").handler(FederationsHandler.create(vertx, registry, runs, federationRepository)
                .withSourceStatus(pluginWaits::status));
        router.get("/api/federations/:id/runs").handler(RunsHandler.list(vertx, registry, runs));
        se.insatsnavet.hub.quality.CoverageReport coverage = new se.insatsnavet.hub.quality.CoverageReport(store, iris, vocabulary);
        imports.onChanges(changes -> coverage.invalidate());
        // the plain-language quality of the guidance articles, and whether the services they link to are published
        se.insatsnavet.hub.quality.ArticleQuality articleQuality = new se.insatsnavet.hub.quality.ArticleQuality(
                articleCatalog::byFederation, ids -> catalog.itemsOfIds(ids).keySet());
        imports.onArticleChanges(changes -> articleQuality.invalidate());
        imports.onChanges(changes -> articleQuality.invalidate());
        imports.onChangesElsewhere(changes -> articleQuality.invalidate());
        se.insatsnavet.hub.quality.QualityHandler qualityHandler = se.insatsnavet.hub.quality.QualityHandler.create(vertx, quality, coverage)
                .withArticles(articleQuality);
        router.get("/api/quality").handler(qualityHandler.summary());
        router.get("/api/quality/:federation").handler(qualityHandler.federation());
        router.get("/api/coverage").handler(qualityHandler.coverage());
        router.get("/kvalitet/:federation").handler(se.insatsnavet.hub.web.QualityPage.create(vertx, quality, registry::name)
                .withDuplicates(duplicates).withArticles(articleQuality));
        se.insatsnavet.hub.indicators.OutcomeAggregation outcomes = new se.insatsnavet.hub.indicators.OutcomeAggregation(
                store, iris, indicatorImport.minimumCount());
        imports.onChanges(changes -> outcomes.invalidate());
        indicatorImport.onRunFinished(run -> {
            if (run.counts().changedCatalogue()) {
                outcomes.invalidate();
            }
        });
        router.get("/api/coverage/outcomes").handler(se.insatsnavet.hub.indicators.OutcomesHandler.create(vertx, outcomes,
                code -> vocabulary.conceptExists(Vocabulary.COUNTY, code), code -> vocabulary.countyName(code).orElse(code)).list());
        router.get("/tackning").handler(se.insatsnavet.hub.web.CoveragePage.create(vertx, coverage, vocabulary,
                se.insatsnavet.hub.web.SwedenMap.load()).withOutcomes(outcomes));
        router.get("/api/federations/:id/runs/:runId").handler(RunsHandler.one(vertx, registry, runs, runQuality::of));
        se.insatsnavet.hub.http.RateLimit searchLimit = se.insatsnavet.hub.http.RateLimit.perMinute("search",
                Long.getLong("insatsnavet.limits.searchPerMinute", 600));
        router.get("/api/services").handler(searchLimit).handler(ServicesHandler.create(vertx, catalog,
                new se.insatsnavet.hub.services.PeerSearch(options.peers(),
                        Duration.ofMillis(Long.getLong("insatsnavet.peers.timeoutMillis", 3_000))), options.baseUri())
                .withMunicipalityNames(municipalityNames(vocabulary)).withUsage(usage.counter()));
        router.get("/api/search").handler(searchLimit).handler(SearchHandler.create(vertx, new MixedSearch(catalog, articleIndex, iris)));
        HsdsServiceIndex hsdsIndex = new HsdsServiceIndex(catalog, iris);
        PublishedOrganisations publishedOrganisations = new PublishedOrganisations(database);
        imports.onChangesElsewhere(changes -> hsdsIndex.invalidate());
        // the organisations providing services: a federation's first changing run after start records all of its
        // providers (a query over its services); after that, only the providers of the descriptions a run wrote can
        // be new, so the run records those (kept by federation from its committed listener to its finished
        // listener: a federation runs one import at a time), after the run is recorded and visible
        java.util.Map<String, java.util.Set<String>> writtenProviders = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<String> providersRecorded = java.util.concurrent.ConcurrentHashMap.newKeySet();
        imports.onCommitted(committed -> {
            if (!committed.models().isEmpty()) {
                java.util.Set<String> written = writtenProviders.computeIfAbsent(
                        HubIris.federationIdOf(committed.changes().get(0).serviceId()), f -> new java.util.HashSet<>());
                committed.models().values().forEach(model -> written.addAll(providersOf(model)));
            }
        });
        imports.onRunFinished(run -> {
            java.util.Set<String> written = java.util.Objects.requireNonNullElse(writtenProviders.remove(run.federationId()), java.util.Set.of());
            if (run.counts().changedCatalogue()) {
                hsdsIndex.invalidate();
                if (providersRecorded.contains(run.federationId())) {
                    publishedOrganisations.record(written);
                } else {
                    ServiceFilter ofFederation = new ServiceFilter(List.of(), null, null, run.federationId(), 1, 1);
                    publishedOrganisations.record(catalog.organisations(ofFederation).stream()
                            .map(ServiceCatalog.Organisation::iri).toList());
                    providersRecorded.add(run.federationId());
                }
            }
        });
        HsdsHandler hsds = HsdsHandler.create(vertx, catalog, hsdsIndex, vocabulary, options.baseUri());
        router.get("/hsds/").handler(hsds.meta());
        router.get("/hsds/services").handler(hsds.services());
        router.get("/hsds/services/:id").handler(hsds.service());
        router.get("/hsds/taxonomies").handler(hsds.taxonomyList());
        router.get("/hsds/taxonomies/:id").handler(hsds.taxonomy());
        router.get("/hsds/taxonomy_terms").handler(hsds.termList());
        router.get("/hsds/taxonomy_terms/:id").handler(hsds.term());
        router.get("/hsds/organizations").handler(hsds.organizations());
        router.get("/hsds/organizations/:id").handler(hsds.organization());
        router.get("/hsds/service_at_locations").handler(hsds.serviceAtLocations());
        router.get("/hsds/service_at_locations/:id").handler(hsds.serviceAtLocation());
        // HSDS 3.1's POST on its five lists: the same search as GET, parameters in the query, nothing written
        router.post("/hsds/services").handler(hsds.services());
        router.post("/hsds/taxonomies").handler(hsds.taxonomyList());
        router.post("/hsds/taxonomy_terms").handler(hsds.termList());
        router.post("/hsds/organizations").handler(hsds.organizations());
        router.post("/hsds/service_at_locations").handler(hsds.serviceAtLocations());
        router.get("/hsds/profile/").handler(hsds.profile());
        router.get("/hsds/profile/README.md").handler(hsds.profileReadme());
        router.get("/hsds/profile/openapi.json").handler(hsds.profileOpenApi());
        router.get("/hsds/profile/schema/:name").handler(hsds.profileSchemas());
        ServicePage page = new ServicePage((scheme, code) -> switch (scheme) {
            case Vocabulary.MUNICIPALITY -> vocabulary.municipalityShortName(code).orElse(code);
            case Vocabulary.COUNTY -> vocabulary.countyName(code).orElse(code);
            default -> vocabulary.prefLabel(scheme, code, "sv").orElse(code);
        });
        router.get("/id/concept/:scheme/:code").handler(ResourceHandler.create(vertx, store,
                ctx -> iris.concept(ctx.pathParam("scheme"), ctx.pathParam("code")), iris.referenceGraph()));
        router.get("/id/concept/:scheme").handler(ResourceHandler.create(vertx, store,
                ctx -> iris.scheme(ctx.pathParam("scheme")), iris.referenceGraph()));
        router.get("/id/place/municipality/:code").handler(ResourceHandler.create(vertx, store,
                ctx -> iris.municipality(ctx.pathParam("code")), iris.referenceGraph()));
        router.get("/id/place/county/:code").handler(ResourceHandler.create(vertx, store,
                ctx -> iris.county(ctx.pathParam("code")), iris.referenceGraph()));
        router.get("/id/organisation/:slug").handler(ResourceHandler.create(vertx, store,
                ctx -> iris.organisation(ctx.pathParam("slug")), null, publishedOrganisations::wasPublished));
        se.insatsnavet.hub.plugins.PluginFeedFormats feedFormats = new se.insatsnavet.hub.plugins.PluginFeedFormats(pluginHost);
        ServiceResourceHandler serviceResources = ServiceResourceHandler.create(vertx, catalog, runs, page, registry::name)
                .withExtraFormats(feedFormats);
        imports.onChanges(changes -> changes.forEach(c -> serviceResources.invalidate(c.serviceId())));
        se.insatsnavet.hub.indicators.IndicatorQuery indicatorQuery = new se.insatsnavet.hub.indicators.IndicatorQuery(store, iris);
        ServiceGuidanceSections guidanceSections = new ServiceGuidanceSections(articleCatalog);
        serviceResources.withSections(id -> guidanceSections.html(id) + se.insatsnavet.hub.indicators.IndicatorTable.html(
                indicatorQuery.find(null, id, null).rows(), indicatorImport.minimumCount(), id));
        // a service's page shows the articles about it: an article's change may change the pages of its federation's services
        imports.onArticleChanges(changes -> changes.stream().map(c -> HubIris.federationIdOfArticle(c.id())).distinct()
                .forEach(serviceResources::invalidateFederation));
        indicatorImport.onRunFinished(run -> {
            if (run.counts().changedCatalogue()) {
                serviceResources.invalidateFederation(run.federationId());
            }
        });
        serviceResources.withViewCounter(usage.counter()::serviceViewed);
        router.get("/id/service/:id").handler(serviceResources);
        ArticlePage articlePage = new ArticlePage(vocabulary, registry::name,
                id -> catalog.canonical(id).map(c -> ServicePage.text(c.path("title"))));
        router.get(ArticlePage.START).handler(GuidanceStartPage.create(vertx, articleCatalog, vocabulary, registry::name));
        router.get(ArticlePage.START + "/:federation/:id").handler(ArticlePageHandler.standard(vertx, articleCatalog, articlePage));
        router.get(ArticlePage.START + "/:federation/:id/lattlast").handler(ArticlePageHandler.easyToRead(vertx, articleCatalog, articlePage));
        // a browser is sent on to the article's page; every other representation is negotiated after it
        router.get("/id/article/:federation/:id").handler(ArticleHtmlRedirect.create())
                .handler(new ArticleResourceHandler(vertx, articleCatalog, runs, iris));
        ArticlesHandler articlesApi = new ArticlesHandler(vertx, articleCatalog);
        router.get("/api/articles").handler(articlesApi.list());
        router.get("/api/articles/:federation/:id").handler(articlesApi.one());
        se.insatsnavet.hub.duplicates.DuplicatesHandler duplicatesHandler = se.insatsnavet.hub.duplicates.DuplicatesHandler
                .create(vertx, duplicates, id -> registry.get(id).isPresent(), serviceResources::invalidate);
        WriteAccess anyToken = WriteAccess.anyToken(vertx, tokens, audit);
        router.get("/api/duplicates").handler(duplicatesHandler.list());
        router.put("/api/duplicates/:a/:b").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(anyToken)
                .handler(duplicatesHandler.decide());
        router.delete("/api/duplicates/:a/:b").handler(anyToken).handler(duplicatesHandler.withdraw());
        se.insatsnavet.hub.indicators.IndicatorsHandler indicators = se.insatsnavet.hub.indicators.IndicatorsHandler.create(
                vertx, store, iris, indicatorImport.minimumCount());
        router.get("/api/indicators").handler(indicators.list());
        router.get("/api/services/:id/indicators").handler(indicators.ofService());
        router.get("/id/indicators/:federation").handler(indicators.dataSet());

        // writes: bounded bodies, a bearer token, and an audit-log entry each
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
        WriteAccess federationOrAdmin = WriteAccess.federationOrAdmin(vertx, tokens, audit);
        router.post("/admin/backup").handler(WriteAccess.adminOnly(vertx, tokens, audit)).handler(ctx ->
                Blocking.run(vertx, () -> se.insatsnavet.hub.ops.Backup.write(store, database, options.effectiveJdbcUrl(),
                        options.dataDir().resolve("backups"))).onComplete(ar -> {
                    if (ar.failed()) {
                        Responses.failed(ctx, ar.cause());
                    } else {
                        var body = Responses.object().put("backup", ar.result().dir().toAbsolutePath().toString());
                        if (ar.result().catalogue()) {
                            body.put("quads", ar.result().quads());
                        } else {
                            body.put("catalogue", "not in this backup: the catalogue lives in the " + store.location()
                                    + ", which backs up its own data");
                        }
                        Responses.json(ctx, 200, body.put("database", ar.result().database()));
                    }
                }));
        FederationDescriptorsHandler descriptorsApi = new FederationDescriptorsHandler(vertx, activation, descriptors, registry,
                offer -> DryRun.run(offer.descriptor(), pluginImports,
                        kind -> pluginHost.plugin(kind).filter(e -> e.points().contains("connector")).isPresent(), new DryRun.Listener() { }),
                () -> vertx.eventBus().publish(FEDERATIONS_CHANGED, "changed"));
        router.put("/api/federations/:id").handler(BodyHandler.create(false).setBodyLimit(FederationDescriptorsHandler.MAX_BYTES))
                .handler(WriteAccess.adminOnly(vertx, tokens, audit)).handler(descriptorsApi.put());
        router.delete("/api/federations/:id").handler(WriteAccess.adminOnly(vertx, tokens, audit)).handler(descriptorsApi.delete());
        router.get("/admin/plugins").handler(WriteAccess.adminOnly(vertx, tokens, audit))
                .handler(se.insatsnavet.hub.plugins.PluginsHandler.create(vertx, pluginHost));
        PushHandler push = PushHandler.create(vertx, registry, imports);
        router.post("/api/federations/:id/sync").handler(federationOrAdmin).handler(SyncHandler.create(vertx, id -> syncNow(id, "api")));
        router.put("/api/federations/:id/services").handler(bodies).handler(federationOrAdmin).handler(push.putAll());
        router.put("/api/federations/:id/services/:localId").handler(bodies).handler(federationOrAdmin).handler(push.putOne());
        router.delete("/api/federations/:id/services/:localId").handler(federationOrAdmin).handler(push.deleteOne());
        router.put("/api/federations/:id/articles").handler(bodies).handler(federationOrAdmin).handler(push.putAllArticles());
        SparqlEndpoint sparql = new SparqlEndpoint(store, SPARQL_TIMEOUT_MILLIS, SPARQL_RESULT_CAP);
        se.insatsnavet.hub.http.RateLimit sparqlLimit = se.insatsnavet.hub.http.RateLimit.perMinute("SPARQL",
                Long.getLong("insatsnavet.limits.sparqlPerMinute", 120));
        router.get("/sparql").handler(sparqlLimit).handler(SparqlHandler.create(vertx, sparql));
        router.post("/sparql").handler(BodyHandler.create(false).setBodyLimit(SPARQL_MAX_QUERY_BYTES)).handler(sparqlLimit)
                .handler(SparqlHandler.create(vertx, sparql));
        router.get("/metrics").handler(metrics.scrape());
        CatalogDescription dcat = new CatalogDescription(iris, "Insatsnavet", "kontakt@insatsnavet.se");
        java.util.function.Supplier<org.apache.jena.rdf.model.Model> dcatModel = () -> dcat.build(registry.all(), dumps.list(),
                feedFormats.formats(), se.insatsnavet.hub.dcat.CatalogFacts.read(database));
        CatalogHandler catalogHandler = CatalogHandler.create(vertx, dcatModel);
        router.get("/catalog").handler(catalogHandler);
        se.insatsnavet.hub.ldes.CatalogFeedHandler catalogFeed = se.insatsnavet.hub.ldes.CatalogFeedHandler.create(vertx,
                new se.insatsnavet.hub.ldes.CatalogFeedLog(database, java.time.Clock.systemUTC()), dcatModel, iris);
        router.get("/catalog/feed").handler(catalogFeed.fragment());
        router.get("/catalog/feed/event/:seq").handler(catalogFeed.event());
        router.get("/datasets/dcat").handler(catalogHandler);
        router.get("/dumps/").handler(DumpsHandler.list(dumps));
        router.get("/dumps/:name").handler(DumpsHandler.one(dumps));
        ChangesHandler changes = ChangesHandler.create(vertx, changeLog, iris);
        router.get("/changes").handler(changes);
        router.get("/changes/latest").handler(changes.latest());
        EventStreamHandler ldes = EventStreamHandler.create(vertx, changeLog, store, iris);
        router.get("/ldes").handler(ldes.fragment());
        router.get("/ldes/event/:seq").handler(ldes.event());
        router.get("/feeds/:feed.atom").handler(AtomFeedHandler.create(vertx, changeLog, iris,
                id -> registry.get(id).isPresent(), registry::name, ids -> {
                    // services by their published names, guidance articles by their titles
                    java.util.Map<String, String> names = new java.util.HashMap<>(catalog.namesOfIds(
                            ids.stream().filter(i -> !HubIris.isArticleId(i)).toList()));
                    ids.stream().filter(HubIris::isArticleId).forEach(i -> articleCatalog.byId(i)
                            .ifPresent(a -> names.put(i, a.title())));
                    return names;
                }));
        router.get("/openapi.json").handler(OpenApiHandler.create(vertx));
        String jsonLdContext = se.insatsnavet.hub.linkeddata.RdfWriting.context();
        router.get("/" + se.insatsnavet.hub.linkeddata.RdfWriting.CONTEXT_PATH).handler(ctx ->
                Responses.send(ctx, 200, "application/ld+json", jsonLdContext));
        router.get("/schema/:name").handler(se.insatsnavet.hub.http.ClasspathFilesHandler.create(Map.of(
                "service.schema.json", se.insatsnavet.schema.json.JsonSchemas.SERVICE_RESOURCE,
                "federation.schema.json", se.insatsnavet.schema.json.JsonSchemas.FEDERATION_RESOURCE,
                "indicator.schema.json", se.insatsnavet.schema.json.JsonSchemas.INDICATOR_RESOURCE,
                "article.schema.json", se.insatsnavet.schema.json.JsonSchemas.ARTICLE_RESOURCE),
                "application/schema+json"));
        router.get("/docs").handler(se.insatsnavet.hub.http.ApiDocsHandler.create());
        router.get("/").handler(SearchPage.create(vertx, catalog, vocabulary, registry::name).withUsage(usage.counter())
                .withArticles(articleIndex));
        router.get("/hittaguiden").handler(se.insatsnavet.hub.web.FinderPage.create(vertx, catalog, vocabulary).withFederations(registry::all)
                .withGuides(new FinderGuideSection(articleCatalog, registry::name))
                .withUsage(usage.counter()));
        router.get(MinPlanPage.PATH).handler(MinPlanPage.create());
        router.get("/api/usage").handler(se.insatsnavet.hub.usage.UsageHandler.create(vertx, usage.repository(),
                Integer.getInteger("insatsnavet.usage.minimumCountOfWords", 5), java.time.Clock.systemUTC()));
        router.get("/assets/*").handler(StaticHandler.create("webroot").setCachingEnabled(true).setMaxAgeSeconds(3600));
        router.route().last().handler(ctx -> Responses.problem(ctx, 404, "No resource at " + ctx.request().path()));
        router.route().failureHandler(Responses::failed);
        TrailingSlashes.dropFrom(router);
        return vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions().setCompressionSupported(true))
                .requestHandler(router)
                .listen(options.port(), options.host())
                .map(s -> {
                    server = s;
                    return null;
                });
    }

    /**
     * Clustered: catches up with changes other nodes committed while this one was away, follows their nudges,
     * and takes over the imports a node that left the cluster (or this one, before a restart) left unfinished.
     */
    private void followCluster() {
        if (clusterManager == null) {
            return;
        }
        follower.catchUp();
        follower.start(Long.getLong("insatsnavet.cluster.catchUpMillis", 30_000));
        clusterManager.getHazelcastInstance().getCluster().addMembershipListener(new com.hazelcast.cluster.MembershipListener() {
            @Override
            public void memberAdded(com.hazelcast.cluster.MembershipEvent event) {
                LOG.info("Hub node joined the cluster: {}", event.getMember().getAddress());
            }

            @Override
            public void memberRemoved(com.hazelcast.cluster.MembershipEvent event) {
                LOG.warn("Hub node left the cluster: {}; taking over its unfinished imports", event.getMember().getAddress());
                resumeUnfinished();
            }
        });
        resumeUnfinished();
    }

    /** Runs again, on a worker, the imports left unfinished by a node that stopped (see ImportRoutes#resumeInterrupted). */
    private void resumeUnfinished() {
        vertx.executeBlocking(() -> {
            for (var federation : registry.all()) {
                try {
                    ImportRoutes.Resumed resumed = importRoutes.resumeInterrupted(startedCamel(), federation);
                    metrics.runsInterrupted(resumed.marked().total());
                    metrics.runsResumed(resumed.runs().size());
                } catch (RuntimeException e) {
                    LOG.warn("Taking over the unfinished import of {} failed", federation.id(), e);
                }
            }
            return null;
        }, false);
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
        return imports;
    }

    /**
     * Reads every source of a federation now and imports it, its indicators source last (blocking: call from a
     * worker or a test thread).
     */
    public java.util.List<se.insatsnavet.hub.imports.RunReport> syncNow(String federationId, String trigger) {
        var federation = registry.get(federationId)
                .orElseThrow(() -> new IllegalArgumentException("No federation with id '" + federationId + "'"));
        java.util.List<se.insatsnavet.hub.imports.RunReport> reports = new java.util.ArrayList<>(
                federation.sources().stream().map(s -> importRoutes.syncNow(startedCamel(), federation, s, trigger)).toList());
        federation.indicatorsSource().ifPresent(s -> reports.add(importRoutes.syncNow(startedCamel(), federation, s, trigger)));
        return reports;
    }

    public FederationRegistry federations() {
        return registry;
    }

    public TokenStore tokens() {
        return tokens;
    }

    public AuditLog audit() {
        return audit;
    }

    /** Every routed (method, path) pair of the HTTP API, as Vert.x paths (e.g. {@code GET /id/service/:id}). */
    public java.util.List<String> routes() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (io.vertx.ext.web.Route route : router.getRoutes()) {
            if (route.getPath() == null || route.methods() == null) {
                continue;
            }
            String path = route.getPath() + (route.isExactPath() ? "" : "*");
            route.methods().forEach(m -> out.add(m.name() + " " + path));
        }
        return out;
    }

    /** The embedded plugin framework. */
    public PluginHost plugins() {
        return pluginHost;
    }

    public Dumps dumps() {
        return dumps;
    }

    /** The Lucene index of published services that {@code /api/services} and the search page answer from. */
    public ServiceIndex searchIndex() {
        return serviceIndex;
    }

    /** The change log every import writes (services and articles, in commit order). */
    public ChangeLog changeLog() {
        return changeLog;
    }

    /** The published guidance articles (by id, federation, service, situation, kind). */
    public ArticleCatalog articleCatalog() {
        return articleCatalog;
    }

    /** The linked-data store: embedded TDB2, or the remote SPARQL store of {@link HubOptions#sparqlStore()}. */
    public CatalogStore store() {
        return store;
    }

    public CamelContext camel() {
        return startedCamel();
    }

    /**
     * Stops gracefully: the node stops accepting connections and answers writes 503 with {@code Retry-After}
     * at once; imports under way get {@code -Dinsatsnavet.stop.graceSeconds} (default 30) to finish, then stop at
     * their next record, committing nothing (a push waiting for its answer gets 503 with {@code Retry-After});
     * HTTP closes once the requests under way are answered; then the import routes, the database, the dataset
     * and Vert.x close. The returned stage completes on a plain thread once everything is closed (Vert.x's own
     * threads are gone by then).
     */
    public CompletableFuture<Void> stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        stopping = true;
        Duration grace = stopGrace();
        closeQuietly("change follower", follower);
        if (federationScan >= 0) {
            vertx.cancelTimer(federationScan);
        }
        Future<Void> drained = imports == null ? Future.succeededFuture() : Blocking.run(vertx, () -> {
            if (!imports.awaitIdle(grace)) {
                LOG.warn("Imports still under way after the stop's grace period of {} s; they stop at their next record,"
                        + " committing nothing", grace.toSeconds());
            }
            imports.stop();
            return null;
        });
        // a request under way (a push waiting for its import) is answered before its connection closes
        Future<Void> http = server == null ? Future.succeededFuture()
                : server.shutdown(grace.toSeconds() + STOP_ANSWER_SECONDS, TimeUnit.SECONDS);
        http = Future.join(drained, http).mapEmpty(); // both ended, whichever way
        http.transform(x -> Blocking.run(vertx, () -> {
            if (camel != null) {
                try {
                    camelStarted.get(60, TimeUnit.SECONDS); // never stop Camel while it is still starting
                } catch (Exception notStarted) {
                    LOG.debug("The import routes had not started", notStarted);
                }
            }
            closeQuietly("import routes", camel);
            closeQuietly("link checker", linkChecker);
            closeQuietly("usage statistics", usage);
            closeQuietly("plugin host", pluginHost);
            closeQuietly("search index", serviceIndex);
            closeQuietly("article index", articleIndex);
            closeQuietly("dump writer", dumps);
            closeQuietly("database", database);
            closeQuietly("dataset", store);
            return null;
        })).onComplete(x -> {
            Thread closer = new Thread(() -> {
                try {
                    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                    done.complete(null);
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            }, "insatsnavet-close");
            closer.start();
        });
        return done;
    }

    /** How long a stop lets imports under way finish ({@code -Dinsatsnavet.stop.graceSeconds}, default 30). */
    public static Duration stopGrace() {
        return Duration.ofSeconds(Math.max(0, Long.getLong("insatsnavet.stop.graceSeconds", 30)));
    }

    /** Municipality name (short, "Linköping", or full, "Linköpings kommun"; any case) → SCB code. */
    private static java.util.function.Function<String, java.util.Optional<String>> municipalityNames(Vocabulary vocabulary) {
        java.util.Map<String, String> byName = new java.util.HashMap<>();
        for (String code : vocabulary.codes(Vocabulary.MUNICIPALITY)) {
            vocabulary.municipalityShortName(code).ifPresent(n -> byName.put(n.toLowerCase(java.util.Locale.ROOT), code));
            vocabulary.municipalityName(code).ifPresent(n -> byName.put(n.toLowerCase(java.util.Locale.ROOT), code));
        }
        return name -> java.util.Optional.ofNullable(byName.get(name.trim().toLowerCase(java.util.Locale.ROOT)));
    }

    private static void closeQuietly(String what, AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("Closing the {} failed", what, e);
        }
    }

    /** The organisations a service description names as its provider (competent authority) with a label. */
    private static java.util.Set<String> providersOf(org.apache.jena.rdf.model.Model model) {
        java.util.Set<String> providers = new java.util.HashSet<>();
        model.listObjectsOfProperty(se.insatsnavet.schema.vocab.M8G.hasCompetentAuthority).forEachRemaining(provider -> {
            if (provider.isURIResource() && model.contains(provider.asResource(), org.apache.jena.vocabulary.SKOS.prefLabel)) {
                providers.add(provider.asResource().getURI());
            }
        });
        return providers;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper ITEM_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** An item as the search index stores it (its JSON text). */
    private static com.fasterxml.jackson.databind.node.ObjectNode parseItem(String json) {
        try {
            return (com.fasterxml.jackson.databind.node.ObjectNode) ITEM_JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An item stored in the search index is not JSON", e);
        }
    }
}
