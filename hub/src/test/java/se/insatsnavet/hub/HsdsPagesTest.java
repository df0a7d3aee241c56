package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HSDS pages served from kept representations: a change is never answered from what was kept before it, and
 * messy parameters are refused naming them (never a 500, never ignored). A small catalogue pushed by the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HsdsPagesTest {

    @TempDir
    static Path data;
    @TempDir
    static Path federations;
    Hub hub;
    TestHttp http;
    String admin;

    private static String services(String firstTitle) {
        return """
                [{"localId": "s1", "title": {"sv": "%s"},
                  "description": {"sv": "Du får prova på ett arbete i din egen takt."},
                  "provider": {"name": {"sv": "Linköpings kommun"}, "type": "municipality"},
                  "targetGroups": ["young-adults"], "municipalities": ["0580"]},
                 {"localId": "s2", "title": {"sv": "Studiestöd"},
                  "description": {"sv": "Stöd för dig som vill börja studera."},
                  "provider": {"name": {"sv": "Region Östergötland"}, "type": "region"},
                  "targetGroups": ["young-adults"], "municipalities": ["0580", "0561"]}]""".formatted(firstTitle);
    }

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createDirectories(federations.resolve("alfa"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "alfa", "name": {"sv": "Samordningsförbundet Alfa"}, "municipalities": ["0580"],
                 "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn"}}}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("lista.csv"), "Id;Namn\n", StandardCharsets.UTF_8);
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        admin = hub.tokens().create(null, "hsds pages test").secret();
        push(services("Arbetsträning"));
    }

    @AfterAll
    void stop() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    private void push(String body) throws Exception {
        HttpResponse<String> pushed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + hub.port() + "/api/federations/alfa/services"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, pushed.statusCode(), pushed.body());
    }

    private String firstName(String query) {
        for (JsonNode s : http.json("/hsds/services?per_page=10" + query).path("contents")) {
            if (s.path("uri").asText().endsWith("/alfa.s1")) {
                return s.path("name").asText();
            }
        }
        throw new AssertionError("alfa.s1 is not on the page");
    }

    @Test
    void aChangedServiceIsNeverAnsweredFromWhatWasKeptBeforeTheChange() throws Exception {
        String s1 = null;
        for (JsonNode s : http.json("/hsds/services").path("contents")) {
            s1 = s.path("uri").asText().endsWith("/alfa.s1") ? s.path("id").asText() : s1;
        }
        String before = http.json("/hsds/services/" + s1).path("name").asText();
        // asked twice, so that the page, the service and their items are kept
        for (int i = 0; i < 2; i++) {
            assertEquals(before, firstName(""));
            assertEquals(before, firstName("&full=true"));
            assertEquals(before, http.json("/hsds/services/" + s1).path("name").asText());
        }
        String etag = http.get("/hsds/services?per_page=10").headers().firstValue("ETag").orElseThrow();
        assertEquals(304, http.getRaw("/hsds/services?per_page=10", "If-None-Match", etag).statusCode());

        push(services("Arbetsträning i grupp"));
        // once the search shows the change, no HSDS answer may still have the old name
        await().atMost(Duration.ofMinutes(5)).until(() -> http.json("/api/services?q=grupp").path("total").asInt() == 1);
        assertEquals("Arbetsträning i grupp", firstName(""));
        assertEquals("Arbetsträning i grupp", firstName("&full=true"));
        assertEquals("Arbetsträning i grupp", http.json("/hsds/services/" + s1).path("name").asText());
        assertEquals(200, http.getRaw("/hsds/services?per_page=10", "If-None-Match", etag).statusCode());
    }

    @Test
    void messyParametersAreRefusedNamingThemAndBadIdsAreNotFound() {
        Map<String, String> refused = Map.of(
                "/hsds/services?page=1&page=2", "'page'",
                "/hsds/services?full=TRUE", "'full'",
                "/hsds/services?minimal=true&full=true", "'minimal'",
                "/hsds/services?per_page=-1", "'per_page'",
                "/hsds/services?page=%F0%9F%98%80", "'page'",
                "/hsds/services?Search=arbete", "'Search'",
                "/hsds/?callback=x", "'callback'",
                "/hsds/organizations?full=false&full_service=true", "'full_service=true'",
                "/hsds/taxonomy_terms?top_only=", "'top_only'",
                "/hsds/service_at_locations?proximity=500", "'proximity'");
        refused.forEach((path, name) -> {
            HttpResponse<String> r = http.get(path, "application/json");
            assertEquals(400, r.statusCode(), path + ": " + r.body());
            assertTrue(r.body().contains(name), path + ": " + r.body());
        });
        for (String id : List.of("nope", "%20", "alfa..x", "alfa.s1%00", "00000000-0000-0000-0000-00000000000",
                "x".repeat(300))) {
            for (String kind : List.of("services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms")) {
                int status = http.get("/hsds/" + kind + "/" + id, "application/json").statusCode();
                assertEquals(404, status, kind + "/" + id);
            }
        }
        assertEquals(200, http.get("/hsds/services?search=%F0%9F%98%80%00%3Cscript%3E", "application/json").statusCode());
        assertEquals(0, http.json("/hsds/services?search=%F0%9F%98%80").path("total_items").asInt());
    }
}
