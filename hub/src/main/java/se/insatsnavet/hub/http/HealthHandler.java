package se.insatsnavet.hub.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import se.insatsnavet.hub.cluster.ChangeFollower;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.store.CatalogStore;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 when the database and the dataset answer, 503 naming what does not. Reads that work
 * while writes do not (a full or read-only data folder) make the status {@code degraded}, still 200: the hub
 * serves its catalogue, but imports fail or the search index is behind; each such check names why. Clustered, a
 * node that has not yet applied every change in the shared change log is {@code catchingUp}: 503 until it has,
 * and the check {@code cluster} counts the members the node sees.
 */
public final class HealthHandler implements Handler<RoutingContext> {

    private final Vertx vertx;
    private final Database database;
    private final CatalogStore store;
    private Supplier<Map<String, String>> degradations = Map::of;
    private Supplier<ChangeFollower.Lag> changeLog;
    private Supplier<List<String>> clusterMembers;

    private HealthHandler(Vertx vertx, Database database, CatalogStore store) {
        this.vertx = vertx;
        this.database = database;
        this.store = store;
    }

    public static HealthHandler create(Vertx vertx, Database database, CatalogStore store) {
        return new HealthHandler(vertx, database, store);
    }

    /** Adds checks that degrade the status without taking the hub down: check name → what is wrong (none: all well). */
    public HealthHandler withDegradations(Supplier<Map<String, String>> problems) {
        this.degradations = problems;
        return this;
    }

    /**
     * Clustered: adds the check {@code catchingUp}, "up" once this node's search index and caches have applied every
     * change of the shared change log, else how far behind (then the status is {@code catchingUp} and the answer
     * 503, so that a load balancer sends it no reads yet), and {@code changeLog} with both sequence numbers.
     */
    public HealthHandler withChangeLog(Supplier<ChangeFollower.Lag> lag) {
        this.changeLog = lag;
        return this;
    }

    /**
     * Clustered: adds the check {@code cluster} ("up", with the members this node sees under {@code cluster}:
     * {@code members}, their count, and {@code nodes}, their ids). It does not change the status: a node that
     * sees only itself still serves; the count tells an operator whether the nodes found each other.
     */
    public HealthHandler withCluster(Supplier<List<String>> members) {
        this.clusterMembers = members;
        return this;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Blocking.run(vertx, () -> {
            ObjectNode checks = Responses.object();
            checks.put("database", check(() -> database.read(c -> c.isValid(2))));
            checks.put("store", check(() -> store.query(new ParameterizedSparqlString("ASK { }").asQuery(),
                    QueryExecution::execAsk) || true));
            Map<String, String> problems = degradations.get();
            checks.put("imports", problems.containsKey("imports") ? "degraded: " + problems.get("imports") : "up");
            checks.put("searchIndex", problems.containsKey("searchIndex") ? "degraded: " + problems.get("searchIndex") : "up");
            if (changeLog != null) {
                try {
                    ChangeFollower.Lag lag = changeLog.get();
                    checks.put("catchingUp", lag.behind() ? "behind: " + lag.describe() : "up");
                    checks.putObject("changeLog").put("newestSeq", lag.newestSeq()).put("appliedSeq", lag.appliedSeq())
                            .put("pending", lag.pending());
                } catch (RuntimeException e) {
                    checks.put("catchingUp", "unknown: " + e.getMessage());
                }
            }
            if (clusterMembers != null) {
                try {
                    List<String> members = clusterMembers.get();
                    checks.put("cluster", "up: " + members.size() + " member(s)");
                    ObjectNode cluster = checks.putObject("clusterMembers").put("members", members.size());
                    members.forEach(cluster.putArray("nodes")::add);
                } catch (RuntimeException e) {
                    checks.put("cluster", "unknown: " + e.getMessage());
                }
            }
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
            boolean catchingUp = checks.path("catchingUp").asText().startsWith("behind");
            JsonNode changeLog = checks.remove("changeLog");
            ObjectNode body = Responses.object().put("status", !up ? "down" : catchingUp ? "catchingUp" : degraded ? "degraded" : "up");
            body.set("checks", checks);
            if (changeLog != null) {
                body.set("changeLog", changeLog);
            }
            JsonNode cluster = checks.remove("clusterMembers");
            if (cluster != null) {
                body.set("cluster", cluster);
            }
            Responses.json(ctx, up && !catchingUp ? 200 : 503, body);
        });
    }

    private static String check(BooleanSupplier probe) {
        try {
            return probe.getAsBoolean() ? "up" : "down";
        } catch (RuntimeException e) {
            return "down: " + e.getMessage();
        }
    }
}
