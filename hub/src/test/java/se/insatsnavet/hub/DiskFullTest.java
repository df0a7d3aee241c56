package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.security.TokenStore;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full disk under a running hub (a real child process whose data folder is a small tmpfs that the test fills):
 * the import fails cleanly and says why, the published catalogue is served unchanged (search, by id, SPARQL),
 * the process stays up; once space is free again the same import succeeds.
 */
class DiskFullTest {

    static final int ROWS = 300;

    @TempDir
    Path work;
    Path data;
    SmallFilesystem disk;
    Process child;

    @AfterEach
    void cleanUp() throws Exception {
        if (child != null) {
            child.destroy();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        if (disk != null) {
            disk.close();
        }
        Path log = work.resolve("child.log");
        if (Files.exists(log)) { // kept for a look after a failure
            Files.copy(log, Path.of("target", "DiskFullTest-child.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void aFullDiskFailsTheImportCleanlyAndTheCatalogueIsStillServed() throws Exception {
        data = Files.createDirectories(work.resolve("data"));
        disk = SmallFilesystem.mount(data, 96);
        Path federations = Files.createDirectories(work.resolve("federations"));
        Path dir = Files.createDirectories(federations.resolve("stor"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "stor", "name": {"sv": "Samordningsförbundet Stor"}, "municipalities": ["0580"],
                 "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("lista.csv"), csv("Insats nummer"), StandardCharsets.UTF_8);
        String token;
        HubOptions options = HubOptions.defaults(data);
        try (Database db = Database.open(options.effectiveJdbcUrl(), null, null)) {
            token = new TokenStore(db).create(null, "disk full test").secret();
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = work.resolve("child.log");
        child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "se.insatsnavet.hub.Main",
                "--port", Integer.toString(port), "--host", "127.0.0.1", "--data", data.toString(),
                "--federations", federations.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        TestHttp http = new TestHttp(port);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                http.json("/api/services?federation=stor&perPage=1").path("total").asLong() == ROWS);

        String uri = http.json("/api/services?federation=stor&q=%22Insats+nummer+7%22&perPage=1").path("items").get(0).path("uri").asText();
        assertServed(http, uri, "Insats nummer 7", "Ändrad insats 7");

        // the disk fills up (a log gone wild, another program …) and the source changes
        Path filler = data.resolve("filler");
        SmallFilesystem.fill(filler);
        Files.writeString(dir.resolve("lista.csv"), csv("Ändrad insats"), StandardCharsets.UTF_8);
        HttpResponse<String> sync = post(port, "/api/federations/stor/sync", token);
        System.out.println("DiskFullTest: the sync on a full disk answered " + sync.statusCode() + " " + sync.body());
        if (sync.statusCode() == 200) {
            JsonNode run = TestHttp.JSON.readTree(sync.body()).path("runs").get(0);
            assertEquals("failed", run.path("status").asText(), run.toString());
            assertTrue(run.path("failure").asText().contains("data folder"), "the failure names the cause: " + run);
        } else {
            // the database could not even record the run: the answer says so, and /health reports it
            assertEquals(503, sync.statusCode(), sync.body());
            assertTrue(sync.body().contains("cannot record"), sync.body());
            JsonNode health = http.json("/health");
            assertEquals("degraded", health.path("status").asText(), health.toString());
        }
        assertTrue(child.isAlive(), "the hub is still running");
        JsonNode health = TestHttp.JSON.readTree(http.get("/health").body());
        assertTrue(Set.of("up", "degraded").contains(health.path("status").asText()), "reads work: " + health);
        assertServed(http, uri, "Insats nummer 7", "Ändrad insats 7");
        assertEquals(ROWS, http.json("/api/services?federation=stor&perPage=1").path("total").asLong());
        assertEquals(200, http.get("/changes").statusCode());

        // space again: the same import succeeds, and every read path shows it
        Files.delete(filler);
        HttpResponse<String> again = post(port, "/api/federations/stor/sync", token);
        assertEquals(200, again.statusCode(), again.body());
        JsonNode rerun = TestHttp.JSON.readTree(again.body()).path("runs").get(0);
        assertEquals("succeeded", rerun.path("status").asText(), rerun.toString());
        // (the file watch may have imported the changed file a moment before: then this run finds it unchanged)
        assertEquals(ROWS, rerun.path("counts").path("valid").asInt(), rerun.toString());
        assertServed(http, uri, "Ändrad insats 7", "Insats nummer 7");
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertEquals("up", http.json("/health").path("status").asText());
            for (JsonNode r : http.json("/api/federations/stor/runs").path("items")) {
                assertTrue(!r.path("status").asText().equals("running"), "no run is left running: " + r);
            }
        });
        assertTrue(child.isAlive());
    }

    /** The service is served with {@code title} and without {@code notTitle} by search, by its IRI and by SPARQL. */
    static void assertServed(TestHttp http, String uri, String title, String notTitle) {
        String id = uri.substring(uri.lastIndexOf('/') + 1);
        JsonNode item = http.json("/id/service/" + id);
        assertEquals(title, item.path("title").path("sv").asText(), item.toString());
        String q = URLEncoder.encode("\"" + title + "\"", StandardCharsets.UTF_8);
        assertEquals(1, http.json("/api/services?federation=stor&q=" + q).path("total").asLong(), "search finds " + title);
        assertEquals(0, http.json("/api/services?federation=stor&q=" + URLEncoder.encode("\"" + notTitle + "\"",
                StandardCharsets.UTF_8)).path("total").asLong(), "search does not find " + notTitle);
        String turtle = http.get("/id/service/" + id, "text/turtle").body();
        assertTrue(turtle.contains(title) && !turtle.contains(notTitle), turtle);
        String ask = "ASK { GRAPH ?g { <" + uri + "> ?p ?o FILTER(STR(?o) = \"" + title + "\") } }";
        HttpResponse<String> sparql = http.get("/sparql?query=" + URLEncoder.encode(ask, StandardCharsets.UTF_8),
                "application/sparql-results+json");
        assertEquals(200, sparql.statusCode(), sparql.body());
        JsonNode answer;
        try {
            answer = TestHttp.JSON.readTree(sparql.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(answer.path("boolean").asBoolean(), "SPARQL sees " + title + ": " + answer);
    }

    static String csv(String title) {
        StringBuilder csv = new StringBuilder("Id;Namn;Text\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("s").append(i).append(';').append(title).append(' ').append(i)
                    .append(";Stöd till arbete och studier, del ").append(i).append(".\n");
        }
        return csv.toString();
    }

    static HttpResponse<String> post(int port, String path, String token) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TestHttp.REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
