package se.insatsnavet.hub.guidance;

import io.vertx.ext.web.Router;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;

/** The guidance articles' API, {@code /api/articles} (their pages and resources are mounted by the web module). */
public final class GuidanceModule implements HubModule {

    @Override
    public String name() {
        return "guidance";
    }

    @Override
    public void routes(Router router, HubContext hub) {
        ArticlesHandler articlesApi = new ArticlesHandler(hub.vertx(), hub.articleCatalog());
        router.get("/api/articles").handler(articlesApi.list());
        router.get("/api/articles/:federation/:id").handler(articlesApi.one());
    }
}
