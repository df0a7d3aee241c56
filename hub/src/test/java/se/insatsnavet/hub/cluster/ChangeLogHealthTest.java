package se.insatsnavet.hub.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.changes.ChangeLog;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.http.HealthHandler;
import se.insatsnavet.hub.imports.Change;
import se.insatsnavet.hub.store.CatalogStore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /health} of a clustered node (a real server on port 0, an H2 change log): 503 {@code catchingUp}, with
 * how far behind, while the node's follower has not applied changes other nodes logged; 200 once it has. The node's
 * own runs never count as behind; a node without a change log (one node, embedded store) has no such check.
 */
class ChangeLogHealthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private Vertx vertx;
    private Database database;
    private ChangeLog log;
    private ChangeFollower follower;
    private final List<List<Change>> applied = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        database = Database.open("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), null, null);
        log = new ChangeLog(database);
        follower = ChangeFollower.create(vertx, log, dir.resolve("index").resolve("change-log.position"), "this-node",
                log.newestSeq(), true, applied::add);
    }

    @AfterEach
    void close() throws Exception {
        follower.close();
        database.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    }

    /** Logs changes of a run as another node (or this one) would commit them. */
    private void logRun(long runId, String... serviceIds) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO change_log (changed_at, federation_id, service_id, action, run_id) VALUES (?, ?, ?, ?, ?)")) {
                for (String id : serviceIds) {
                    ps.setTimestamp(1, Timestamp.from(Instant.now()));
                    ps.setString(2, "stor");
                    ps.setString(3, "https://data.example.se/id/service/" + id);
                    ps.setString(4, "updated");
                    ps.setLong(5, runId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private HttpResponse<String> health(HealthHandler handler) throws Exception {
        Router router = Router.router(vertx);
        router.get("/health").handler(handler);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/health"))
                    .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
        } finally {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
        }
    }

    private HealthHandler clustered() {
        return HealthHandler.create(vertx, database, CatalogStore.inMemory()).withChangeLog(follower::lag);
    }

    @Test
    void aNodeBehindTheChangeLogAnswers503CatchingUpWithHowFarBehindUntilItHasAppliedEveryChange() throws Exception {
        long start = log.newestSeq();
        logRun(7, "stor.s1", "stor.s2", "stor.s3");

        HttpResponse<String> behind = health(clustered());
        assertEquals(503, behind.statusCode(), behind.body());
        JsonNode body = JSON.readTree(behind.body());
        assertEquals("catchingUp", body.path("status").asText());
        assertEquals("up", body.path("checks").path("database").asText());
        assertEquals("behind: 3 change(s) of other hub nodes not yet applied (change log at " + (start + 3)
                + ", this node at " + start + ")", body.path("checks").path("catchingUp").asText());
        assertEquals(start + 3, body.path("changeLog").path("newestSeq").asLong());
        assertEquals(start, body.path("changeLog").path("appliedSeq").asLong());
        assertEquals(3, body.path("changeLog").path("pending").asInt());

        assertEquals(3, follower.catchUp());
        assertEquals(1, applied.size());
        HttpResponse<String> inLine = health(clustered());
        assertEquals(200, inLine.statusCode(), inLine.body());
        JsonNode after = JSON.readTree(inLine.body());
        assertEquals("up", after.path("status").asText());
        assertEquals("up", after.path("checks").path("catchingUp").asText());
        assertEquals(start + 3, after.path("changeLog").path("appliedSeq").asLong());
        assertEquals(0, after.path("changeLog").path("pending").asInt());
    }

    @Test
    void theNodesOwnRunIsNotCountedAsBehind() throws Exception {
        follower.remember(8);
        logRun(8, "stor.s4", "stor.s5");
        ChangeFollower.Lag lag = follower.lag();
        assertEquals(0, lag.pending(), lag.toString());
        assertFalse(lag.behind());
        assertTrue(lag.newestSeq() > lag.appliedSeq(), "its own changes are after the position until the next catch-up: " + lag);
        assertEquals(200, health(clustered()).statusCode());

        logRun(9, "stor.s6");
        assertEquals(1, follower.lag().pending(), "another node's run after the own one");
        assertEquals(503, health(clustered()).statusCode());
    }

    @Test
    void aSingleNodeWithoutAChangeLogHasNoCatchingUpCheck() throws Exception {
        logRun(10, "stor.s7");
        HttpResponse<String> single = health(HealthHandler.create(vertx, database, CatalogStore.inMemory()));
        assertEquals(200, single.statusCode(), single.body());
        JsonNode body = JSON.readTree(single.body());
        assertEquals("up", body.path("status").asText());
        assertFalse(body.path("checks").has("catchingUp"), body.toString());
        assertFalse(body.has("changeLog"), body.toString());
        List<String> checks = new ArrayList<>();
        body.path("checks").fieldNames().forEachRemaining(checks::add);
        assertEquals(List.of("database", "store", "imports", "searchIndex"), checks);
    }
}
