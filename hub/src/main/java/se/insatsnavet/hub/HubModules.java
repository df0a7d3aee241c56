package se.insatsnavet.hub;

import org.slf4j.Logger;
import se.insatsnavet.hub.changes.ChangesModule;
import se.insatsnavet.hub.cluster.ClusterModule;
import se.insatsnavet.hub.dcat.DcatModule;
import se.insatsnavet.hub.dumps.DumpsModule;
import se.insatsnavet.hub.duplicates.DuplicatesModule;
import se.insatsnavet.hub.federations.FederationsModule;
import se.insatsnavet.hub.guidance.GuidanceModule;
import se.insatsnavet.hub.hsds.HsdsModule;
import se.insatsnavet.hub.http.ApiDocsModule;
import se.insatsnavet.hub.imports.ImportsModule;
import se.insatsnavet.hub.indicators.IndicatorsModule;
import se.insatsnavet.hub.ldes.LdesModule;
import se.insatsnavet.hub.linkcheck.LinkCheckModule;
import se.insatsnavet.hub.linkeddata.LinkedDataModule;
import se.insatsnavet.hub.ops.OpsModule;
import se.insatsnavet.hub.plan.PlanModule;
import se.insatsnavet.hub.plugins.PluginsModule;
import se.insatsnavet.hub.quality.QualityModule;
import se.insatsnavet.hub.search.SearchModule;
import se.insatsnavet.hub.services.ServicesModule;
import se.insatsnavet.hub.sparql.SparqlModule;
import se.insatsnavet.hub.usage.UsageModule;
import se.insatsnavet.hub.web.PagesModule;

import java.util.List;

/**
 * The hub's feature modules, in the order they start (and mount their routes; they stop in reverse). A module
 * finds what an earlier one published, so the order follows what each needs: the federations first, then the
 * indexes, and so on; a module that publishes nothing and needs only the engines may go anywhere. Adding a
 * feature: a new package with its module, and one line here.
 */
public final class HubModules {

    private HubModules() {
    }

    /** A fresh instance of every module, in start order (a module holds the parts of one running hub). */
    public static List<HubModule> list() {
        return List.of(
                new FederationsModule(), // the registry of federations; applies changed descriptors while serving
                new SearchModule(),      // step "index open", "index check": the services' and articles' indexes
                new DuplicatesModule(),  // step "duplicates"
                new DumpsModule(),       // step "dumps"
                new OpsModule(),         // /health, /metrics, /admin/backup; runs in the metrics
                new ClusterModule(),     // clustered only: the change follower, taking over unfinished imports
                new PluginsModule(),     // step "plugins": Felix, the plugins' record stage and sources
                new QualityModule(),     // step "quality": quality, coverage, articles' quality
                new LinkCheckModule(),   // the opt-in link check after runs
                new IndicatorsModule(),  // the indicator import and outcomes
                new ImportsModule(),     // steps "link check, imports", "routes": the Camel import routes, push, sync
                new UsageModule(),       // usage statistics
                new ServicesModule(),    // /api/services
                new HsdsModule(),        // /hsds/
                new LinkedDataModule(),  // /id/…
                new GuidanceModule(),    // /api/articles
                new SparqlModule(),      // /sparql
                new DcatModule(),        // /catalog
                new LdesModule(),        // /ldes, /catalog/feed
                new ChangesModule(),     // /changes, /feeds/
                new ApiDocsModule(),     // /openapi.json, /schema/, /docs
                new PagesModule(),       // the public pages and assets
                new PlanModule());       // /min-plan
    }

    /** Closes {@code c} if there is one, logging (not throwing) a failure: a stop closes everything it can. */
    public static void closeQuietly(Logger log, String what, AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            log.warn("Closing the {} failed", what, e);
        }
    }
}
