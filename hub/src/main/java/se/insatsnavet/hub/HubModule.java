package se.insatsnavet.hub;

import io.vertx.ext.web.Router;
import se.insatsnavet.hub.imports.Change;
import se.insatsnavet.hub.imports.RunReport;

import java.util.List;

/**
 * One feature of the hub (a package: its handlers, its logic, and this module, the only place its parts are
 * built and its routes mounted), after Apache Jena Fuseki's {@code FusekiModule}. Every hook has a no-op
 * default; {@link HubModules#list()} holds the modules in order. The hub calls the hooks in this order:
 * <ol>
 *   <li>{@link #start} of each module in list order, once the shared engines of {@link HubContext} are open
 *       (database, dataset, catalogues, vocabulary, import pipeline, Camel context). A module builds what its
 *       feature needs and may publish objects other modules use ({@link HubContext#put}); a later module finds
 *       them with {@link HubContext#get}. Right after a module's start, the hub registers its listener hooks
 *       ({@link #onChanges}, {@link #onArticleChanges}, {@link #onChangesElsewhere}, {@link #onRunFinished})
 *       with the import pipeline, so listeners are told in list order. Listeners of other engines (the
 *       indicator import's runs, the plugin host's starts, a run's committed descriptions) a module
 *       registers itself in its start.</li>
 *   <li>{@link #routes} of each module, after every module started, between the hub's own first handlers
 *       (request timer, security headers, CORS, the stopping node's 503, malformed requests) and its last (the
 *       404 problem, the failure handler, trailing slashes): first those of the modules whose
 *       {@link #routesFirst} is true, then the others, each group in list order.</li>
 *   <li>{@link #serving} of each module in list order, once the hub listens (the import routes start on a
 *       worker at the same time: {@link HubContext#camelStarted()} completes when they run).</li>
 *   <li>On stop: {@link #stopping} of each module in reverse order, first of all (before the imports drain
 *       and HTTP closes); then, once HTTP and the import routes are closed, {@link #stop} of each module in
 *       reverse order, before the database and the dataset close. A module whose start failed is stopped
 *       too (its hooks close only what it opened); a module whose start never ran is not.</li>
 * </ol>
 */
public interface HubModule {

    /** A short name for logs ("search", "dumps"). */
    String name();

    /** Builds the feature from the shared engines; may publish parts for other modules. */
    default void start(HubContext hub) throws Exception {
    }

    /** Mounts the feature's HTTP handlers under its own paths. */
    default void routes(Router router, HubContext hub) {
    }

    /**
     * Whether the feature's routes are mounted before those of the modules that do not say so: for the reads most
     * often asked for (Vert.x tries a request against the routes in order, so each route before the one that
     * answers costs every such request a little). Their order among routes that can match the same request must
     * not change what answers it.
     */
    default boolean routesFirst() {
        return false;
    }

    /** The hub serves HTTP: starts what runs only then (watches, cluster following). */
    default void serving(HubContext hub) {
    }

    /** Services changed (committed by a run of this node, or by another node's). */
    default void onChanges(List<Change> changes) {
    }

    /** Guidance articles changed (here or on another node). */
    default void onArticleChanges(List<Change> changes) {
    }

    /** Another hub node committed these service changes (after the {@link #onChanges} listeners). */
    default void onChangesElsewhere(List<Change> changes) {
    }

    /** An import run of services finished (its report recorded). */
    default void onRunFinished(RunReport run) {
    }

    /** The hub begins to stop: stop what would start new work (timers, followers). */
    default void stopping() {
    }

    /** Closes what the module opened (reverse list order, before the database and dataset close). */
    default void stop() throws Exception {
    }
}
