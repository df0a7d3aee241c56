package se.insatsnavet.hub.imports;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.hub.Hub;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.HubOptions;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.security.WriteAccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The import routes (Camel: schedules, start-up imports, file watches, indicator sources) and the write API
 * of the imports: the runs, a federation's sync, pushed services and articles. Publishes the
 * {@link ImportRoutes}; installs them in the Camel context before the hub listens (the hub starts Camel
 * once it serves). What the plugin host offers the routes comes through {@link SourcePlugins}, the indicator
 * import through {@link BatchImporter}, both published by their modules before this one starts: this package
 * never calls the plugins or indicators packages.
 */
public final class ImportsModule implements HubModule {

    /** The sources the plugin host provides for the import routes (published by the plugins module). */
    public interface SourcePlugins {

        /** Whether a running plugin reads sources of this kind. */
        boolean provides(String kind);

        /** The plugin a source waits for (its plugin is not running), if any. */
        Optional<String> waitingFor(FederationDescriptor federation, SourceDescriptor source);

        /** Tells {@code readAgain} of every source whose plugin has just started (or was replaced). */
        void whenPluginStarts(BiConsumer<FederationDescriptor, SourceDescriptor> readAgain);
    }

    private final Set<String> servicesImported = ConcurrentHashMap.newKeySet();
    private HubContext hub;
    private FederationRegistry registry;
    private ImportRoutes importRoutes;

    @Override
    public String name() {
        return "imports";
    }

    @Override
    public void start(HubContext hub) {
        this.hub = hub;
        HubOptions options = hub.options();
        Vertx vertx = hub.vertx();
        registry = hub.get(FederationRegistry.class);
        importRoutes = new ImportRoutes(registry, hub.imports(), options.importOnStart(), options.readRetries(),
                options.readRetryDelayMillis(), options.fileWatchMillis());
        // a source whose plugin is not running waits for it; when the plugin starts (or is replaced) its sources run again
        hub.find(SourcePlugins.class).ifPresent(plugins -> {
            importRoutes.pluginKinds(plugins::provides);
            importRoutes.waitingFor(plugins::waitingFor);
            plugins.whenPluginStarts((federation, source) -> vertx.executeBlocking(
                    () -> importRoutes.syncNow(hub.startedCamel(), federation, source, "plugin-started"), false));
        });
        hub.find(BatchImporter.class).ifPresent(importRoutes::indicators);
        hub.put(ImportRoutes.class, importRoutes);
        hub.steps().done("link check, imports");
        // the routes are added before the hub listens (a source that cannot have any is a failed run at once,
        // so the run list is whole from the first request); Camel starts them once it listens
        importRoutes.install(hub.camel());
        hub.steps().done("routes");
    }

    /**
     * A federation's indicator rows name its services: read them after its first services import since start,
     * and again whenever its services changed.
     */
    @Override
    public void onRunFinished(RunReport run) {
        boolean first = run.status() == RunStatus.SUCCEEDED && servicesImported.add(run.federationId());
        if (first || run.counts().changedCatalogue()) {
            registry.get(run.federationId()).ifPresent(f -> f.indicatorsSource().ifPresent(source ->
                    hub.vertx().executeBlocking(() -> importRoutes.syncNow(hub.startedCamel(), f, source, "services-imported"),
                            false)));
        }
    }

    @Override
    public void routes(Router router, HubContext hub) {
        Vertx vertx = hub.vertx();
        router.get("/api/federations/:id/runs").handler(RunsHandler.list(vertx, registry, hub.runs()));
        // writes: bounded bodies, a bearer token, and an audit-log entry each
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(Hub.MAX_BODY_BYTES);
        WriteAccess federationOrAdmin = WriteAccess.federationOrAdmin(vertx, hub.tokens(), hub.audit());
        PushHandler push = PushHandler.create(vertx, registry, hub.imports());
        router.post("/api/federations/:id/sync").handler(federationOrAdmin)
                .handler(SyncHandler.create(vertx, id -> syncNow(id, "api")));
        router.put("/api/federations/:id/services").handler(bodies).handler(federationOrAdmin).handler(push.putAll());
        router.put("/api/federations/:id/services/:localId").handler(bodies).handler(federationOrAdmin).handler(push.putOne());
        router.delete("/api/federations/:id/services/:localId").handler(federationOrAdmin).handler(push.deleteOne());
        router.put("/api/federations/:id/articles").handler(bodies).handler(federationOrAdmin).handler(push.putAllArticles());
    }

    /**
     * Reads every source of a federation now and imports it, its indicators source last (blocking: call from a
     * worker or a test thread).
     */
    public static List<RunReport> syncNow(HubContext hub, String federationId, String trigger) {
        FederationRegistry registry = hub.get(FederationRegistry.class);
        ImportRoutes routes = hub.get(ImportRoutes.class);
        var federation = registry.get(federationId)
                .orElseThrow(() -> new IllegalArgumentException("No federation with id '" + federationId + "'"));
        List<RunReport> reports = new ArrayList<>(
                federation.sources().stream().map(s -> routes.syncNow(hub.startedCamel(), federation, s, trigger)).toList());
        federation.indicatorsSource().ifPresent(s -> reports.add(routes.syncNow(hub.startedCamel(), federation, s, trigger)));
        return reports;
    }

    private List<RunReport> syncNow(String federationId, String trigger) {
        return syncNow(hub, federationId, trigger);
    }
}
