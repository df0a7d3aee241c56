package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;

import java.util.List;
import java.util.function.Function;

/** {@code POST /api/federations/:id/sync} (behind {@code WriteAccess}): reads every source of the federation now. */
public final class SyncHandler implements Handler<RoutingContext> {

    private final Vertx vertx;
    private final Function<String, List<RunReport>> syncNow;

    private SyncHandler(Vertx vertx, Function<String, List<RunReport>> syncNow) {
        this.vertx = vertx;
        this.syncNow = syncNow;
    }

    /** @param syncNow federation id → the runs of its sources (blocking) */
    public static SyncHandler create(Vertx vertx, Function<String, List<RunReport>> syncNow) {
        return new SyncHandler(vertx, syncNow);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Blocking.run(vertx, () -> syncNow.apply(id)).onComplete(ar -> {
            if (ar.failed()) {
                if (ar.cause() instanceof IllegalArgumentException) {
                    Responses.problem(ctx, 404, ar.cause().getMessage());
                } else if (ar.cause() instanceof RunNotRecordedException) {
                    Responses.problem(ctx, 503, ar.cause().getMessage());
                } else {
                    Responses.failed(ctx, ar.cause());
                }
                return;
            }
            ObjectNode body = Responses.object().put("federation", id);
            ArrayNode runs = body.putArray("runs");
            ar.result().forEach(r -> runs.add(RunJson.full(r)));
            ctx.put("insatsnavet.audit.detail", ar.result().size() + " run(s)");
            Responses.json(ctx, 200, body);
        });
    }
}
