package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Anonymous usage statistics: searches without hits, searches per filter, guided-finder paths and services
 * viewed are counted per day in memory, written in batches, and published as open data; rare search words
 * never are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageStatisticsTest {

    @TempDir
    static Path data;
    @TempDir
    static Path federations;
    Hub hub;
    TestHttp http;
    String today;

    @BeforeAll
    void startHub() throws Exception {
        Path dir = Files.createDirectories(federations.resolve("alfa"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "alfa", "name": {"sv": "Samordningsförbundet Alfa"}, "municipalities": ["0580"],
                 "sources": [{"id": "main", "kind": "file", "location": "services.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Beskrivning"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("services.csv"), "Id;Namn;Beskrivning\na1;Jobbcoach;Stöd till arbete.\n"
                + "a2;Studiecirkel;Stöd till studier.\n", StandardCharsets.UTF_8);
        System.setProperty("insatsnavet.usage.flushMillis", "200");
        try {
            hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                    .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        } finally {
            System.clearProperty("insatsnavet.usage.flushMillis");
        }
        http = new TestHttp(hub.port());
        hub.syncNow("alfa", "test");
        today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();

        for (int i = 0; i < 5; i++) {
            // the same words in another order and case, with a number that is never counted
            assertEquals(0, http.json("/api/services?q=" + (i % 2 == 0 ? "Zzyxord+Qwertyx+198501011234" : "qwertyx+zzyxord"))
                    .path("total").asInt());
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(200, http.get("/?q=ensamord", "text/html").statusCode()); // below the minimum: not published
        }
        http.json("/api/services?targetGroup=young-adults&municipality=0580");
        http.json("/api/services?targetGroup=young-adults&page=2"); // paging is not a new search
        assertEquals(200, http.get("/?malgrupp=young-adults&kommun=0580", "text/html").statusCode());
        assertEquals(200, http.get("/hittaguiden?alder=24&kommun=0580&situation=aktivitetsersattning&hjalp=arbete",
                "text/html").statusCode());
        assertEquals(200, http.get("/hittaguiden?situation=ung", "text/html").statusCode());
        assertEquals(200, http.get("/id/service/alfa.a1", "text/html").statusCode());
        assertEquals(200, http.get("/id/service/alfa.a1", "text/html").statusCode());
        assertEquals(200, http.get("/id/service/alfa.a1", "text/turtle").statusCode()); // machines are not visitors
        assertEquals(404, http.get("/id/service/alfa.nope", "text/html").statusCode());
    }

    @AfterAll
    void stopHub() throws Exception {
        hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
    }

    private JsonNode day() {
        JsonNode body = http.json("/api/usage");
        for (JsonNode d : body.path("days")) {
            if (d.path("day").asText().equals(today)) {
                return d;
            }
        }
        return null;
    }

    @Test
    void countsOfTheDayArePublishedPerKindAfterTheBatchedWrite() {
        await().atMost(Duration.ofMinutes(5)).until(() -> day() != null
                && day().path("servicesViewed").path("alfa.a1").asInt() == 2
                && day().path("finderPaths").size() == 2);
        JsonNode d = day();
        assertEquals(5, d.path("searchesWithoutHits").path("qwertyx zzyxord").asInt(), d.toPrettyString());
        assertEquals(2, d.path("searchesByTargetGroup").path("young-adults").asInt(), d.toPrettyString());
        assertEquals(2, d.path("searchesByMunicipality").path("0580").asInt(), d.toPrettyString());
        assertEquals(1, d.path("finderPaths").path("aktivitetsersattning/arbete/20-24").asInt(), d.toPrettyString());
        assertEquals(1, d.path("finderPaths").path("ung/-/-").asInt(), d.toPrettyString());
        assertEquals(1, d.path("servicesViewed").size(), "unknown services are not counted: " + d);
    }

    @Test
    void rareSearchWordsAndNumbersAreNeverPublished() {
        await().atMost(Duration.ofMinutes(5)).until(() -> day() != null && day().path("searchesWithoutHits").size() > 0);
        String all = http.get("/api/usage?format=csv", "text/csv").body();
        assertFalse(all.contains("ensamord"), "counted twice, fewer than the minimum: " + all);
        assertFalse(all.contains("1985"), all);
        assertEquals(5, http.json("/api/usage").path("minimumCountOfWords").asInt());
    }

    @Test
    void theStatisticsAreServedAsCsvPerDayKindAndItem() {
        await().atMost(Duration.ofMinutes(5)).until(() -> http.get("/api/usage?format=csv", "text/csv").body()
                .contains(today + ",service-view,\"alfa.a1\",2"));
        HttpResponse<String> csv = http.get("/api/usage?from=" + today + "&to=" + today, "text/csv");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertEquals("day,kind,item,count", lines.get(0));
        assertTrue(lines.contains(today + ",no-hits,\"qwertyx zzyxord\",5"), csv.body());
        assertEquals(0, http.json("/api/usage?from=2020-01-01&to=2020-01-31").path("days").size());
        assertEquals(400, http.get("/api/usage?from=2024-02-01&to=2024-01-01").statusCode());
        assertEquals(400, http.get("/api/usage?from=2020-01-01&to=2024-01-01").statusCode());
        assertEquals(400, http.get("/api/usage?from=yesterday").statusCode());
    }

    @Test
    void noCookieIsSetOnThePublicPages() {
        // (pages whose visits count nothing, so the other tests' counts stay exact)
        for (String path : List.of("/", "/?q=arbete", "/hittaguiden")) {
            HttpResponse<String> r = http.get(path, "text/html");
            assertTrue(r.headers().firstValue("Set-Cookie").isEmpty(), path);
        }
    }
}
