package se.insatsnavet.hub.http;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

/**
 * Routes registered with a trailing slash ({@code /dumps/}) are routed without it ({@code /dumps}): Vert.x then
 * answers both {@code /dumps} and {@code /dumps/}, and the OpenAPI document publishes the path without the
 * slash ({@link OpenApiDocument}, Redocly's {@code no-path-trailing-slash}).
 */
public final class TrailingSlashes {

    private TrailingSlashes() {
    }

    /** Call once every route is registered. */
    public static void dropFrom(Router router) {
        for (Route route : router.getRoutes()) {
            String path = route.getPath();
            if (path != null && path.length() > 1 && path.endsWith("/") && route.isExactPath()) {
                route.path(path.substring(0, path.length() - 1));
            }
        }
    }
}
