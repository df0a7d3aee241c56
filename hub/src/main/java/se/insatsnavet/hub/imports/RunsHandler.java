package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;

import java.util.Optional;
import java.util.function.LongFunction;

/**
 * {@code GET /api/federations/:id/runs} (newest first, {@code limit} ≤ 200) and
 * {@code GET /api/federations/:id/runs/:runId} (one run with its per-record errors and warnings).
 */
public final class RunsHandler {

    private RunsHandler() {
    }

    public static Handler<RoutingContext> list(Vertx vertx, FederationRegistry registry, RunRepository runs) {
        return ctx -> {
            String id = ctx.pathParam("id");
            if (registry.get(id).isEmpty()) {
                Responses.problem(ctx, 404, "No federation with id '" + id + "'");
                return;
            }
            int limit;
            try {
                limit = QueryParams.integer(ctx, "limit", 50, 1, 200);
            } catch (QueryParams.BadRequest e) {
                Responses.problem(ctx, 400, e.getMessage());
                return;
            }
            Blocking.run(vertx, () -> runs.runs(id, limit)).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                    return;
                }
                ObjectNode body = Responses.object().put("federation", id);
                ArrayNode items = body.putArray("items");
                ar.result().forEach(r -> items.add(RunJson.summary(r)));
                Responses.json(ctx, 200, body);
            });
        };
    }

    public static Handler<RoutingContext> one(Vertx vertx, FederationRegistry registry, RunRepository runs) {
        return one(vertx, registry, runs, runId -> Optional.empty());
    }

    /**
     * One run with its errors and warnings and, under {@code quality}, what {@code quality} keeps for it (the
     * federation's quality summary computed after the run). {@code quality} is called on a worker.
     */
    public static Handler<RoutingContext> one(Vertx vertx, FederationRegistry registry, RunRepository runs,
                                              LongFunction<Optional<ObjectNode>> quality) {
        return ctx -> {
            String id = ctx.pathParam("id");
            long runId;
            try {
                runId = Long.parseLong(ctx.pathParam("runId"));
            } catch (NumberFormatException e) {
                Responses.problem(ctx, 404, "No run '" + ctx.pathParam("runId") + "'");
                return;
            }
            if (registry.get(id).isEmpty()) {
                Responses.problem(ctx, 404, "No federation with id '" + id + "'");
                return;
            }
            Blocking.run(vertx, () -> runs.run(id, runId).map(run -> {
                ObjectNode json = RunJson.full(run);
                quality.apply(runId).ifPresent(q -> json.set("quality", q));
                return json;
            })).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                } else if (ar.result().isEmpty()) {
                    Responses.problem(ctx, 404, "Federation '" + id + "' has no run " + runId);
                } else {
                    Responses.json(ctx, 200, ar.result().get());
                }
            });
        };
    }
}
