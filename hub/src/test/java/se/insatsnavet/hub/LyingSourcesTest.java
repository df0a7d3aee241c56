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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.imports.RunMessage;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunStatus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sources that lie: files cut off in the middle of a write (CSV inside a quoted field and mid-line, JSON, XLSX), a
 * source that loses a third of its records, and an HSDS API (a real server on port 0) whose detail ids, counts and
 * list items contradict it. A cut file fails its run and deletes nothing; the deletion guard stops a file source at
 * its default 25 % (0 turns it off); what the API says that does not add up is in the run report, naming the record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LyingSourcesTest {

    private static final int RECORDS = 12;
    private static final int SOURCES = 5;

    @TempDir
    static Path data;
    @TempDir
    static Path federations;
    Path dir;
    Vertx vertx;
    HttpServer server;
    Hub hub;
    TestHttp http;
    /** What the HSDS API answers: its services by id, and how it lies about them. */
    volatile Map<String, JsonObject> apiServices;
    volatile Function<String, String> detailId = id -> id;
    volatile Integer totalItems;

    @BeforeAll
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/hsds/services").handler(ctx -> {
            int page = Integer.parseInt(ctx.request().getParam("page"));
            int perPage = Integer.parseInt(ctx.request().getParam("per_page"));
            List<JsonObject> all = List.copyOf(apiServices.values());
            JsonArray contents = new JsonArray();
            all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(contents::add);
            int pages = (all.size() + perPage - 1) / perPage;
            ctx.json(new JsonObject().put("total_items", totalItems == null ? all.size() : totalItems)
                    .put("total_pages", pages).put("page_number", page).put("size", contents.size())
                    .put("first_page", page == 1).put("last_page", page >= pages).put("empty", contents.isEmpty())
                    .put("contents", contents));
        });
        router.get("/hsds/services/:id").handler(ctx -> {
            JsonObject service = apiServices.get(ctx.pathParam("id"));
            ctx.json(service.copy().put("id", detailId.apply(service.getString("id"))).put("name", "Tjänst " + service.getString("id")));
        });
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
        dir = Files.createDirectories(federations.resolve("lugn"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "lugn", "name": {"sv": "Samordningsförbundet Lugn"}, "municipalities": ["0580"],
                 "sources": [
                  {"id": "csv", "kind": "file", "location": "insatser.csv", "mapping": %1$s},
                  {"id": "json", "kind": "file", "location": "insatser.json", "options": {"recordPath": "data"},
                   "mapping": %1$s},
                  {"id": "excel", "kind": "file", "location": "insatser.xlsx", "mapping": %1$s},
                  {"id": "ndjson", "kind": "file", "location": "insatser.ndjson", "maxDeletePercent": 0, "mapping": %1$s},
                  {"id": "hsds", "kind": "hsds", "location": "http://127.0.0.1:%2$d/hsds",
                   "options": {"perPage": "5"}, "mapping": {"defaults": {"municipalities": "$federation.municipalities"}}}
                 ]}
                """.formatted("""
                {"fields": {"localId": "Id", "title": "Namn", "description": "Beskrivning"},
                 "defaults": {"municipalities": "$federation.municipalities"}}""", server.actualPort()),
                StandardCharsets.UTF_8);
        writeAll();
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(0, 10).withFileWatch(0))
                .toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
    }

    @AfterAll
    void stop() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    }

    /** Every test starts from the whole catalogue published: 12 services from each of the 5 sources. */
    @BeforeEach
    void wholeCatalogue() throws Exception {
        writeAll();
        Map<String, RunReport> runs = sync();
        runs.values().forEach(r -> assertEquals(RunStatus.SUCCEEDED, r.status(), r.toString()));
        assertEquals(SOURCES * RECORDS, published());
    }

    private void writeAll() throws Exception {
        Files.writeString(dir.resolve("insatser.csv"), csv(RECORDS), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("insatser.json"), json(RECORDS), StandardCharsets.UTF_8);
        Files.write(dir.resolve("insatser.xlsx"), workbook(RECORDS));
        Files.writeString(dir.resolve("insatser.ndjson"), ndjson(RECORDS), StandardCharsets.UTF_8);
        Map<String, JsonObject> services = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= RECORDS; i++) {
            services.put("h" + i, new JsonObject().put("id", "h" + i).put("name", "Tjänst h" + i)
                    .put("description", "Stöd på väg mot arbete, nummer " + i + ".").put("status", "active"));
        }
        apiServices = services;
        detailId = id -> id;
        totalItems = null;
    }

    /** A CSV whose descriptions are quoted and span two lines, as exports from spreadsheets have them. */
    private static String csv(int rows) {
        StringBuilder b = new StringBuilder("Id;Namn;Beskrivning\n");
        for (int i = 1; i <= rows; i++) {
            b.append('c').append(i).append(";Insats ").append(i).append(";\"Stöd på väg mot arbete; \"\"steg\"\" ")
                    .append(i).append(".\nAndra raden.\"\n");
        }
        return b.toString();
    }

    private static String json(int rows) {
        JsonArray records = new JsonArray();
        for (int i = 1; i <= rows; i++) {
            records.add(new JsonObject().put("Id", "j" + i).put("Namn", "Insats " + i).put("Beskrivning", "Stöd nummer " + i + "."));
        }
        return new JsonObject().put("data", records).encodePrettily();
    }

    private static String ndjson(int rows) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            b.append(new JsonObject().put("Id", "n" + i).put("Namn", "Insats " + i).put("Beskrivning", "Stöd nummer " + i + ".")
                    .encode()).append('\n');
        }
        return b.toString();
    }

    private static byte[] workbook(int rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Insatser");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Id");
            header.createCell(1).setCellValue("Namn");
            header.createCell(2).setCellValue("Beskrivning");
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("x" + i);
                row.createCell(1).setCellValue("Insats " + i);
                row.createCell(2).setCellValue("Stöd nummer " + i + ".");
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private Map<String, RunReport> sync() {
        return hub.syncNow("lugn", "test").stream().collect(Collectors.toMap(RunReport::sourceId, r -> r));
    }

    private int published() throws Exception {
        return http.json("/api/services?federation=lugn&limit=1").path("total").asInt();
    }

    private String title(String serviceId) throws Exception {
        return http.json("/id/service/" + serviceId + "?format=json").path("title").path("sv").asText();
    }

    /** The run of a cut file: failed, saying why, with nothing deleted and every service as it was. */
    private void failedAndNothingChanged(RunReport run, String why, String lastServiceId) throws Exception {
        assertEquals(RunStatus.FAILED, run.status(), run.toString());
        assertTrue(run.failure().contains(why), run.failure());
        assertEquals(0, run.counts().deleted(), run.toString());
        assertEquals(SOURCES * RECORDS, published());
        assertEquals("Insats 12", title(lastServiceId));
    }

    @Test
    void aCsvCutInsideAQuotedFieldFailsItsRunAndDeletesNothing() throws Exception {
        String whole = csv(RECORDS);
        // cut in the middle of record 7's quoted, two-line description: records 8 to 12 are not in the file
        String cut = whole.substring(0, whole.indexOf("c7;") + "c7;Insats 7;\"Stöd på väg".length());
        Files.writeString(dir.resolve("insatser.csv"), cut, StandardCharsets.UTF_8);

        RunReport run = sync().get("csv");

        failedAndNothingChanged(run, "ends inside a quoted field opened on line 14", "lugn.c12");
        assertTrue(run.messages().stream().anyMatch(m -> m.message().contains("looks cut off")), run.messages().toString());
    }

    @Test
    void aCsvCutMidLineFailsItsRunAndDeletesNothing() throws Exception {
        String whole = csv(RECORDS).replace("\nAndra raden.\"", " Andra raden.\""); // one line per record
        String cut = whole.substring(0, whole.indexOf("c9;") + "c9;Insa".length());
        Files.writeString(dir.resolve("insatser.csv"), cut, StandardCharsets.UTF_8);

        RunReport run = sync().get("csv");

        failedAndNothingChanged(run, "the last line (10) stops after 2 of the header's 3 columns", "lugn.c12");
    }

    @Test
    void aTruncatedJsonDocumentFailsItsRunAndDeletesNothing() throws Exception {
        String whole = json(RECORDS);
        Files.writeString(dir.resolve("insatser.json"), whole.substring(0, whole.indexOf("\"j5\"")), StandardCharsets.UTF_8);

        RunReport run = sync().get("json");

        failedAndNothingChanged(run, "not valid JSON", "lugn.j12");
    }

    @Test
    void aJsonDocumentWrittenTwiceOverFailsItsRun() throws Exception {
        Files.writeString(dir.resolve("insatser.json"), json(3) + json(RECORDS), StandardCharsets.UTF_8);

        RunReport run = sync().get("json");

        failedAndNothingChanged(run, "not valid JSON", "lugn.j12");
    }

    @Test
    void aTruncatedNdjsonFileFailsItsRunAlthoughItsGuardIsOff() throws Exception {
        String whole = ndjson(RECORDS);
        Files.writeString(dir.resolve("insatser.ndjson"), whole.substring(0, whole.indexOf("\"n4\"") + 8), StandardCharsets.UTF_8);

        RunReport run = sync().get("ndjson");

        failedAndNothingChanged(run, "the last line (4) is not valid JSON and ends without a line break", "lugn.n12");
    }

    @Test
    void aTruncatedWorkbookFailsItsRunAndDeletesNothing() throws Exception {
        byte[] whole = workbook(RECORDS);
        Files.write(dir.resolve("insatser.xlsx"), Arrays.copyOf(whole, whole.length * 2 / 3));

        RunReport run = sync().get("excel");

        assertEquals(RunStatus.FAILED, run.status(), run.toString());
        assertTrue(run.failure().contains("insatser.xlsx"), run.failure());
        assertEquals(SOURCES * RECORDS, published());
        assertEquals("Insats 12", title("lugn.x12"));
    }

    @Test
    void aFileSourceLosingMoreThanAQuarterStopsAtTheDefaultGuard() throws Exception {
        Files.writeString(dir.resolve("insatser.csv"), csv(8), StandardCharsets.UTF_8);

        RunReport run = sync().get("csv");

        assertEquals(RunStatus.FAILED, run.status(), run.toString());
        assertTrue(run.failure().contains("would delete 4 of the 12 published records of this source, more than"
                + " maxDeletePercent (25%)"), run.failure());
        assertEquals(SOURCES * RECORDS, published());
        assertEquals(200, http.get("/id/service/lugn.c12?format=json").statusCode());
    }

    @Test
    void maxDeletePercentZeroTurnsTheGuardOff() throws Exception {
        Files.writeString(dir.resolve("insatser.ndjson"), ndjson(4), StandardCharsets.UTF_8);

        RunReport run = sync().get("ndjson");

        assertEquals(RunStatus.SUCCEEDED, run.status(), run.toString());
        assertEquals(8, run.counts().deleted(), run.toString());
        assertEquals(SOURCES * RECORDS - 8, published());
        assertEquals(410, http.get("/id/service/lugn.n12?format=json").statusCode());
    }

    @Test
    void anHsdsApiThatContradictsItselfIsReportedRecordByRecord() throws Exception {
        Map<String, JsonObject> lying = new java.util.LinkedHashMap<>(apiServices);
        lying.put("h5", lying.get("h5").copy().put("name", ""));
        apiServices = lying;
        detailId = id -> id.equals("h3") ? "h99" : id;
        totalItems = 40;

        RunReport run = sync().get("hsds");

        assertEquals(RunStatus.SUCCEEDED, run.status(), run.toString());
        assertEquals(0, run.counts().deleted(), run.toString());
        assertEquals(1, run.counts().rejected(), run.toString());
        RunMessage wrongId = run.messages().stream().filter(m -> "id".equals(m.field())).findFirst().orElseThrow();
        assertEquals(RunMessage.ERROR, wrongId.level());
        assertEquals("h3", wrongId.localId());
        assertTrue(wrongId.message().contains("listed the service 'h3'") && wrongId.message().contains("the service 'h99'"),
                wrongId.message());
        RunMessage noName = run.messages().stream().filter(m -> "name".equals(m.field())).findFirst().orElseThrow();
        assertEquals(RunMessage.WARNING, noName.level());
        assertEquals("h5", noName.localId());
        RunMessage count = run.messages().stream().filter(m -> "total_items".equals(m.field())).findFirst().orElseThrow();
        assertEquals(RunMessage.WARNING, count.level());
        assertTrue(count.message().contains("holds 40 services (total_items), but its pages listed 12"), count.message());
        assertTrue(run.messages().stream().anyMatch(m -> "h3".equals(m.localId())
                && m.message().contains("its last valid version stays published")), run.messages().toString());
        // the service whose detail lied is published as before
        assertEquals(SOURCES * RECORDS, published());
        assertEquals(200, http.get("/id/service/lugn.h3?format=json").statusCode());
        // and the run report says so over HTTP too
        assertTrue(http.json("/api/federations/lugn/runs/" + run.id()).toString().contains("total_items"));
    }

    @Test
    void aCutFileSeenByTheWatchFailsOneRunAndDeletesNothing(@TempDir Path watchData, @TempDir Path watchFederations)
            throws Exception {
        Path watched = Files.createDirectories(watchFederations.resolve("vakt"));
        Files.writeString(watched.resolve("federation.json"), """
                {"id": "vakt", "name": {"sv": "Samordningsförbundet Vakt"}, "municipalities": ["0580"],
                 "sources": [{"id": "csv", "kind": "file", "location": "insatser.csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Beskrivning"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        String whole = csv(RECORDS);
        Files.writeString(watched.resolve("insatser.csv"), whole, StandardCharsets.UTF_8);
        Hub watching = Hub.start(HubOptions.defaults(watchData).withPort(0).withHost("127.0.0.1")
                .withFederations(watchFederations).withImportOnStart(true).withFileWatch(100))
                .toCompletionStage().toCompletableFuture().get();
        try {
            TestHttp api = new TestHttp(watching.port());
            Callable<Integer> published = () -> api.json("/api/services?federation=vakt&limit=1").path("total").asInt();
            await().atMost(Duration.ofMinutes(3)).until(published, n -> n == RECORDS);

            Files.writeString(watched.resolve("insatser.csv"), whole.substring(0, whole.indexOf("c7;") + "c7;Insats 7;\"Stöd".length()),
                    StandardCharsets.UTF_8);

            Callable<List<JsonNode>> failedRuns = () -> {
                List<JsonNode> failed = new java.util.ArrayList<>();
                api.json("/api/federations/vakt/runs").path("items").forEach(r -> {
                    if (r.path("status").asText().equals("failed")) {
                        failed.add(r);
                    }
                });
                return failed;
            };
            await().atMost(Duration.ofMinutes(3)).until(failedRuns, runs -> !runs.isEmpty());
            // the watch keeps looking at the broken file, but its state failed one run, not one per look
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofMinutes(1)).until(failedRuns, runs -> runs.size() == 1);
            JsonNode run = failedRuns.call().get(0);
            assertEquals("file-changed", run.path("trigger").asText(), run.toString());
            assertTrue(run.path("failure").asText().contains("ends inside a quoted field opened on line 14"), run.toString());
            assertEquals(RECORDS, published.call());
        } finally {
            watching.stop().get(5, TimeUnit.MINUTES);
        }
    }
}
