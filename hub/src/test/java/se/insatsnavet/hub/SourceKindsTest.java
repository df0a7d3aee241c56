package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunStatus;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One federation publishing through an HTTP JSON API, an RSS feed, a WordPress site (all served by a real
 * local server) and an Excel file: every kind lands in the same vocabulary; a changed file is imported
 * without waiting for the schedule; a run that would delete most of a source is a fault.
 */
class SourceKindsTest {

    @TempDir
    Path data;
    @TempDir
    Path federations;
    Vertx vertx;
    HttpServer server;
    Hub hub;
    TestHttp http;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/api/insatser").handler(ctx -> {
            int page = Integer.parseInt(ctx.request().getParam("page"));
            JsonArray items = new JsonArray();
            for (int i = (page - 1) * 2; i < Math.min(page * 2, 3); i++) {
                items.add(new JsonObject().put("id", "api-" + i).put("namn", "Arbetsträning " + i)
                        .put("text", "Träna på en arbetsplats i Gävle.").put("malgrupp", "Sjukskrivna"));
            }
            ctx.json(new JsonObject().put("data", items));
        });
        router.get("/feed.xml").handler(ctx -> ctx.response().putHeader("Content-Type", "application/rss+xml").end("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Insatser</title>
                  <item><title>Språkcafé</title><guid>rss-1</guid><link>https://gavle.example/sprakcafe</link>
                    <description>&lt;p&gt;Öva svenska tillsammans.&lt;/p&gt;</description><category>Nyanlända</category></item>
                </channel></rss>
                """));
        router.get("/wp-json/wp/v2/insatser").handler(ctx -> ctx.response().putHeader("X-WP-TotalPages", "1")
                .putHeader("Content-Type", "application/json").end(new JsonArray().add(new JsonObject()
                        .put("id", 77).put("link", "https://gavle.example/insatser/jobbspar")
                        .put("modified", "2026-10-12T08:00:00")
                        .put("title", new JsonObject().put("rendered", "Jobbspår &#8211; Gävle"))
                        .put("excerpt", new JsonObject().put("rendered", "<p>Vägen till ett arbete.</p>"))
                        .put("acf", new JsonObject().put("alder_fran", 18).put("alder_till", 29))
                        .put("_embedded", new JsonObject().put("wp:term", new JsonArray().add(new JsonArray()
                                .add(new JsonObject().put("name", "Unga vuxna").put("taxonomy", "malgrupp"))))))
                        .encode()));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        String base = "http://127.0.0.1:" + server.actualPort();

        Path dir = Files.createDirectories(federations.resolve("gavle"));
        writeWorkbook(dir.resolve("insatser.xlsx"), 12);
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "gavle", "name": {"sv": "Samordningsförbundet Gävle"}, "municipalities": ["2180"],
                 "sources": [
                  {"id": "api", "kind": "http", "location": "%s/api/insatser",
                   "options": {"recordPath": "data", "paging": "page", "pageSize": "2"},
                   "mapping": {"fields": {"localId": "id", "title": "namn", "description": "text",
                                          "targetGroups": "malgrupp"},
                               "defaults": {"municipalities": "$federation.municipalities"}}},
                  {"id": "nyheter", "kind": "rss", "location": "%s/feed.xml",
                   "mapping": {"fields": {"targetGroups": "categories"}}},
                  {"id": "webb", "kind": "wordpress", "location": "%s/", "options": {"type": "insatser"},
                   "mapping": {"fields": {"ageRange.min": "acf.alder_fran", "ageRange.max": "acf.alder_till",
                                          "targetGroups": "terms.malgrupp"}}},
                  {"id": "excel", "kind": "file", "location": "insatser.xlsx", "maxDeletePercent": 50,
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Beskrivning"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}
                 ]}
                """.formatted(base, base, base), StandardCharsets.UTF_8);
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(0, 10).withFileWatch(200))
                .toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
    }

    @AfterEach
    void stop() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void writeWorkbook(Path file, int rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Insatser");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Id");
            header.createCell(1).setCellValue("Namn");
            header.createCell(2).setCellValue("Beskrivning");
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("x" + i);
                row.createCell(1).setCellValue("Insats " + i + " i Gävle");
                row.createCell(2).setCellValue("Beskrivning av insats " + i + ".");
            }
            workbook.write(out);
        }
    }

    private Map<String, RunReport> syncAll() {
        return hub.syncNow("gavle", "test").stream().collect(Collectors.toMap(RunReport::sourceId, r -> r));
    }

    @Test
    void everySourceKindIsPublishedInTheSameVocabulary() throws Exception {
        Map<String, RunReport> runs = syncAll();
        runs.values().forEach(run -> assertEquals(RunStatus.SUCCEEDED, run.status(), run.toString()));
        assertEquals(3, runs.get("api").counts().added());
        assertEquals(1, runs.get("nyheter").counts().added());
        assertEquals(1, runs.get("webb").counts().added());
        assertEquals(12, runs.get("excel").counts().valid()); // the file watch may have imported it first
        assertEquals(17, http.json("/api/services?federation=gavle&limit=50").path("total").asInt());

        JsonNode api = http.json("/id/service/gavle.api-2?format=json");
        assertEquals("Arbetsträning 2", api.path("title").path("sv").asText());
        assertEquals("sick-leave", api.path("targetGroups").get(0).asText(), api.toString());
        JsonNode rss = http.json("/id/service/gavle.rss-1?format=json");
        assertEquals("Öva svenska tillsammans.", rss.path("description").path("sv").asText());
        assertEquals("https://gavle.example/sprakcafe", rss.path("homepage").asText());
        assertEquals("newly-arrived", rss.path("targetGroups").get(0).asText(), rss.toString());
        JsonNode wp = http.json("/id/service/gavle.77?format=json");
        assertEquals("Jobbspår – Gävle", wp.path("title").path("sv").asText());
        assertEquals(18, wp.path("ageRange").path("min").asInt(), wp.toString());
        assertEquals(List.of("2180"), List.of(wp.path("municipalities").get(0).asText()));
        assertEquals("Insats 5 i Gävle", http.json("/id/service/gavle.x5?format=json").path("title").path("sv").asText());
    }

    @Test
    void aChangedFileIsImportedWithoutWaitingForTheSchedule() throws Exception {
        syncAll();
        Path file = federations.resolve("gavle").resolve("insatser.xlsx");
        writeWorkbook(file, 13);
        await().atMost(Duration.ofMinutes(5)).until(() ->
                http.get("/id/service/gavle.x13?format=json").statusCode() == 200
                        && !http.json("/api/federations/gavle/runs").path("items").get(0).path("status").asText().equals("running"));
        JsonNode runs = http.json("/api/federations/gavle/runs");
        assertEquals("file-changed", runs.path("items").get(0).path("trigger").asText(), runs.toString());
        assertEquals(1, runs.path("items").get(0).path("counts").path("added").asInt(), runs.toString());
    }

    @Test
    void aRunThatWouldDeleteMostOfASourceIsAFault() throws Exception {
        syncAll();
        hub.stop().get(5, TimeUnit.MINUTES);
        writeWorkbook(federations.resolve("gavle").resolve("insatser.xlsx"), 5);
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        RunReport excel = syncAll().get("excel");
        assertEquals(RunStatus.FAILED, excel.status());
        assertTrue(excel.failure().contains("delete 7 of the 12"), excel.failure());
        assertTrue(excel.failure().contains("maxDeletePercent (50%)"), excel.failure());
        assertEquals(200, http.get("/id/service/gavle.x12?format=json").statusCode());
    }
}
