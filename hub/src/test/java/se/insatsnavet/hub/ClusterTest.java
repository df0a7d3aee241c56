package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.cluster.ClusterOptions;
import se.insatsnavet.hub.imports.ImportService;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunStatus;
import se.insatsnavet.schema.vocab.HubIris;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two clustered hub nodes in one JVM (two Vert.x instances on Hazelcast over loopback, two data folders with
 * their own search index and dumps) sharing one operational database (PostgreSQL when INSATSNAVET_PG_URL is
 * set, as under .ci/run; else an H2 file) and one remote SPARQL store (a real Fuseki server started here):
 * a federation's import runs on one node at a time, every node finds what another imported, and a node stopped
 * mid-import is taken over by the other.
 */
class ClusterTest {

    // just over ImportService.PROGRESS_STEP, so that the import reports progress (the test's pause point)
    static final int ROWS = 1100;

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;
    @TempDir
    Path federations;
    @TempDir
    Path db;

    private final List<Hub> running = new ArrayList<>();
    private String jdbcUrl;
    private String jdbcUser;
    private String jdbcPassword;
    private String members;
    private int portA;
    private int portB;
    private org.apache.jena.fuseki.main.FusekiServer fuseki;
    private String storeUrl;

    @BeforeEach
    void setUp() throws Exception {
        Path dir = Files.createDirectories(federations.resolve("stor"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "stor", "name": {"sv": "Samordningsförbundet Stor"}, "municipalities": ["0580"],
                 "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        writeCsv("Insats nummer 7", "Insats nummer 8");
        String url = System.getenv("INSATSNAVET_PG_URL");
        if (url != null) {
            // a schema of its own, so that other PostgreSQL tests (which reset "public") are not disturbed
            jdbcUser = System.getenv("INSATSNAVET_PG_USER");
            jdbcPassword = System.getenv("INSATSNAVET_PG_PASSWORD");
            try (Connection c = DriverManager.getConnection(url, jdbcUser, jdbcPassword); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS cluster_test CASCADE");
                s.execute("CREATE SCHEMA cluster_test");
            }
            jdbcUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=cluster_test";
        } else {
            Assumptions.assumeTrue(System.getenv("INSATSNAVET_REQUIRE_POSTGRES") == null, "PostgreSQL required but not configured");
            jdbcUrl = "jdbc:h2:file:" + db.resolve("shared").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        }
        fuseki = org.apache.jena.fuseki.main.FusekiServer.create().port(0).loopback(true)
                .add("/ds", org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem()).build().start();
        storeUrl = "http://localhost:" + fuseki.getPort() + "/ds";
        portA = freePort();
        portB = freePort();
        members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    }

    @AfterEach
    void stopAll() throws Exception {
        try {
            for (Hub hub : running) {
                hub.stop().get(90, TimeUnit.SECONDS);
            }
        } finally {
            if (fuseki != null) {
                fuseki.stop();
            }
        }
    }

    @Test
    void aNodeStoppedMidImportIsTakenOverByTheOtherAndTheCatalogueIsWhole() throws Exception {
        Hub a = start(dataA, portA);
        Hub b = start(dataB, portB);
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        pauseAtFirstProgress(a, paused, resume);
        CompletableFuture<List<RunReport>> importOnA = CompletableFuture.supplyAsync(() -> a.syncNow("stor", "test"));
        assertTrue(paused.await(120, TimeUnit.SECONDS), "node A is importing");
        assertTrue(b.imports().locks().tryAcquire("stor").isEmpty(), "node B cannot take the federation while A imports it");
        TestHttp onB = new TestHttp(b.port());
        assertTrue(onB.get("/metrics", "text/plain").body().contains("\ninsatsnavet_cluster_members 2.0\n"));
        JsonNode health = onB.json("/health");
        assertEquals("up: 2 member(s)", health.path("checks").path("cluster").asText(), health.toString());
        assertEquals(2, health.path("cluster").path("members").asInt(), health.toString());
        assertTrue(health.path("cluster").path("nodes").toString().contains(a.clusterNodeId()), health.toString());

        running.remove(a);
        stopWithoutGrace(a).get(90, TimeUnit.SECONDS);
        resume.countDown();
        ExecutionException stopped = assertThrows(ExecutionException.class, () -> importOnA.get(5, TimeUnit.MINUTES));
        assertInstanceOf(ImportService.Stopped.class, stopped.getCause(), "A's run ends with its node, committing nothing");

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<RunReport> runs = b.imports().runs().runs("stor", 10);
            assertEquals(2, runs.size(), runs.toString());
            assertEquals(RunStatus.SUCCEEDED, runs.get(0).status(), runs.get(0).toString());
            assertEquals("resume", runs.get(0).trigger());
            assertEquals(RunStatus.INTERRUPTED, runs.get(1).status(), "A's run, marked by B: " + runs.get(1));
        });
        assertEquals(ROWS, b.imports().runs().runs("stor", 1).get(0).counts().added());
        assertEquals(ROWS, onB.json("/api/services?federation=stor&perPage=1").path("total").asLong(), "search on B");
        assertEquals(ROWS, b.store().graph(HubIris.defaults().federationGraph("stor"))
                .listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, se.insatsnavet.schema.vocab.CPSV.PublicService)
                .toList().size(), "the shared store holds each service once");
        // counted once the take-over is done (just after the resumed run is recorded)
        await().atMost(Duration.ofMinutes(5)).until(() -> onB.get("/metrics", "text/plain").body()
                .contains("\ninsatsnavet_import_runs_resumed_total 1.0\n"));
        assertTrue(onB.get("/metrics", "text/plain").body().contains("\ninsatsnavet_import_runs_interrupted_total 1.0\n"));
        await().atMost(Duration.ofMinutes(5)).until(() ->
                onB.get("/metrics", "text/plain").body().contains("\ninsatsnavet_cluster_members 1.0\n"));
        assertEquals("up: 1 member(s)", onB.json("/health").path("checks").path("cluster").asText());
    }

    @Test
    void aPushInterruptedByItsNodesStopIsAnswered503AndTheSurvivorSaysItMustBeSentAgain() throws Exception {
        Hub a = start(dataA, portA);
        Hub b = start(dataB, portB);
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        pauseAtFirstProgress(a, paused, resume);
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < ROWS; i++) {
            body.append(i == 0 ? "" : ",").append("""
                    {"localId": "p%d", "title": {"sv": "Insats %d"}, "description": {"sv": "Stöd till arbete."}, "municipalities": ["0580"]}"""
                    .formatted(i, i));
        }
        String token = a.tokens().create("stor", "test").secret();
        CompletableFuture<HttpResponse<String>> push = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + a.port() + "/api/federations/stor/services"))
                        .timeout(TestHttp.REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body.append("]").toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(paused.await(120, TimeUnit.SECONDS), "node A is importing the push");

        running.remove(a);
        CompletableFuture<Void> stopped = stopWithoutGrace(a);
        await().atMost(Duration.ofMinutes(5)).until(a.imports()::stopping);
        resume.countDown();
        HttpResponse<String> answer = push.get(5, TimeUnit.MINUTES);
        assertEquals(503, answer.statusCode(), answer.body());
        assertEquals("10", answer.headers().firstValue("Retry-After").orElse(null));
        stopped.get(90, TimeUnit.SECONDS);

        TestHttp onB = new TestHttp(b.port());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            RunReport run = b.imports().runs().runs("stor", 10).get(0);
            assertEquals(RunStatus.INTERRUPTED, run.status(), run.toString());
            assertEquals(se.insatsnavet.hub.imports.RunRepository.PUSH_INTERRUPTED, run.failure());
        });
        assertEquals(1, b.imports().runs().runs("stor", 10).size(), "no run claims to import the push again");
        assertEquals(0, onB.json("/api/services?federation=stor").path("total").asInt(), "nothing of the push was published");
        await().atMost(Duration.ofMinutes(5)).until(() -> onB.get("/metrics", "text/plain").body()
                .contains("\ninsatsnavet_import_runs_interrupted_total 1.0\n"));
        assertTrue(onB.get("/metrics", "text/plain").body().contains("\ninsatsnavet_import_runs_resumed_total 0.0\n"));
    }

    /** Stops a node with no grace period: an import under way stops at its next record. */
    private static CompletableFuture<Void> stopWithoutGrace(Hub hub) {
        System.setProperty("insatsnavet.stop.graceSeconds", "0");
        try {
            return hub.stop();
        } finally {
            System.clearProperty("insatsnavet.stop.graceSeconds");
        }
    }

    @Test
    void aFederationImportsOnOneNodeAtATimeAndEveryNodeFindsWhatItChanged() throws Exception {
        Hub a = start(dataA, portA);
        Hub b = start(dataB, portB);
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        pauseAtFirstProgress(a, paused, resume);
        CompletableFuture<List<RunReport>> importOnA = CompletableFuture.supplyAsync(() -> a.syncNow("stor", "test"));
        assertTrue(paused.await(120, TimeUnit.SECONDS), "node A is importing");
        assertTrue(b.imports().locks().tryAcquire("stor").isEmpty(), "node B cannot take the federation while A imports it");
        resume.countDown();
        RunReport first = importOnA.get(180, TimeUnit.SECONDS).get(0);
        assertEquals(RunStatus.SUCCEEDED, first.status(), first.toString());
        assertEquals(ROWS, first.counts().added());
        assertEquals(1, b.imports().runs().runs("stor", 10).size(), "one run, on one node");

        TestHttp onB = new TestHttp(b.port());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                onB.json("/api/services?federation=stor&perPage=1").path("total").asLong() == ROWS);
        assertEquals("Insats nummer 7", onB.json("/id/service/stor.s7?format=json").path("title").path("sv").asText(),
                "node B serves (and caches) the service A imported");

        writeCsv("Trädgårdsterapi för unga", "Insats nummer 8");
        RunReport update = a.syncNow("stor", "test").get(0);
        assertEquals(1, update.counts().updated(), update.toString());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                onB.json("/api/services?q=tr%C3%A4dg%C3%A5rdsterapi").path("total").asLong() == 1);
        assertEquals("Trädgårdsterapi för unga", onB.json("/id/service/stor.s7?format=json").path("title").path("sv").asText(),
                "node B dropped its cached copy");

        // node B misses a change while it is down, and catches up from the change log when it comes back
        running.remove(b);
        b.stop().get(90, TimeUnit.SECONDS);
        writeCsv("Trädgårdsterapi för unga", "Hästunderstödd terapi");
        assertEquals(1, a.syncNow("stor", "test").get(0).counts().updated());
        Hub again = start(dataB, portB);
        TestHttp onAgain = new TestHttp(again.port());
        assertEquals(1, onAgain.json("/api/services?q=h%C3%A4stunderst%C3%B6dd").path("total").asLong(),
                "the restarted node's index has the change it missed");
        assertEquals(ROWS, onAgain.json("/api/services?federation=stor&perPage=1").path("total").asLong());
    }

    @Test
    void aNodeThatHasNotAppliedEveryLoggedChangeAnswersHealth503CatchingUpUntilItHas() throws Exception {
        Hub a;
        Hub b;
        // no periodic catch-up: only the nudges of the other node's runs make a node catch up here
        System.setProperty("insatsnavet.cluster.catchUpMillis", "0");
        try {
            a = start(dataA, portA);
            b = start(dataB, portB);
        } finally {
            System.clearProperty("insatsnavet.cluster.catchUpMillis");
        }
        TestHttp onA = new TestHttp(a.port());
        TestHttp onB = new TestHttp(b.port());
        assertEquals(ROWS, a.syncNow("stor", "test").get(0).counts().added());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                onB.json("/api/services?federation=stor&perPage=1").path("total").asLong() == ROWS);
        for (TestHttp node : List.of(onA, onB)) {
            await().atMost(Duration.ofMinutes(5)).until(() -> node.get("/health", "application/json").statusCode() == 200);
            com.fasterxml.jackson.databind.JsonNode up = node.json("/health");
            assertEquals("up", up.path("checks").path("catchingUp").asText(), up.toString());
            assertEquals(0, up.path("changeLog").path("pending").asInt(), up.toString());
        }

        // a run of a third node, logged without a nudge: neither node has applied it
        logForeignRun(2);
        for (TestHttp node : List.of(onA, onB)) {
            HttpResponse<String> behind = node.get("/health", "application/json");
            assertEquals(503, behind.statusCode(), behind.body());
            com.fasterxml.jackson.databind.JsonNode body = TestHttp.JSON.readTree(behind.body());
            assertEquals("catchingUp", body.path("status").asText());
            assertEquals(2, body.path("changeLog").path("pending").asInt(), body.toString());
            assertTrue(body.path("changeLog").path("newestSeq").asLong() >= body.path("changeLog").path("appliedSeq").asLong() + 2,
                    body.toString());
            assertTrue(body.path("checks").path("catchingUp").asText().startsWith("behind: 2 change(s) of other hub nodes"),
                    body.toString());
        }

        // B's run nudges A, A's run nudges B: each catches up with everything logged, and says so
        writeCsv("Insats nummer 7", "Ridterapi");
        assertEquals(1, b.syncNow("stor", "test").get(0).counts().updated());
        writeCsv("Trädgårdsterapi för unga", "Ridterapi");
        assertEquals(1, a.syncNow("stor", "test").get(0).counts().updated());
        for (TestHttp node : List.of(onA, onB)) {
            await().atMost(Duration.ofMinutes(5)).until(() -> node.get("/health", "application/json").statusCode() == 200);
            assertEquals(1, node.json("/api/services?q=tr%C3%A4dg%C3%A5rdsterapi").path("total").asLong());
            assertEquals(1, node.json("/api/services?q=ridterapi").path("total").asLong());
        }
    }

    @Test
    void aPushedServiceIsTheSameBytesAndETagOnEveryNode() throws Exception {
        Hub a = start(dataA, portA);
        Hub b = start(dataB, portB);
        String token = a.tokens().create("stor", "test").secret();
        // the same provider twice: with its municipality, then without; the store describes it once, with it
        assertEquals(200, push(a, token, "p1", PushedServiceSameBytesTest.FIRST).statusCode());
        assertEquals(200, push(a, token, "p2", PushedServiceSameBytesTest.SECOND).statusCode());
        TestHttp onA = new TestHttp(a.port());
        TestHttp onB = new TestHttp(b.port());
        String search = "/api/services?q=h%C3%A4stsk%C3%B6tsel";
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                onB.json(search).path("total").asLong() == 1);
        assertEquals("1980", onA.json(search).path("items").get(0).path("provider").path("municipality").asText(),
                "node A answers the provider as stored");
        for (String[] request : List.of(new String[] {search, "application/json"},
                new String[] {"/id/service/stor.p2?format=json", "application/json"},
                new String[] {"/id/service/stor.p2", "text/turtle"},
                new String[] {"/hsds/services?search=h%C3%A4stsk%C3%B6tsel", "application/json"})) {
            HttpResponse<byte[]> fromA = onA.getRaw(request[0], "Accept", request[1]);
            HttpResponse<byte[]> fromB = onB.getRaw(request[0], "Accept", request[1]);
            assertEquals(200, fromA.statusCode(), request[0]);
            assertArrayEquals(fromA.body(), fromB.body(), request[0] + " on A:\n"
                    + new String(fromA.body(), StandardCharsets.UTF_8) + "\non B:\n" + new String(fromB.body(), StandardCharsets.UTF_8));
            assertTrue(fromA.headers().firstValue("ETag").isPresent(), request[0]);
            assertEquals(fromA.headers().firstValue("ETag"), fromB.headers().firstValue("ETag"), request[0]);
        }
    }

    private static HttpResponse<String> push(Hub hub, String token, String localId, String service) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + hub.port() + "/api/federations/stor/services/" + localId))
                .timeout(TestHttp.REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(service)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Logs {@code count} changes (of services already logged) as a run of another node, without telling the nodes. */
    @Test
    void aDescriptorPutOnOneNodeRunsOnEveryNodesViewAndOneNodeReadsIt() throws Exception {
        Hub a = start(dataA, portA);
        Hub b = start(dataB, portB);
        HttpServer source = HttpServer.create(
                new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] records = "{\"data\": [{\"Id\": \"n1\", \"Namn\": \"Ny insats\", \"Text\": \"Stöd.\"}]}".getBytes(StandardCharsets.UTF_8);
        source.createContext("/insatser.json", exchange -> {
            exchange.sendResponseHeaders(200, records.length);
            exchange.getResponseBody().write(records);
            exchange.close();
        });
        source.start();
        String admin = a.tokens().create(null, "cluster admin").secret();
        String descriptor = """
                {"id": "neu", "name": {"sv": "Samordningsförbundet Ny"}, "municipalities": ["0580"],
                 "sources": [{"id": "lista", "kind": "http", "location": "http://127.0.0.1:%d/insatser.json",
                   "options": {"recordPath": "data"},
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """.formatted(source.getAddress().getPort());
        try {
            HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://127.0.0.1:" + a.port() + "/api/federations/neu"))
                    .timeout(TestHttp.REQUEST_TIMEOUT).header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(descriptor)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, put.statusCode(), put.body());
            TestHttp onB = new TestHttp(b.port());
            await().atMost(Duration.ofMinutes(5)).until(() -> onB.json("/api/federations").toString().contains("\"id\":\"neu\""));
            await().atMost(Duration.ofMinutes(5)).until(() -> onB.json("/api/services?federation=neu").path("total").asLong() == 1);
            assertTrue(onB.json("/api/federations").toString().contains("\"origin\":\"api\""));
            assertEquals(1, b.imports().runs().runs("neu", 10).size(), "one node read the new federation's source");
        } finally {
            source.stop(0);
        }
    }

    private void logForeignRun(int count) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword); Statement s = c.createStatement()) {
            List<String> ids = new ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery("SELECT service_id FROM change_log ORDER BY seq DESC")) {
                while (ids.size() < count && rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO change_log (changed_at, federation_id, "
                    + "service_id, action, run_id) VALUES (CURRENT_TIMESTAMP, 'stor', ?, 'updated', 999999)")) {
                for (String id : ids) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            }
        }
    }

    private Hub start(Path data, int clusterPort) throws Exception {
        Hub hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withFileWatch(0).withDatabase(jdbcUrl, jdbcUser, jdbcPassword)
                .withSparqlStore(new HubOptions.SparqlStore(storeUrl, null, null))
                .withCluster(ClusterOptions.on("127.0.0.1", clusterPort, List.of(members.split(",")))))
                .toCompletionStage().toCompletableFuture().get(180, TimeUnit.SECONDS);
        running.add(hub);
        return hub;
    }

    /** The test's hook into a long import: the first progress report waits until {@code resume}. */
    private static void pauseAtFirstProgress(Hub hub, CountDownLatch paused, CountDownLatch resume) {
        hub.imports().onProgress((federation, source, stage, done, total) -> {
            if (paused.getCount() > 0) {
                paused.countDown();
                try {
                    resume.await(180, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    private void writeCsv(String seventhTitle, String eighthTitle) throws Exception {
        StringBuilder csv = new StringBuilder("Id;Namn;Text\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("s").append(i).append(';').append(i == 7 ? seventhTitle : i == 8 ? eighthTitle : "Insats nummer " + i)
                    .append(";Stöd till arbete och studier, del ").append(i).append(".\n");
        }
        Files.writeString(federations.resolve("stor").resolve("lista.csv"), csv.toString(), StandardCharsets.UTF_8);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
