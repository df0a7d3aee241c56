package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.quality.QualityCheck;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quality scores with their reasons, and coverage per municipality with gaps (the API and the Swedish page
 * /tackning with its map, bars and table), over the bundled examples.
 */
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
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
    }

    @AfterAll
    void stop() throws Exception {
        hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
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
    void freshnessComesFromTheSourcesReviewDateNotFromTheImport() {
        QualityCheck check = new QualityCheck(Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC));
        com.fasterxml.jackson.databind.node.ObjectNode s = TestHttp.JSON.createObjectNode().put("id", "a.1")
                .put("modified", "2026-11-29T10:00:00Z");
        s.set("title", TestHttp.JSON.createObjectNode().put("sv", "Insats"));
        JsonNode reviewedLongAgo = check.check(s.deepCopy().put("lastReviewed", "2024-03-01"));
        assertTrue(reviewedLongAgo.path("stale").asBoolean(), "imported yesterday, reviewed 2024: stale");
        assertTrue(reviewedLongAgo.path("reasons").toString().contains("not reviewed for more than 12 months: 2024-03-01"),
                reviewedLongAgo.toString());
        assertFalse(check.check(s.deepCopy().put("lastReviewed", "2026-03-01")).path("stale").asBoolean());
        JsonNode noDate = check.check(s.deepCopy().put("modified", "2025-01-02T00:00:00Z"));
        assertTrue(noDate.path("reasons").toString().contains("no review date, and not changed for more than 12 months: 2025-01-02"),
                noDate.toString());
        assertFalse(check.check(s).path("stale").asBoolean(), "no review date, changed yesterday: fresh, by its change");
    }

    @Test
    void theEditorsPageCountsTheServicesAndTheStaleOnesFromTheData() {
        JsonNode report = http.json("/api/quality/centrala-ostergotland");
        int services = report.path("services").size();
        long stale = 0;
        for (JsonNode checked : report.path("services")) {
            JsonNode s = http.json("/id/service/" + checked.path("id").asText() + "?format=json");
            String reviewed = s.path("lastReviewed").asText("");
            if (!reviewed.isEmpty() && java.time.LocalDate.parse(reviewed.substring(0, 10))
                    .isBefore(java.time.LocalDate.now(ZoneOffset.UTC).minusDays(365))) {
                stale++;
            }
        }
        assertTrue(services >= 17, report.toString());
        assertTrue(stale > 0, "the bundled examples were reviewed more than a year ago");
        assertEquals(stale, report.path("stale").asLong());
        String page = http.get("/kvalitet/centrala-ostergotland", "text/html").body();
        assertTrue(page.contains("<li>Insatser: " + services + "</li>"), page);
        assertTrue(page.contains("inte ändrade på mer än 12 månader): " + stale + "</li>"), page);
    }

    @Test
    void theFederationsListTellsTheServicesLastRunFromTheIndicatorsLastRun() {
        int withIndicators = 0;
        for (JsonNode f : http.json("/api/federations").path("items")) {
            JsonNode services = f.path("lastRun");
            assertFalse(services.isMissingNode(), f.toString());
            if (f.has("indicators")) {
                withIndicators++;
                String indicatorsSource = f.path("indicators").path("id").asText();
                assertFalse(indicatorsSource.equals(services.path("source").asText()), "lastRun is the services' run: " + f);
                assertEquals(indicatorsSource, f.path("indicators").path("lastRun").path("source").asText(), f.toString());
            }
        }
        assertTrue(withIndicators > 0, "the bundled examples publish indicators");
    }

    @Test
    void eachFederationHasASummaryAndItsServicesWorstFirst() {
        JsonNode summary = http.json("/api/quality");
        assertEquals(4, summary.path("federations").size(), summary.toString());
        JsonNode vasteras = http.json("/api/quality/vasteras");
        JsonNode services = vasteras.path("services");
        assertEquals(http.json("/api/services?federation=vasteras&status=all").path("total").asInt(), services.size());
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
    void coverageHasNoPerInhabitantRateAndSaysWhy() {
        JsonNode coverage = http.json("/api/coverage");
        for (JsonNode m : coverage.path("municipalities")) {
            assertTrue(m.has("servicesPer10000Inhabitants") && m.path("servicesPer10000Inhabitants").isNull(), m.toString());
        }
        assertTrue(coverage.path("servicesPer10000Inhabitants").asText().contains("no population figures"), coverage.path("note").toString());
    }

    @Test
    void coverageForATargetGroupAndMethodCountsTheServicesHavingBoth() {
        JsonNode tg = http.json("/api/coverage?targetGroup=activity-compensation");
        JsonNode linkoping = municipality(tg, "0580");
        assertEquals(linkoping.path("targetGroups").path("activity-compensation").asLong(), linkoping.path("selected").asLong());
        JsonNode both = http.json("/api/coverage?targetGroup=activity-compensation&method=supported-employment");
        JsonNode lk = municipality(both, "0580");
        assertTrue(lk.path("selected").asLong() <= Math.min(lk.path("targetGroups").path("activity-compensation").asLong(),
                lk.path("methods").path("supported-employment").asLong()), lk.toString());
        assertEquals("supported-employment", both.path("selection").path("method").asText());
        String csv = http.get("/api/coverage?format=csv&targetGroup=activity-compensation", "text/csv").body();
        assertTrue(csv.startsWith("municipality,municipality_name,county,target_group,method,services\r\n"), csv.substring(0, 200));
        assertTrue(csv.contains("0580,\"Linköping\",05,activity-compensation,," + linkoping.path("selected").asLong() + "\r\n"));
        var bad = http.get("/api/coverage?targetGroup=nobody", "application/json");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("targetGroup") && bad.body().contains("nobody"), bad.body());
        assertEquals(400, http.get("/api/coverage?method=%3Cscript%3E", "application/json").statusCode());
    }

    @Test
    void theCoveragePageShadesEachMunicipalityByItsNumberOfServicesAndMarksTheGaps() {
        JsonNode api = http.json("/api/coverage?targetGroup=young-adults");
        var r = http.get("/tackning?malgrupp=young-adults", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        String html = r.body();
        assertTrue(html.contains("<html lang=\"sv\">") && !html.contains("<script"), "Swedish, no script");
        Map<String, String> shading = classes(html, "<path class=\"(antal-[0-4])\" data-kod=\"([0-9]{4})\"");
        Map<String, String> rows = classes(html, "<tr(?: class=\"(saknas)\")? data-kod=\"([0-9]{4})\">");
        assertEquals(290, shading.size(), "every municipality on the map");
        assertEquals(290, rows.size(), "every municipality in the table");
        int gaps = 0;
        for (JsonNode m : api.path("municipalities")) {
            long n = m.path("selected").asLong();
            String code = m.path("code").asText();
            String expected = n == 0 ? "antal-0" : n == 1 ? "antal-1" : n <= 4 ? "antal-2" : n <= 9 ? "antal-3" : "antal-4";
            assertEquals(expected, shading.get(code), code + " has " + n);
            assertEquals(n == 0 ? "saknas" : "", rows.get(code), code + " in the table");
            gaps += n == 0 ? 1 : 0;
        }
        assertTrue(gaps > 0 && gaps < 290, "the examples cover some municipalities, not all: " + gaps);
        assertTrue(html.contains(gaps + " av 290 kommuner saknar aktiv insats"), "the gaps in words");
        long linkoping = municipality(api, "0580").path("selected").asLong();
        assertTrue(linkoping > 0);
        assertTrue(html.contains("<title>Linköping: " + (linkoping == 1 ? "1 insats" : linkoping + " insatser") + "</title>"), "hover title");
        assertTrue(html.contains("<title>Kiruna: ingen insats</title>"));
        assertTrue(Pattern.compile("<tr class=\"saknas\" data-kod=\"2584\"><th scope=\"row\">Kiruna</th><td>Norrbottens län</td><td>0</td><td>Saknar insats</td>")
                .matcher(html).find(), "Kiruna's gap in the table, in words");
        assertTrue(html.contains("<pattern id=\"saknas\"") && html.contains("Ingen insats (randigt)"), "gaps hatched, and the legend says so");
        assertTrue(html.contains("role=\"img\" aria-label=\"Karta över kommunerna i Sverige"), "the map has an accessible name");
        assertTrue(html.contains("href=\"/api/coverage?targetGroup=young-adults&amp;format=csv\""), "links to the open data");
    }

    @Test
    void aCountySeesItsMunicipalitiesWithoutAServiceOnOneMap() {
        JsonNode api = http.json("/api/coverage?targetGroup=activity-compensation");
        String html = http.get("/tackning?malgrupp=activity-compensation&lan=05", "text/html").body();
        Map<String, String> shading = classes(html, "<path class=\"(antal-[0-4])\" data-kod=\"([0-9]{4})\"");
        Map<String, String> rows = classes(html, "<tr(?: class=\"(saknas)\")? data-kod=\"([0-9]{4})\">");
        assertEquals(13, shading.size(), "Östergötland's 13 municipalities shaded: " + shading.keySet());
        assertEquals(shading.keySet(), rows.keySet());
        assertTrue(shading.keySet().stream().allMatch(c -> c.startsWith("05")));
        assertTrue(html.contains("class=\"utanfor\""), "neighbours drawn pale");
        Matcher view = Pattern.compile("role=\"img\" aria-label=\"[^\"]*\" viewBox=\"(-?[0-9]+) (-?[0-9]+) ([0-9]+) ([0-9]+)\"").matcher(html);
        assertTrue(view.find());
        int full = se.insatsnavet.hub.web.SwedenMap.load().width();
        assertTrue(Integer.parseInt(view.group(3)) < full / 2, "zoomed to the county: " + view.group());
        long without = 0;
        for (JsonNode m : api.path("municipalities")) {
            if (m.path("county").asText().equals("05") && m.path("selected").asLong() == 0) {
                without++;
                assertEquals("antal-0", shading.get(m.path("code").asText()));
            }
        }
        JsonNode county = null;
        for (JsonNode c : api.path("counties")) {
            county = c.path("code").asText().equals("05") ? c : county;
        }
        assertEquals(without, county.path("municipalitiesWithoutSelected").asLong());
        assertTrue(html.contains(without + " av 13 kommuner saknar aktiv insats"), "in words");

        String counties = http.get("/tackning?malgrupp=activity-compensation&niva=lan", "text/html").body();
        Map<String, String> share = classes(counties, "<path class=\"(andel-[0-3])\" data-kod=\"([0-9]{2})\"");
        assertEquals(21, share.size());
        long covered = 13 - without;
        assertEquals(covered == 0 ? "andel-0" : covered == 13 ? "andel-3" : covered * 2 < 13 ? "andel-1" : "andel-2", share.get("05"));
        assertEquals("andel-0", share.get("25"), "no example service in Norrbotten");
    }

    @Test
    void theCoveragePageEscapesWhatItIsGivenAndIgnoresUnknownChoices() {
        String html = http.get("/tackning?malgrupp=%3Cscript%3Ealert(1)%3C/script%3E&metod=%22%3E%3Cb%3E&lan=%22%3E&niva=%3Ci%3E", "text/html").body();
        assertFalse(html.contains("<script") || html.contains("\"><b>") || html.contains("<i>"), "nothing injected");
        assertTrue(html.contains("<option value=\"\">Alla målgrupper</option>") && html.contains("Karta över kommunerna i Sverige"),
                "unknown choices fall back to all of Sweden");
        assertTrue(http.get("/", "text/html").body().contains("<a href=\"/tackning\">Täckning</a>"), "linked from the search page");
    }

    private static JsonNode municipality(JsonNode coverage, String code) {
        for (JsonNode m : coverage.path("municipalities")) {
            if (m.path("code").asText().equals(code)) {
                return m;
            }
        }
        throw new AssertionError("no municipality " + code);
    }

    /** Group 2 (a code) → group 1 (a class, "" when absent) of every match. */
    private static Map<String, String> classes(String html, String regex) {
        Map<String, String> out = new HashMap<>();
        Matcher m = Pattern.compile(regex).matcher(html);
        while (m.find()) {
            out.put(m.group(2), m.group(1) == null ? "" : m.group(1));
        }
        return out;
    }

    @Test
    void eachRunReportCarriesTheFederationsQualitySummaryAfterThatRun() {
        // the newest run of the services source (an indicators run, read after it, carries no service quality)
        String servicesSource = null;
        for (JsonNode f : http.json("/api/federations").path("items")) {
            if (f.path("id").asText().equals("vasteras")) {
                servicesSource = f.path("sources").get(0).path("id").asText();
            }
        }
        long runId = -1;
        for (JsonNode r : http.json("/api/federations/vasteras/runs").path("items")) {
            if (r.path("source").asText().equals(servicesSource)) {
                runId = r.path("id").asLong();
                break;
            }
        }
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
