package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.linkcheck.LinkChecker;
import se.insatsnavet.hub.linkcheck.LinkResult;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The opt-in link check against a local server on port 0 (never the internet): a link that answers, one
 * that answers 404, one that never answers (time-out) and one that refuses HEAD; results reported as quality
 * reasons, in Swedish on the editors' page; a federation that did not switch it on is never checked; private
 * addresses and other schemes are refused unless allowed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkCheckTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path data;
    @TempDir
    static Path federations;
    Vertx serverVertx;
    HttpServer server;
    final Queue<String> requests = new ConcurrentLinkedQueue<>();
    Hub hub;
    TestHttp http;
    String token;

    @BeforeAll
    void start() throws Exception {
        serverVertx = Vertx.vertx();
        server = serverVertx.createHttpServer().requestHandler(req -> {
            requests.add(req.method() + " " + req.path());
            switch (req.path()) {
                case "/ok", "/other-ok" -> req.response().setStatusCode(200).end();
                case "/slow" -> { /* never answers */ }
                case "/no-head" -> req.response().setStatusCode(req.method() == HttpMethod.HEAD ? 405 : 200).end();
                default -> req.response().setStatusCode(404).end();
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        System.setProperty("insatsnavet.linkcheck.timeoutMillis", "500");
        System.setProperty("insatsnavet.linkcheck.perHostPauseMillis", "20");
        System.setProperty("insatsnavet.linkcheck.allowPrivateAddresses", "true");
        for (String id : List.of("lankad", "utan")) {
            Path dir = Files.createDirectories(federations.resolve(id));
            Files.writeString(dir.resolve("federation.json"), """
                    {"id": "%s", "name": {"sv": "Samordningsförbundet %s"}, "municipalities": ["0580"],%s
                     "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                       "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"}}}]}
                    """.formatted(id, id, id.equals("lankad") ? " \"linkCheck\": {\"enabled\": true, \"recheckAfter\": \"P1D\"}," : ""),
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("lista.csv"), "Id;Namn;Text\n", StandardCharsets.UTF_8);
        }
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(1, 10).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        token = hub.tokens().create(null, "test admin").secret();
        push("lankad", service("ok", "/ok"), service("missing", "/missing"), service("slow", "/slow"), service("nohead", "/no-head"));
        push("utan", service("x", "/not-for-checking"));
    }

    @AfterAll
    void stop() throws Exception {
        System.clearProperty("insatsnavet.linkcheck.timeoutMillis");
        System.clearProperty("insatsnavet.linkcheck.perHostPauseMillis");
        System.clearProperty("insatsnavet.linkcheck.allowPrivateAddresses");
        if (hub != null) {
            hub.stop().get(5, TimeUnit.MINUTES);
        }
        serverVertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    }

    private String service(String id, String path) {
        return """
                {"localId": "%s", "title": {"sv": "Insats %s"}, "description": {"sv": "Stöd."}, "municipalities": ["0580"],
                 "homepage": "http://127.0.0.1:%d%s"}""".formatted(id, id, server.actualPort(), path);
    }

    private void push(String federation, String... services) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port()
                        + "/api/federations/" + federation + "/services"))
                .PUT(HttpRequest.BodyPublishers.ofString("[" + String.join(",", services) + "]"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private Map<String, JsonNode> checkedServices() {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode s : http.json("/api/quality/lankad").path("services")) {
            out.put(s.path("id").asText(), s);
        }
        return out;
    }

    @Test
    void anOptedInFederationsLinksAreCheckedAndReportedAsQualityReasons() {
        await().atMost(Duration.ofMinutes(5)).until(() -> checkedServices().values().stream().allMatch(s -> s.has("links")));
        Map<String, JsonNode> services = checkedServices();
        JsonNode ok = services.get("lankad.ok");
        assertEquals("ok", ok.path("links").get(0).path("outcome").asText(), ok.toString());
        assertEquals(200, ok.path("links").get(0).path("status").asInt());
        assertTrue(ok.path("links").get(0).hasNonNull("checkedAt"));
        assertFalse(ok.path("reasons").toString().contains("not reachable"), ok.toString());
        JsonNode missing = services.get("lankad.missing");
        assertTrue(missing.path("reasons").toString().contains("homepage is not reachable: HTTP 404"), missing.toString());
        assertTrue(missing.path("score").asInt() < ok.path("score").asInt());
        JsonNode slow = services.get("lankad.slow");
        assertEquals("timeout", slow.path("links").get(0).path("outcome").asText(), slow.toString());
        assertTrue(slow.path("reasons").toString().contains("homepage is not reachable: no answer in time"), slow.toString());
        JsonNode noHead = services.get("lankad.nohead");
        assertEquals("ok", noHead.path("links").get(0).path("outcome").asText(), noHead.toString());
        assertTrue(requests.contains("HEAD /no-head") && requests.contains("GET /no-head"), "GET after HEAD was refused: " + requests);
        assertFalse(requests.contains("GET /ok"), "HEAD was enough: " + requests);

        JsonNode summary = http.json("/api/quality").path("federations");
        JsonNode lankad = null;
        for (JsonNode f : summary) {
            if (f.path("federation").asText().equals("lankad")) {
                lankad = f;
            }
        }
        assertEquals(2, lankad.path("problems").path("homepage is not reachable").asInt(), lankad.toString());
        String html = http.get("/kvalitet/lankad", "text/html").body();
        assertTrue(html.contains("Webbsidan går inte att nå: svar HTTP 404"), html);
        assertTrue(html.contains("Webbsidan går inte att nå: inget svar i tid"), html);
    }

    @Test
    void aFederationThatDidNotSwitchItOnIsNeverChecked() {
        await().atMost(Duration.ofMinutes(5)).until(() -> checkedServices().values().stream().allMatch(s -> s.has("links")));
        assertFalse(requests.stream().anyMatch(r -> r.endsWith("/not-for-checking")), requests.toString());
        assertFalse(http.json("/api/quality/utan").path("services").get(0).has("links"));
    }

    @Test
    void privateAddressesAndOtherSchemesAreRefusedUnlessAllowed() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (LinkChecker checker = LinkChecker.create(vertx, Duration.ofSeconds(2), Duration.ofMillis(10), false)) {
            int before = requests.size();
            LinkResult local = checker.check("http://127.0.0.1:" + server.actualPort() + "/other-ok")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(LinkResult.REFUSED, local.outcome());
            LinkResult ftp = checker.check("ftp://example.se/fil").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(LinkResult.REFUSED, ftp.outcome());
            assertEquals(before, requests.size(), "nothing was asked");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
        }
    }
}
