package se.insatsnavet.hub.plan;

import io.vertx.ext.web.Router;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;

/** The personal plan page, {@code /min-plan} (kept in the browser; nothing stored on the hub). */
public final class PlanModule implements HubModule {

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public void routes(Router router, HubContext hub) {
        router.get(MinPlanPage.PATH).handler(MinPlanPage.create());
    }
}
