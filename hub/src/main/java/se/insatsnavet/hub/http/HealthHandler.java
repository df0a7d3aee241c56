package se.insatsnavet.hub.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.store.CatalogStore;

/** {@code GET /health}: 200 when the database and the dataset answer, 503 naming what does not. */
public final class HealthHandler implements Handler<RoutingContext> {

    private final Vertx vertx;
    private final Database database;
    private final CatalogStore store;

    private HealthHandler(Vertx vertx, Database database, CatalogStore store) {
        this.vertx = vertx;
        this.database = database;
        this.store = store;
    }

    public static HealthHandler create(Vertx vertx, Database database, CatalogStore store) {
        return new HealthHandler(vertx, database, store);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Blocking.run(vertx, () -> {
            ObjectNode checks = Responses.object();
            checks.put("database", check(() -> database.read(c -> c.isValid(2))));
            checks.put("store", check(() -> store.query(new org.apache.jena.query.ParameterizedSparqlString("ASK { }").asQuery(),
                    org.apache.jena.query.QueryExecution::execAsk) || true));
            return checks;
        }).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
                return;
            }
            ObjectNode checks = ar.result();
            boolean up = checks.path("database").asText().equals("up") && checks.path("store").asText().equals("up");
            ObjectNode body = Responses.object().put("status", up ? "up" : "down");
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
