package se.insatsnavet.hub.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of every route: a request whose {@code Accept} header holds no valid media range
 * ({@link MediaRanges#malformed}, e.g. {@code Accept: ;;;}) is answered 400 naming the header, before any
 * route reads it.
 */
public final class RequestHeaders implements Handler<RoutingContext> {

    private RequestHeaders() {
    }

    public static RequestHeaders check() {
        return new RequestHeaders();
    }

    @Override
    public void handle(RoutingContext ctx) {
        for (String accept : ctx.request().headers().getAll("Accept")) {
            if (MediaRanges.malformed(accept)) {
                Responses.problem(ctx, 400, "Malformed Accept header: it names no media range (type/subtype, e.g. "
                        + "application/json); leave it out to get the default representation");
                return;
            }
        }
        ctx.next();
    }
}
