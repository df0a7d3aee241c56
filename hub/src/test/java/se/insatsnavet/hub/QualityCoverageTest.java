package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.quality.QualityCheck;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quality scores with their reasons, and coverage per municipality with gaps, over the bundled examples. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityCoverageTest {

    @TempDir
    static Path data;
    Hub hub;
    TestHttp http;

    @BeforeAll
    void start() throws Exception {
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        await().atMost(Duration.ofSeconds(60)).until(http::allFederationsImported);
    }

    @AfterAll
    void stop() throws Exception {
        hub.stop().get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void aServiceScoresLowerForEachThingItLacksAndSaysWhy() {
        QualityCheck check = new QualityCheck(Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC));
        JsonNode full = TestHttp.JSON.createObjectNode().put("id", "a.1").put("lastReviewed", "2026-06-01")
                .put("homepage", "https://example.se/insats")
                .set("title", TestHttp.JSON.createObjectNode().put("sv", "Insats"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) full).set("description", TestHttp.JSON.createObjectNode().put("sv", "Kort och tydligt."));
        ((com.fasterxml.jackson.databind.node.ObjectNode) full).set("contact", TestHttp.JSON.createObjectNode().put("email", "inte-en-adress"));
        JsonNode result = check.check(full);
        assertTrue(result.path("reasons").toString().contains("contact.email is not a well-formed address"), result.toString());
        assertTrue(result.path("reasons").toString().contains("missing targetGroups"), result.toString());
        assertFalse(result.path("stale").asBoolean());
        JsonNode old = check.check(((com.fasterxml.jackson.databind.node.ObjectNode) full.deepCopy()).put("lastReviewed", "2024-01-01"));
        assertTrue(old.path("stale").asBoolean());
        assertTrue(old.path("score").asInt() < result.path("score").asInt());
    }

    @Test
    void eachFederationHasASummaryAndItsServicesWorstFirst() {
        JsonNode summary = http.json("/api/quality");
        assertEquals(4, summary.path("federations").size(), summary.toString());
        JsonNode vasteras = http.json("/api/quality/vasteras");
        JsonNode services = vasteras.path("services");
        assertEquals(http.json("/api/services?federation=vasteras").path("total").asInt(), services.size());
        for (int i = 1; i < services.size(); i++) {
            assertTrue(services.get(i - 1).path("score").asInt() <= services.get(i).path("score").asInt());
        }
        assertEquals(404, http.get("/api/quality/nowhere", "application/json").statusCode());
    }

    @Test
    void coverageCountsActiveServicesPerMunicipalityAndTargetGroupAndNamesTheGaps() {
        JsonNode coverage = http.json("/api/coverage");
        assertEquals(290, coverage.path("municipalities").size());
        JsonNode linkoping = null;
        for (JsonNode m : coverage.path("municipalities")) {
            if (m.path("code").asText().equals("0580")) {
                linkoping = m;
            }
        }
        long viaApi = http.json("/api/services?municipality=0580&targetGroup=activity-compensation&status=active").path("total").asLong();
        assertTrue(linkoping.path("targetGroups").path("activity-compensation").asLong() >= viaApi, linkoping.toString());
        assertTrue(linkoping.path("services").asLong() > 0);
        for (JsonNode gap : linkoping.path("gaps")) {
            assertEquals(0, linkoping.path("targetGroups").path(gap.asText()).asLong());
        }
        JsonNode kiruna = null;
        for (JsonNode m : coverage.path("municipalities")) {
            if (m.path("code").asText().equals("2584")) {
                kiruna = m;
            }
        }
        assertEquals(kiruna.path("targetGroups").size(), kiruna.path("gaps").size(), "no example services in Kiruna: all gaps");
        String csv = http.get("/api/coverage?format=csv", "text/csv").body();
        assertTrue(csv.startsWith("municipality,municipality_name,county,target_group,services"));
        assertTrue(csv.contains("0580,\"Linköping\",05,activity-compensation,"), csv.substring(0, 400));
        assertTrue(http.get("/catalog", "text/turtle").body().contains("api/coverage"), "listed in DCAT");
    }

    @Test
    void aFederationsEditorsSeeInSwedishWhatToFixFirst() {
        var r = http.get("/kvalitet/vasteras", "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<html lang=\"sv\">") && html.contains("Rätta först"), html);
        JsonNode api = http.json("/api/quality/vasteras");
        JsonNode worst = api.path("services").get(0);
        assertTrue(html.indexOf(se.insatsnavet.hub.linkeddata.Html.escape(worst.path("title").asText())) > html.indexOf("Rätta först"));
        assertFalse(html.contains("missing "), "reasons are in Swedish");
        assertEquals(404, http.get("/kvalitet/nowhere", "text/html").statusCode());
    }

    @Test
    void eachRunReportCarriesTheFederationsQualitySummaryAfterThatRun() {
        JsonNode runs = http.json("/api/federations/vasteras/runs");
        long runId = runs.path("items").get(0).path("id").asLong();
        JsonNode run = http.json("/api/federations/vasteras/runs/" + runId);
        JsonNode quality = run.path("quality");
        JsonNode now = http.json("/api/quality/vasteras");
        assertEquals("vasteras", quality.path("federation").asText(), run.toString());
        assertEquals(now.path("averageScore").asLong(), quality.path("averageScore").asLong(), "nothing changed since the run");
        assertEquals(now.path("services").size(), quality.path("services").asInt(), "the count of services in the run report");
        assertTrue(quality.path("problems").size() > 0, quality.toString());
        long missingHomepage = now.path("services").findValues("reasons").stream()
                .filter(r -> r.toString().contains("\"missing homepage\"")).count();
        assertEquals(missingHomepage, quality.path("problems").path("missing homepage").asLong(), quality.toString());
        JsonNode first = quality.path("fixFirst").get(0);
        assertEquals(now.path("services").get(0).path("id").asText(), first.path("id").asText());
        assertEquals(now.path("services").get(0).path("reasons"), first.path("reasons"));
    }
}
