package se.insatsnavet.hub.hsds;

import io.vertx.ext.web.Router;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.imports.Change;
import se.insatsnavet.hub.imports.RunReport;

import java.util.List;

/** The HSDS 3.1 API under {@code /hsds/} and its profile, answered from an index invalidated by every changing run. */
public final class HsdsModule implements HubModule {

    private HsdsServiceIndex hsdsIndex;

    @Override
    public String name() {
        return "hsds";
    }

    /** /hsds/: the HSDS API harvesters page through. */
    @Override
    public boolean routesFirst() {
        return true;
    }

    @Override
    public void start(HubContext hub) {
        hsdsIndex = new HsdsServiceIndex(hub.catalog(), hub.iris());
    }

    @Override
    public void onChangesElsewhere(List<Change> changes) {
        hsdsIndex.invalidate();
    }

    @Override
    public void onRunFinished(RunReport run) {
        if (run.counts().changedCatalogue()) {
            hsdsIndex.invalidate();
        }
    }

    @Override
    public void routes(Router router, HubContext hub) {
        HsdsHandler hsds = HsdsHandler.create(hub.vertx(), hub.catalog(), hsdsIndex, hub.vocabulary(), hub.options().baseUri());
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
    }
}
