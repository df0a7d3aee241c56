package se.insatsnavet.hub.federations;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.HubOptions;
import se.insatsnavet.hub.imports.ImportRoutes;
import se.insatsnavet.hub.plugins.PluginHost;
import se.insatsnavet.hub.plugins.PluginImports;
import se.insatsnavet.hub.plugins.PluginWaits;
import se.insatsnavet.hub.security.WriteAccess;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The federations: the bundled examples, the operator's watched folder and the admin API's descriptors, the
 * registry every other feature reads, {@code /api/federations} and its admin writes, and, once the import
 * routes run, the scan that applies changed descriptors while the hub runs. Publishes the
 * {@link FederationRegistry}, {@link FederationRepository}, {@link FederationDescriptorRepository} and
 * {@link FederationActivation}.
 */
public final class FederationsModule implements HubModule {

    private static final Logger LOG = LoggerFactory.getLogger(FederationsModule.class);
    /** Event-bus address that tells every node to scan the federation descriptors now (one changed). */
    static final String FEDERATIONS_CHANGED = "insatsnavet.federations.changed";

    private Vertx vertx;
    private FederationActivation activation;
    /** The periodic scan of the federation descriptors (-1: not yet started). */
    private volatile long federationScan = -1;

    @Override
    public String name() {
        return "federations";
    }

    @Override
    public void start(HubContext hub) throws Exception {
        vertx = hub.vertx();
        HubOptions options = hub.options();
        Path examplesDir = options.examples()
                ? BundledExamples.extractTo(options.dataDir().resolve("examples").resolve("federations"))
                : null;
        Path federationsFolder = Files.createDirectories(options.federationsFolder());
        FederationRepository federationRepository = new FederationRepository(hub.database());
        FederationRegistry registry = FederationRegistry.create(federationRepository, hub.store(), hub.iris());
        FederationDescriptorRepository descriptors = new FederationDescriptorRepository(hub.database());
        activation = new FederationActivation(registry, new DescriptorOffers(examplesDir, federationsFolder, descriptors,
                options.dataDir().resolve("federations-api")));
        activation.applyAtStart();
        LOG.info("{} federation(s) run (examples: {}, folder: {}), {} descriptor(s) refused", registry.all().size(),
                examplesDir != null, federationsFolder.toAbsolutePath(), registry.refusals().size());
        hub.changedAtStart(registry.descriptionsChanged());
        hub.put(FederationRegistry.class, registry);
        hub.put(FederationRepository.class, federationRepository);
        hub.put(FederationDescriptorRepository.class, descriptors);
        hub.put(FederationActivation.class, activation);
        hub.steps().done("federations");
    }

    @Override
    public void routes(Router router, HubContext hub) {
        FederationRegistry registry = hub.get(FederationRegistry.class);
        PluginWaits pluginWaits = hub.get(PluginWaits.class);
        PluginImports pluginImports = hub.get(PluginImports.class);
        PluginHost pluginHost = hub.get(PluginHost.class);
        router.get("/api/federations").handler(FederationsHandler.create(vertx, registry, hub.runs(),
                hub.get(FederationRepository.class)).withSourceStatus(pluginWaits::status));
        FederationDescriptorsHandler descriptorsApi = new FederationDescriptorsHandler(vertx, activation,
                hub.get(FederationDescriptorRepository.class), registry,
                offer -> DryRun.run(offer.descriptor(), pluginImports,
                        kind -> pluginHost.plugin(kind).filter(e -> e.points().contains("connector")).isPresent(),
                        new DryRun.Listener() { }),
                () -> vertx.eventBus().publish(FEDERATIONS_CHANGED, "changed"));
        router.put("/api/federations/:id").handler(BodyHandler.create(false).setBodyLimit(FederationDescriptorsHandler.MAX_BYTES))
                .handler(WriteAccess.adminOnly(vertx, hub.tokens(), hub.audit())).handler(descriptorsApi.put());
        router.delete("/api/federations/:id").handler(WriteAccess.adminOnly(vertx, hub.tokens(), hub.audit()))
                .handler(descriptorsApi.delete());
    }

    /** Once the import routes run (on their worker), descriptors changed from now on take effect. */
    @Override
    public void serving(HubContext hub) {
        hub.camelStarted().thenRun(() -> {
            try {
                watchFederations(hub);
            } catch (RuntimeException e) {
                LOG.error("The import routes could not start; sources are not read", e);
            }
        });
    }

    @Override
    public void stopping() {
        if (federationScan >= 0) {
            vertx.cancelTimer(federationScan);
        }
    }

    /**
     * From now on, descriptors added, changed or removed (folder, admin API) take effect while the hub runs: a scan
     * about every second ({@code insatsnavet.federations.scanMillis}) and at once when a node announces a change.
     */
    private void watchFederations(HubContext hub) {
        activation.useEffects(new FederationRoutes(vertx, hub::startedCamel, hub.get(ImportRoutes.class), hub.imports()));
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
}
