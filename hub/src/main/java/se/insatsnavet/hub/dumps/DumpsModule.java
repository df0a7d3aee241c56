package se.insatsnavet.hub.dumps;

import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.HubModules;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.guidance.ArticlesDump;
import se.insatsnavet.hub.hsds.HsdsTabularPackage;
import se.insatsnavet.hub.imports.Change;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.List;

/**
 * The bulk downloads: the last start's dumps served at once, fresh ones written in the background after each
 * run that changed a catalogue (here or on another node) and at start when they may be behind, and
 * {@code /dumps/}. Publishes the {@link Dumps}.
 */
public final class DumpsModule implements HubModule {

    private static final Logger LOG = LoggerFactory.getLogger(DumpsModule.class);

    private Dumps dumps;
    private FederationRegistry registry;

    @Override
    public String name() {
        return "dumps";
    }

    @Override
    public void start(HubContext hub) {
        registry = hub.get(FederationRegistry.class);
        dumps = new Dumps(hub.options().dataDir().resolve("dumps"), hub.store(), hub.catalog(), hub.iris(),
                List.of(new HsdsTabularPackage(hub.catalog(), hub.vocabulary()), new ArticlesDump(hub.articleCatalog())));
        dumps.waitWhile(hub.imports()::importing);
        hub.put(Dumps.class, dumps);
        // the last run's dumps are served at once; fresh ones are written in the background
        dumps.loadExisting();
        hub.steps().done("dumps");
        dumps.rebuildAtStartIfBehind(federationIds(), hub.changedAtStart());
    }

    /** A run changes its federation's graph (and graphs no federation owns, which every rebuild exports). */
    @Override
    public void onRunFinished(RunReport run) {
        if (run.counts().changedCatalogue()) {
            dumps.requestRebuild(federationIds(), List.of(run.federationId()));
        }
    }

    /** Another node's run: the federations of the services it changed; all when it names none. */
    @Override
    public void onChangesElsewhere(List<Change> changes) {
        if (changes.isEmpty()) {
            dumps.requestRebuild(federationIds());
        } else {
            dumps.requestRebuild(federationIds(), changes.stream().map(c -> HubIris.federationIdOf(c.serviceId())).distinct().toList());
        }
    }

    /** Articles changed (here or on another node): their federations' dumps and articles.ndjson. */
    @Override
    public void onArticleChanges(List<Change> changes) {
        dumps.requestRebuild(federationIds(), changes.stream().map(c -> HubIris.federationIdOfArticle(c.id())).distinct().toList());
    }

    @Override
    public void routes(Router router, HubContext hub) {
        router.get("/dumps/").handler(DumpsHandler.list(dumps));
        router.get("/dumps/:name").handler(DumpsHandler.one(dumps));
    }

    @Override
    public void stop() {
        HubModules.closeQuietly(LOG, "dump writer", dumps);
    }

    private List<String> federationIds() {
        return registry.all().stream().map(f -> f.id()).toList();
    }
}
