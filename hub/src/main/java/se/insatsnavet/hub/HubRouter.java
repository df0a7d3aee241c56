package se.insatsnavet.hub;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.CorsHandler;
import se.insatsnavet.hub.http.MalformedRequests;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.http.SecurityHeaders;
import se.insatsnavet.hub.http.TrailingSlashes;
import se.insatsnavet.hub.ops.Metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The hub's router: its own first handlers (request timer, security headers, CORS, the stopping node's 503
 * for writes, malformed requests), then the modules' routes (those of the modules mounted first, then the others, each
 * in list order: see {@link HubModule#routesFirst}), then the 404 problem, the failure
 * handler and the trailing-slash redirects. Vert.x tries routes in this order.
 */
final class HubRouter {

    private HubRouter() {
    }

    static Router create(Vertx vertx, Metrics metrics, BooleanSupplier stopping, List<HubModule> modules, HubContext context) {
        Router router = Router.router(vertx);
        // reads are open to every origin (no credentials); writes need a token, not a cookie
        router.route().handler(metrics.requestTimer());
        router.route().handler(SecurityHeaders.create());
        router.route().handler(CorsHandler.create().addOrigin("*")
                .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.HEAD))
                .allowedHeader("If-None-Match").allowedHeader("Accept").exposedHeader("ETag"));
        // a stopping node takes no new write (a load balancer sends it again to another node)
        router.route().handler(ctx -> {
            HttpMethod method = ctx.request().method();
            if (stopping.getAsBoolean() && method != HttpMethod.GET && method != HttpMethod.HEAD) {
                Responses.unavailable(ctx, Responses.RETRY_AFTER_SECONDS, "This hub node is stopping; send the request again");
            } else {
                ctx.next();
            }
        });
        router.route().handler(MalformedRequests.check().defaultingAcceptOn("/sparql"));
        // the most requested reads first (HubModule#routesFirst), then the others, each in list order
        modules.stream().filter(HubModule::routesFirst).forEach(m -> m.routes(router, context));
        modules.stream().filter(m -> !m.routesFirst()).forEach(m -> m.routes(router, context));
        router.route().last().handler(ctx -> Responses.problem(ctx, 404, "No resource at " + ctx.request().path()));
        router.route().failureHandler(Responses::failed);
        TrailingSlashes.dropFrom(router);
        return router;
    }

    /** Every routed (method, path) pair, as Vert.x paths (e.g. {@code GET /id/service/:id}), in router order. */
    static List<String> routes(Router router) {
        List<String> out = new ArrayList<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() == null || route.methods() == null) {
                continue;
            }
            String path = route.getPath() + (route.isExactPath() ? "" : "*");
            route.methods().forEach(m -> out.add(m.name() + " " + path));
        }
        return out;
    }
}
