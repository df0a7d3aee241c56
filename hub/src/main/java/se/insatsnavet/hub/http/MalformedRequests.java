package se.insatsnavet.hub.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * The first handler of every route: a request the routes could not read is answered 400 naming what is wrong,
 * before any route reads it (instead of an exception deep in a route, answered 500): an {@code Accept} header
 * with no valid media range ({@link MediaRanges#malformed}, e.g. {@code Accept: ;;;}), and a query string that
 * does not decode (a bad percent escape such as {@code %zz} or a lone {@code %}).
 */
public final class MalformedRequests implements Handler<RoutingContext> {

    private MalformedRequests() {
    }

    public static MalformedRequests check() {
        return new MalformedRequests();
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
        try {
            ctx.request().params();
            ctx.queryParams();
        } catch (IllegalArgumentException | HttpException e) {
            Responses.problem(ctx, 400, "Malformed query string: every % must begin an escape of two hex digits (%25 for % itself)");
            return;
        }
        ctx.next();
    }
}
