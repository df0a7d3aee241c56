package se.insatsnavet.hub.changes;

import io.vertx.ext.web.Router;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.guidance.ArticleCatalog;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.HashMap;
import java.util.Map;

/** The change log's feeds: {@code /changes} (JSON) and each federation's Atom feed, {@code /feeds/:feed.atom}. */
public final class ChangesModule implements HubModule {

    @Override
    public String name() {
        return "changes";
    }

    @Override
    public void routes(Router router, HubContext hub) {
        ChangesHandler changes = ChangesHandler.create(hub.vertx(), hub.changeLog(), hub.iris());
        router.get("/changes").handler(changes);
        router.get("/changes/latest").handler(changes.latest());
        FederationRegistry registry = hub.get(FederationRegistry.class);
        ArticleCatalog articleCatalog = hub.articleCatalog();
        router.get("/feeds/:feed.atom").handler(AtomFeedHandler.create(hub.vertx(), hub.changeLog(), hub.iris(),
                id -> registry.get(id).isPresent(), registry::name, ids -> {
                    // services by their published names, guidance articles by their titles
                    Map<String, String> names = new HashMap<>(hub.catalog().namesOfIds(
                            ids.stream().filter(i -> !HubIris.isArticleId(i)).toList()));
                    ids.stream().filter(HubIris::isArticleId).forEach(i -> articleCatalog.byId(i)
                            .ifPresent(a -> names.put(i, a.title())));
                    return names;
                }));
    }
}
