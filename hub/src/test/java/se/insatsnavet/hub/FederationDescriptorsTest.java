package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.security.AuditLog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin API's descriptors: {@code PUT /api/federations/{id}} (a dry run that stores nothing; 201 created, 200
 * replaced; 400s naming the problem; 401/403; 409 for a federation whose descriptor is a file) and
 * {@code DELETE} (services withdrawn; 404 when none was sent), each audit-logged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationDescriptorsTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    @TempDir
    static Path data;
    @TempDir
    static Path folder;
    /** The source a descriptor sent through the API reads (its file sources could only name files in its own folder). */
    HttpServer source;
    Hub hub;
    TestHttp http;
    String admin;
    String alfaToken;

    @BeforeAll
    void start() throws Exception {
        Path alfa = Files.createDirectories(folder.resolve("alfa"));
        Files.writeString(alfa.resolve("a.csv"), "Id,Namn,Beskrivning\na1,Jobbcoach,Stöd till arbete.\n", StandardCharsets.UTF_8);
        Files.writeString(alfa.resolve("federation.json"), descriptor("alfa", "Alfa", "a.csv"), StandardCharsets.UTF_8);
        source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] records = """
                {"data": [{"Id": "b1", "Namn": "Budget", "Beskrivning": "Råd om pengar."},
                          {"Id": "b2", "Namn": "Bostad", "Beskrivning": "Stöd att bo."}]}
                """.getBytes(StandardCharsets.UTF_8);
        source.createContext("/insatser.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, records.length);
            exchange.getResponseBody().write(records);
            exchange.close();
        });
        source.start();
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(folder)
                .withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        admin = hub.tokens().create(null, "test admin").secret();
        alfaToken = hub.tokens().create("alfa", "test alfa").secret();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            hub.stop().get(5, TimeUnit.MINUTES);
        } finally {
            source.stop(0);
        }
    }

    private static String descriptor(String id, String name, String location) {
        return """
                {"id": "%s", "name": {"sv": "Samordningsförbundet %s"}, "municipalities": ["0580"],
                 "sources": [{"id": "fil", "kind": "file", "location": "%s", "format": "csv",
                              "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Beskrivning"},
                                          "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """.formatted(id, name, location.replace("\\", "\\\\"));
    }

    /** A descriptor whose source is the test's HTTP source. */
    private String viaHttp(String id, String name) {
        return """
                {"id": "%s", "name": {"sv": "Samordningsförbundet %s"}, "municipalities": ["0580"],
                 "sources": [{"id": "api", "kind": "http", "location": "http://127.0.0.1:%d/insatser.json",
                              "options": {"recordPath": "data"},
                              "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Beskrivning"},
                                          "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """.formatted(id, name, source.getAddress().getPort());
    }

    private String beta() {
        return viaHttp("beta", "Beta");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + path))
                .timeout(TestHttp.REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean runs(String id) {
        for (JsonNode f : http.json("/api/federations").path("items")) {
            if (f.path("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private int status(String serviceId) {
        return http.get("/id/service/" + serviceId + "?format=json", "application/json").statusCode();
    }

    /** The newest audit entry of a request (written as its response ends, so waited for). */
    private AuditLog.Entry audited(String method, String path, int status) {
        await().atMost(Duration.ofMinutes(5)).until(() -> hub.audit().recent(50).stream()
                .anyMatch(e -> e.method().equals(method) && e.path().equals(path) && e.status() == status));
        return hub.audit().recent(50).stream().filter(e -> e.method().equals(method) && e.path().equals(path) && e.status() == status)
                .findFirst().orElseThrow();
    }

    @Test
    void aDryRunReadsTheSourcesAndAnswersTheReportsStoringNothing() throws Exception {
        String changesBefore = http.json("/changes/latest").path("next").asText();
        HttpResponse<String> r = send("PUT", "/api/federations/beta?dryRun=true", admin, beta());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = TestHttp.JSON.readTree(r.body());
        assertTrue(body.path("dryRun").asBoolean());
        JsonNode run = body.path("runs").get(0);
        assertEquals("succeeded", run.path("status").asText(), run.toString());
        assertEquals(2, run.path("counts").path("read").asInt());
        assertEquals(2, run.path("counts").path("added").asInt());
        assertFalse(run.has("href"), "a dry run's report has no address: it was not published");
        assertFalse(runs("beta"));
        assertEquals(404, status("beta.b1"));
        assertEquals(0, http.json("/changes?since=" + changesBefore).path("items").size(), "nothing in the change log");
        assertEquals(404, send("DELETE", "/api/federations/beta", admin, null).statusCode(), "nothing stored");
    }

    @Test
    void writesNeedTheAdminToken() throws Exception {
        assertEquals(401, send("PUT", "/api/federations/beta", null, beta()).statusCode());
        assertEquals(401, send("PUT", "/api/federations/beta", "not-a-token", beta()).statusCode());
        assertEquals(403, send("PUT", "/api/federations/alfa", alfaToken, descriptor("alfa", "Alfa", "a.csv")).statusCode());
        assertEquals(401, send("DELETE", "/api/federations/beta", null, null).statusCode());
        assertFalse(runs("beta"));
    }

    @Test
    void aFileSourceOutsideTheDescriptorsFolderIsRefused() throws Exception {
        HttpResponse<String> r = send("PUT", "/api/federations/epsilon", admin,
                descriptor("epsilon", "Epsilon", folder.resolve("alfa").resolve("a.csv").toAbsolutePath().toString()));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("lies outside the descriptor's folder"), r.body());
        assertFalse(runs("epsilon"));
    }

    @Test
    void aBadRequestIsA400NamingTheProblem() throws Exception {
        HttpResponse<String> invalid = send("PUT", "/api/federations/gamma", admin,
                "{\"id\": \"gamma\", \"name\": {\"sv\": \"G\"}, \"sources\": [{\"id\": \"x\"}]}");
        assertEquals(400, invalid.statusCode());
        JsonNode errors = TestHttp.JSON.readTree(invalid.body()).path("errors");
        assertTrue(errors.toString().contains("municipalities"), errors.toString());
        assertTrue(audited("PUT", "/api/federations/gamma", 400).detail().startsWith("rejected descriptor"));
        HttpResponse<String> mismatch = send("PUT", "/api/federations/gamma", admin, beta());
        assertEquals(400, mismatch.statusCode());
        assertTrue(mismatch.body().contains("'beta' is not the path's 'gamma'"), mismatch.body());
        HttpResponse<String> unknown = send("PUT", "/api/federations/beta?dryrun=true", admin, beta());
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("'dryrun'"), unknown.body());
        assertEquals(400, send("PUT", "/api/federations/beta?dryRun=yes", admin, beta()).statusCode());
        assertEquals(400, send("PUT", "/api/federations/..%2Fbeta", admin, beta()).statusCode(), "an id is checked before it names a file");
        assertEquals(400, send("PUT", "/api/federations/beta", admin, "not json").statusCode());
        assertEquals(400, send("PUT", "/api/federations/beta", admin, "").statusCode());
        assertEquals(413, send("PUT", "/api/federations/beta", admin, " ".repeat(300 * 1024) + beta()).statusCode());
        assertFalse(runs("gamma"));
        assertFalse(runs("beta"));
    }

    @Test
    void aFederationWhoseDescriptorIsAFileIsNotTheApis() throws Exception {
        HttpResponse<String> put = send("PUT", "/api/federations/alfa", admin, descriptor("alfa", "Alfa ändrad", "a.csv"));
        assertEquals(409, put.statusCode(), put.body());
        assertTrue(put.body().contains("folder:alfa/federation.json"), put.body());
        assertEquals(409, send("DELETE", "/api/federations/alfa", admin, null).statusCode());
        assertEquals("Samordningsförbundet Alfa", http.json("/api/federations").path("items").get(0).path("name").path("sv").asText());
    }

    @Test
    void aPutDescriptorRunsIsReplacedAndItsDeleteWithdrawsItsServicesAndArticles() throws Exception {
        HttpResponse<String> created = send("PUT", "/api/federations/delta", admin,
                viaHttp("delta", "Delta"));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("active", TestHttp.JSON.readTree(created.body()).path("status").asText());
        AuditLog.Entry audit = audited("PUT", "/api/federations/delta", 201);
        assertTrue(audit.actor().contains("test admin"), audit.actor());
        assertTrue(audit.detail().startsWith("descriptor created"), audit.detail());
        await().atMost(Duration.ofMinutes(5)).until(() -> status("delta.b1") == 200 && status("delta.b2") == 200);
        JsonNode delta = null;
        for (JsonNode f : http.json("/api/federations").path("items")) {
            if (f.path("id").asText().equals("delta")) {
                delta = f;
            }
        }
        assertEquals("api", delta.path("origin").asText());

        HttpResponse<String> replaced = send("PUT", "/api/federations/delta", admin,
                viaHttp("delta", "Delta-Ås"));
        assertEquals(200, replaced.statusCode(), replaced.body());
        await().atMost(Duration.ofMinutes(5)).until(() -> http.json("/api/federations").toString().contains("Samordningsförbundet Delta-Ås"));

        // a guidance article pushed by the federation goes with its services
        String deltaToken = hub.tokens().create("delta", "test delta").secret();
        HttpResponse<String> pushed = send("PUT", "/api/federations/delta/articles", deltaToken, """
                [{"id": "fraga-1", "kind": "question", "title": "Kostar det något?",
                  "question": "Måste jag betala?", "answer": "Nej.", "services": ["b1"]}]
                """);
        assertEquals(200, pushed.statusCode(), pushed.body());
        assertEquals(200, http.get("/id/article/delta/fraga-1?format=json", "application/json").statusCode());

        String before = http.json("/changes/latest").path("next").asText();
        HttpResponse<String> deleted = send("DELETE", "/api/federations/delta", admin, null);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertTrue(TestHttp.JSON.readTree(deleted.body()).path("withdrawn").asBoolean(), deleted.body());
        assertEquals("descriptor removed", audited("DELETE", "/api/federations/delta", 200).detail());
        assertEquals(410, status("delta.b1"));
        assertFalse(runs("delta"));
        assertEquals(410, http.get("/id/article/delta/fraga-1?format=json", "application/json").statusCode(),
                "the federation's article is withdrawn too");
        List<String> actions = new ArrayList<>();
        http.json("/changes?since=" + before).path("items").forEach(c -> {
            if (c.path("action").asText().equals("deleted")) {
                // (the replaced descriptor's run may log its updates here too)
                actions.add(c.path("type").asText() + " " + c.path(c.path("type").asText()).asText());
            }
        });
        assertEquals(List.of("article delta/fraga-1", "service delta.b1", "service delta.b2"), actions.stream().sorted().toList());
        assertEquals(404, send("DELETE", "/api/federations/delta", admin, null).statusCode());
    }
}
