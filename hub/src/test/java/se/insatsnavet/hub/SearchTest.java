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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Swedish search engine behind /api/services: analysis, ranking, filters, facets, snippets, persistence. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {

    @TempDir
    static Path data;
    @TempDir
    static Path federations;
    Hub hub;
    TestHttp http;
    String admin;

    private static final String SERVICES = """
            [
             {"localId": "s1", "title": {"sv": "Arbetsträning i Linköping"},
              "description": {"sv": "Du får prova på ett arbete i din egen takt med en handledare."},
              "provider": {"name": {"sv": "Linköpings kommun"}, "type": "municipality"},
              "targetGroups": ["activity-compensation"], "ageRange": {"min": 19, "max": 29},
              "municipalities": ["0580"], "languages": ["sv", "ar"], "admission": {"referralRequired": true}},
             {"localId": "s2", "title": {"sv": "Studiestöd"},
              "description": {"sv": "Stöd för dig som vill börja studera eller gå en utbildning. Arbetsträning ingår inte."},
              "provider": {"name": {"sv": "Region Östergötland"}, "type": "region"},
              "targetGroups": ["young-adults"], "ageRange": {"min": 16, "max": 24},
              "municipalities": ["0580", "0561"], "languages": ["sv"], "admission": {"selfReferral": true}},
             {"localId": "s3", "title": {"sv": "Hälsocoach för sjukskrivna"},
              "description": {"sv": "Samtal och rörelse för dig som är sjukskriven och vill må bättre."},
              "provider": {"name": {"sv": "Försäkringskassan"}, "type": "forsakringskassan"},
              "targetGroups": ["sick-leave"], "municipalities": ["0180"], "status": "ended"},
             {"localId": "s4", "title": {"sv": "Jobbcoach"},
              "description": {"sv": "En coach hjälper dig att söka jobb och förbereda intervjuer."},
              "provider": {"name": {"sv": "Arbetsförmedlingen"}, "type": "arbetsformedlingen"},
              "targetGroups": ["young-adults", "activity-compensation"], "ageRange": {"min": 18},
              "municipalities": ["0580"]}
            ]""";

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createDirectories(federations.resolve("alfa"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "alfa", "name": {"sv": "Samordningsförbundet Alfa"}, "municipalities": ["0580"],
                 "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn"}}}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("lista.csv"), "Id;Namn\n", StandardCharsets.UTF_8);
        startHub();
        admin = hub.tokens().create(null, "search test").secret();
        HttpResponse<String> pushed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + hub.port() + "/api/federations/alfa/services"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(SERVICES)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, pushed.statusCode(), pushed.body());
    }

    private void startHub() throws Exception {
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
    }

    @AfterAll
    void stop() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    private List<String> ids(String query) {
        List<String> ids = new ArrayList<>();
        http.json("/api/services?" + query).path("items").forEach(i -> ids.add(i.path("localId").asText()));
        return ids;
    }

    @Test
    void swedishStemsSynonymsCompoundsAndTyposFind() {
        // s3 has ended: found when asked for every status, not by default
        assertEquals(List.of("s3"), ids("q=sjukskrivning&status=all"), "synonym and stem: sjukskrivning → sjukskriven");
        assertEquals(List.of(), ids("q=sjukskrivning"), "an ended service is not listed by default");
        assertTrue(ids("q=jobb").containsAll(List.of("s4", "s1")), "jobb finds arbete too: " + ids("q=jobb"));
        assertTrue(ids("q=tr%C3%A4ning").contains("s1"), "träning finds Arbetsträning (compound)");
        assertTrue(ids("q=arbetstr%C3%A4nig").contains("s1"), "a typo still finds it");
        assertEquals(List.of(), ids("q=xylofon"));
    }

    @Test
    void titleMatchesAndActiveServicesComeFirst() {
        List<String> hits = ids("q=arbetstr%C3%A4ning");
        assertEquals("s1", hits.get(0), "title match before description match: " + hits);
        assertTrue(hits.contains("s2"));
        List<String> coach = ids("q=coach&status=all");
        assertEquals("s4", coach.get(0), "the active Jobbcoach before the ended Hälsocoach: " + coach);
    }

    @Test
    void filtersCombineAndFacetsCount() {
        assertEquals(List.of("s1", "s4"), ids("age=24&targetGroup=activity-compensation"));
        assertEquals(List.of("s1"), ids("language=ar"));
        assertEquals(List.of("s1"), ids("referral=required"));
        assertEquals(List.of("s2"), ids("referral=self"));
        assertEquals(List.of("s2"), ids("municipality=0561"));
        JsonNode facets = http.json("/api/services?municipality=0580").path("facets");
        assertEquals(3, facets.path("municipality").path("0580").asInt());
        assertEquals(1, facets.path("municipality").path("0561").asInt());
        assertEquals(2, facets.path("targetGroup").path("activity-compensation").asInt());
        assertEquals(1, facets.path("providerType").path("region").asInt());
        assertFalse(http.json("/api/services?facets=false").has("facets"));
    }

    @Test
    void snippetsMarkTheWordsAndEscapeTheText() {
        JsonNode items = http.json("/api/services?q=handledare").path("items");
        JsonNode s1 = null;
        for (JsonNode item : items) {
            if (item.path("localId").asText().equals("s1")) {
                s1 = item;
            }
        }
        assertTrue(s1 != null && s1.path("snippet").asText().contains("<mark>handledare</mark>"), items.toString());
    }

    @Test
    void theIndexFollowsImportsAndSurvivesARestart() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
        startHub();
        assertEquals(List.of("s3"), ids("q=sjukskrivning&status=all"), "found after a restart");
        HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + hub.port() + "/api/federations/alfa/services/s3"))
                .header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals(List.of(), ids("q=sjukskrivning&status=all"), "a deleted service is gone from search at once");
        assertEquals(3, http.json("/api/services").path("total").asInt());
    }

    @Test
    void municipalitiesByNameAndSortByTitle() {
        assertEquals(ids("municipality=0561"), ids("municipality=%C3%85tvidaberg"));
        assertEquals(ids("municipality=0561"), ids("municipality=%C3%85tvidabergs%20kommun"));
        assertEquals(400, http.get("/api/services?municipality=Atlantis", "application/json").statusCode());
        List<String> byTitle = ids("q=st%C3%B6d&sort=title");
        List<String> titles = new ArrayList<>();
        http.json("/api/services?q=st%C3%B6d&sort=title").path("items").forEach(i -> titles.add(i.path("title").path("sv").asText()));
        List<String> sorted = new ArrayList<>(titles);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, titles, byTitle.toString());
    }

    @Test
    void aQueryCanSpanASetOfRegions() {
        List<String> ostergotland = ids("county=05");
        List<String> stockholm = ids("county=01");
        List<String> both = ids("county=05,01");
        assertEquals(ostergotland.size() + stockholm.size(), both.size(), both.toString());
        assertTrue(both.containsAll(ostergotland) && both.containsAll(stockholm));
        assertEquals(400, http.get("/api/services?county=05,1", "application/json").statusCode());
    }
}
