package se.insatsnavet.hub.duplicates;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.imports.Change;
import se.insatsnavet.hub.linkeddata.ServiceResourceHandler;
import se.insatsnavet.hub.search.ServiceIndex;
import se.insatsnavet.hub.security.WriteAccess;

import java.util.List;

/**
 * Likely duplicate services across federations: the report (read from the search index's stored items), the
 * editors' decisions and their same-as links in the dataset, and {@code /api/duplicates}. Publishes the
 * {@link DuplicateReport}.
 */
public final class DuplicatesModule implements HubModule {

    private DuplicateReport duplicates;

    @Override
    public String name() {
        return "duplicates";
    }

    @Override
    public void start(HubContext hub) {
        duplicates = new DuplicateReport(hub.get(ServiceIndex.class)::forEachStoredItem,
                new DuplicateDecisions(hub.database()), hub.store(), hub.iris());
        hub.changedAtStart(duplicates.publishLinks());
        hub.put(DuplicateReport.class, duplicates);
        hub.steps().done("duplicates");
    }

    @Override
    public void onChanges(List<Change> changes) {
        duplicates.invalidate();
    }

    @Override
    public void routes(Router router, HubContext hub) {
        FederationRegistry registry = hub.get(FederationRegistry.class);
        DuplicatesHandler handler = DuplicatesHandler.create(hub.vertx(), duplicates, id -> registry.get(id).isPresent(),
                hub.get(ServiceResourceHandler.class)::invalidate);
        WriteAccess anyToken = WriteAccess.anyToken(hub.vertx(), hub.tokens(), hub.audit());
        router.get("/api/duplicates").handler(handler.list());
        router.put("/api/duplicates/:a/:b").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(anyToken)
                .handler(handler.decide());
        router.delete("/api/duplicates/:a/:b").handler(anyToken).handler(handler.withdraw());
    }
}
