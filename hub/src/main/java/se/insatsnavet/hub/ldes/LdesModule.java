package se.insatsnavet.hub.ldes;

import io.vertx.ext.web.Router;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.dcat.DcatModule;

import java.time.Clock;

/** The linked-data event streams: the services' changes ({@code /ldes}) and the DCAT catalogue's ({@code /catalog/feed}). */
public final class LdesModule implements HubModule {

    @Override
    public String name() {
        return "ldes";
    }

    @Override
    public void routes(Router router, HubContext hub) {
        CatalogFeedHandler catalogFeed = CatalogFeedHandler.create(hub.vertx(),
                new CatalogFeedLog(hub.database(), Clock.systemUTC()), hub.get(DcatModule.CatalogModel.class), hub.iris());
        router.get("/catalog/feed").handler(catalogFeed.fragment());
        router.get("/catalog/feed/event/:seq").handler(catalogFeed.event());
        EventStreamHandler ldes = EventStreamHandler.create(hub.vertx(), hub.changeLog(), hub.store(), hub.iris());
        router.get("/ldes").handler(ldes.fragment());
        router.get("/ldes/event/:seq").handler(ldes.event());
    }
}
