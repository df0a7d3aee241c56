package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.insatsnavet.hub.imports.RunCounts;
import se.insatsnavet.hub.imports.RunStatus;
import se.insatsnavet.hub.imports.RunReport;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.security.AuditLog;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authenticated writes: push of whole catalogues and single records, sync on demand, audit log, token CLI. */
class PushAndSyncTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String SERVICE = """
            {"localId": "%s", "title": {"sv": "%s"}, "description": {"sv": "Stöd till arbete."},
             "municipalities": ["0580"], "targetGroups": ["young-adults"]}""";

    @TempDir
    Path data;
    @TempDir
    Path federations;
    Hub hub;
    TestHttp http;
    String alfaToken;
    String betaToken;
    String adminToken;

    @BeforeEach
    void startHub() throws Exception {
        for (String id : List.of("alfa", "beta")) {
            Path dir = Files.createDirectories(federations.resolve(id));
            Files.writeString(dir.resolve("federation.json"), """
                    {"id": "%s", "name": {"sv": "Samordningsförbundet %s"}, "municipalities": ["0580"],
                     "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                       "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"},
                                   "defaults": {"municipalities": "$federation.municipalities"}}}]}
                    """.formatted(id, id), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("lista.csv"), "Id;Namn;Text\nf1;Fil-insats;Från filen.\n", StandardCharsets.UTF_8);
        }
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(1, 10).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        alfaToken = hub.tokens().create("alfa", "test alfa").secret();
        betaToken = hub.tokens().create("beta", "test beta").secret();
        adminToken = hub.tokens().create(null, "test admin").secret();
    }

    @AfterEach
    void stopHub() throws Exception {
        hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String catalogue(String... ids) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < ids.length; i++) {
            b.append(i == 0 ? "" : ",").append(SERVICE.formatted(ids[i], "Insats " + ids[i]));
        }
        return b.append(']').toString();
    }

    @Test
    void pushNeedsATokenForThatFederation() throws Exception {
        assertEquals(401, send("PUT", "/api/federations/alfa/services", null, "application/json", catalogue("p1")).statusCode());
        assertEquals(401, send("PUT", "/api/federations/alfa/services", "insv_forged", "application/json", catalogue("p1")).statusCode());
        assertEquals(403, send("PUT", "/api/federations/alfa/services", betaToken, "application/json", catalogue("p1")).statusCode());
        assertEquals(0, http.json("/api/services?federation=alfa").path("total").asInt());
        HttpResponse<String> ok = send("PUT", "/api/federations/alfa/services", alfaToken, "application/json", catalogue("p1", "p2"));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(2, http.json("/api/services?federation=alfa").path("total").asInt());
        List<AuditLog.Entry> audit = hub.audit().recent(10);
        assertTrue(audit.stream().anyMatch(e -> e.status() == 401 && e.actor().equals("anonymous")), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.status() == 403 && e.actor().contains("beta")), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.status() == 200 && e.actor().contains("alfa") && e.method().equals("PUT")),
                audit.toString());
    }

    @Test
    void aWholePushReplacesThePushedCatalogueAndLeavesFileRecordsAlone() throws Exception {
        hub.syncNow("alfa", "test");
        send("PUT", "/api/federations/alfa/services", alfaToken, "application/json", catalogue("p1", "p2"));
        JsonNode run = TestHttp.JSON.readTree(send("PUT", "/api/federations/alfa/services", alfaToken, "application/json",
                catalogue("p2", "p3")).body());
        assertEquals(1, run.path("counts").path("added").asInt());
        assertEquals(1, run.path("counts").path("deleted").asInt());
        assertEquals(1, run.path("counts").path("unchanged").asInt());
        assertEquals(410, http.get("/id/service/alfa.p1", "text/turtle").statusCode());
        assertEquals(200, http.get("/id/service/alfa.f1", "text/turtle").statusCode());
        assertEquals(3, http.json("/api/services?federation=alfa").path("total").asInt());
    }

    @Test
    void ndjsonPushRejectsBadLinesNamingThemAndKeepsTheRest() throws Exception {
        String body = SERVICE.formatted("n1", "Först").replace("\n", " ") + "\n{not json\n"
                + SERVICE.formatted("n2", "").replace("\n", " ") + "\n" + SERVICE.formatted("n3", "Sist").replace("\n", " ") + "\n";
        HttpResponse<String> r = send("PUT", "/api/federations/alfa/services", alfaToken, "application/x-ndjson", body);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode run = TestHttp.JSON.readTree(r.body());
        assertEquals(2, run.path("counts").path("added").asInt(), r.body());
        assertEquals(2, run.path("counts").path("rejected").asInt(), r.body());
        assertTrue(r.body().contains("line 2"), r.body());
        assertTrue(run.path("errors").toString().contains("\"record\":\"n2\""), r.body());
    }

    @Test
    void singleRecordsArePutAndDeleted() throws Exception {
        HttpResponse<String> put = send("PUT", "/api/federations/alfa/services/s1", alfaToken, "application/json",
                SERVICE.formatted("s1", "En insats"));
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("En insats", http.json("/id/service/alfa.s1?format=json").path("title").path("sv").asText());
        assertEquals(400, send("PUT", "/api/federations/alfa/services/s1", alfaToken, "application/json",
                SERVICE.formatted("other", "Fel id")).statusCode());
        assertEquals(200, send("DELETE", "/api/federations/alfa/services/s1", alfaToken, null, null).statusCode());
        assertEquals(410, http.get("/id/service/alfa.s1", "text/turtle").statusCode());
        assertEquals(404, send("DELETE", "/api/federations/alfa/services/s1", alfaToken, null, null).statusCode());
    }

    @Test
    void eachRunsQualitySummaryCountsTheServicesAsThatRunLeftThem() throws Exception {
        long first = TestHttp.JSON.readTree(send("PUT", "/api/federations/alfa/services", alfaToken, "application/json",
                catalogue("p1", "p2")).body()).path("id").asLong();
        assertEquals(2, http.json("/api/federations/alfa/runs/" + first).path("quality").path("services").asInt());
        // single changes: the summary follows each (the cached results are updated service by service)
        long added = TestHttp.JSON.readTree(send("PUT", "/api/federations/alfa/services/p3", alfaToken, "application/json",
                SERVICE.formatted("p3", "Insats p3")).body()).path("id").asLong();
        JsonNode afterAdd = http.json("/api/federations/alfa/runs/" + added).path("quality");
        assertEquals(3, afterAdd.path("services").asInt(), afterAdd.toString());
        assertEquals(http.json("/api/quality/alfa").path("averageScore").asLong(), afterAdd.path("averageScore").asLong());
        long deleted = TestHttp.JSON.readTree(send("DELETE", "/api/federations/alfa/services/p1", alfaToken, null, null).body())
                .path("id").asLong();
        JsonNode afterDelete = http.json("/api/federations/alfa/runs/" + deleted).path("quality");
        assertEquals(2, afterDelete.path("services").asInt(), afterDelete.toString());
        assertTrue(afterDelete.path("fixFirst").toString().contains("alfa.p3"), afterDelete.toString());
        assertTrue(!afterDelete.path("fixFirst").toString().contains("alfa.p1"), afterDelete.toString());
    }

    @Test
    void deeplyNestedOrNonJsonBodiesAreRefused() throws Exception {
        String deep = "[" + "{\"a\":".repeat(40) + "1" + "}".repeat(40) + "]";
        assertEquals(400, send("PUT", "/api/federations/alfa/services", alfaToken, "application/json", deep).statusCode());
        assertEquals(400, send("PUT", "/api/federations/alfa/services", alfaToken, "application/json", "{\"x\":1}").statusCode());
    }

    @Test
    void aResyncOfAFileUnchangedSinceItsLastReadIsRecordedWithoutReadingItAgain() throws Exception {
        Path file = federations.resolve("alfa").resolve("lista.csv");
        Files.writeString(file, "Id;Namn;Text\nf1;Fil-insats;Från filen.\nf2;Andra insatsen;Också från filen.\n",
                StandardCharsets.UTF_8);
        RunReport first = hub.syncNow("alfa", "test").get(0);
        assertEquals(2, first.counts().added(), first.toString());

        // same size and modification time, other bytes: a re-sync that read the file would find a change; this
        // one knows the file is what it read and the last run imported, and records the run without reading
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        byte[] other = bytes.clone();
        other[other.length - 3] = (byte) 'X';
        Files.write(file, other);
        Files.setLastModifiedTime(file, time);
        RunReport unchanged = hub.syncNow("alfa", "test").get(0);
        assertEquals(RunStatus.SUCCEEDED, unchanged.status(), unchanged.toString());
        assertEquals(new RunCounts(2, 2, 0, 0, 0, 2, 0, 0), unchanged.counts());

        // a real change (another time) is read and imported
        Files.writeString(file, "Id;Namn;Text\nf1;Fil-insats, ny titel;Från filen.\nf2;Andra insatsen;Också från filen.\n",
                StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(time.toMillis() + 5_000));
        RunReport changed = hub.syncNow("alfa", "test").get(0);
        assertEquals(1, changed.counts().updated(), changed.toString());
        assertEquals(1, changed.counts().unchanged(), changed.toString());
        assertEquals(1, http.json("/api/services?q=" + java.net.URLEncoder.encode("ny titel", StandardCharsets.UTF_8)
                + "&federation=alfa").path("total").asInt());
    }

    @Test
    void syncOnDemandRunsEverySourceOfTheFederation() throws Exception {
        assertEquals(401, send("POST", "/api/federations/alfa/sync", null, null, null).statusCode());
        HttpResponse<String> r = send("POST", "/api/federations/alfa/sync", adminToken, null, null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = TestHttp.JSON.readTree(r.body());
        assertEquals("succeeded", body.path("runs").get(0).path("status").asText());
        assertEquals(1, http.json("/api/services?federation=alfa").path("total").asInt());
        assertEquals(404, send("POST", "/api/federations/nowhere/sync", adminToken, null, null).statusCode());
    }

    @Test
    void theTokenCommandCreatesListsAndRevokesTokensStoredOnlyAsHashes() throws Exception {
        Path other = Files.createTempDirectory(data, "cli");
        se.insatsnavet.hub.db.Database.open(HubOptions.defaults(other).effectiveJdbcUrl(), null, null).close(); // a hub's data folder
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, TokenCommand.run(new String[] {"create", "--federation", "alfa", "--label", "Alfa IT", "--data",
                other.toString()}, ps, ps));
        String secret = out.toString(StandardCharsets.UTF_8).replaceAll("(?s).*: (insv_\\S+).*", "$1");
        assertTrue(secret.startsWith("insv_"), out.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(0, TokenCommand.run(new String[] {"list", "--data", other.toString()}, ps, ps));
        String listing = out.toString(StandardCharsets.UTF_8);
        assertTrue(listing.contains("Alfa IT"), listing);
        assertFalse(listing.contains(secret), "the secret is never listed");
        assertEquals(0, TokenCommand.run(new String[] {"revoke", "1", "--data", other.toString()}, ps, ps));
        assertEquals(1, TokenCommand.run(new String[] {"revoke", "1", "--data", other.toString()}, ps, ps));
        assertEquals(2, TokenCommand.run(new String[] {"create", "--label", "nobody", "--data", other.toString()}, ps, ps));
    }
}
