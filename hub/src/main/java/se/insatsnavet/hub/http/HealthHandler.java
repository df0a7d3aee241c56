package se.insatsnavet.hub.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.store.CatalogStore;

/**
 * {@code GET /health}: 200 when the database and the dataset answer, 503 naming what does not. Reads that work
 * while writes do not (a full or read-only data folder) make the status {@code degraded}, still 200: the hub
 * serves its catalogue, but imports fail or the search index is behind; each such check names why.
 */
public final class HealthHandler implements Handler<RoutingContext> {

    private final Vertx vertx;
    private final Database database;
    private final CatalogStore store;
    private java.util.function.Supplier<java.util.Map<String, String>> degradations = java.util.Map::of;

    private HealthHandler(Vertx vertx, Database database, CatalogStore store) {
        this.vertx = vertx;
        this.database = database;
        this.store = store;
    }

    public static HealthHandler create(Vertx vertx, Database database, CatalogStore store) {
        return new HealthHandler(vertx, database, store);
    }

    /** Adds checks that degrade the status without taking the hub down: check name → what is wrong (none: all well). */
    public HealthHandler withDegradations(java.util.function.Supplier<java.util.Map<String, String>> problems) {
        this.degradations = problems;
        return this;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Blocking.run(vertx, () -> {
            ObjectNode checks = Responses.object();
            checks.put("database", check(() -> database.read(c -> c.isValid(2))));
            checks.put("store", check(() -> store.query(new org.apache.jena.query.ParameterizedSparqlString("ASK { }").asQuery(),
                    org.apache.jena.query.QueryExecution::execAsk) || true));
            java.util.Map<String, String> problems = degradations.get();
            checks.put("imports", problems.containsKey("imports") ? "degraded: " + problems.get("imports") : "up");
            checks.put("searchIndex", problems.containsKey("searchIndex") ? "degraded: " + problems.get("searchIndex") : "up");
            return checks;
        }).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
                return;
            }
            ObjectNode checks = ar.result();
            boolean up = checks.path("database").asText().equals("up") && checks.path("store").asText().equals("up");
            boolean degraded = checks.path("imports").asText().startsWith("degraded")
                    || checks.path("searchIndex").asText().startsWith("degraded");
            ObjectNode body = Responses.object().put("status", !up ? "down" : degraded ? "degraded" : "up");
            body.set("checks", checks);
            Responses.json(ctx, up ? 200 : 503, body);
        });
    }

    private static String check(java.util.function.BooleanSupplier probe) {
        try {
            return probe.getAsBoolean() ? "up" : "down";
        } catch (RuntimeException e) {
            return "down: " + e.getMessage();
        }
    }
}
