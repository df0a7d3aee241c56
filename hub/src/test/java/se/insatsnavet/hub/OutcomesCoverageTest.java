package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outcome indicators summed per area on a real hub: {@code /api/coverage/outcomes} and the section
 * "Resultat för deltagarna" of {@code /tackning} give, per county and for the whole country, the sums of the
 * counts published in {@code /api/indicators} (never averages of shares), and withhold a sum any of whose
 * services withheld its figure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomesCoverageTest {

    private static final List<String> MEASURES = List.of("participants", "workOrStudiesAtExit", "workOrStudies6Months",
            "workOrStudies18Months");

    @TempDir
    static Path data;
    @TempDir
    static Path federations;
    Hub hub;
    TestHttp http;

    @BeforeAll
    void startHub() throws Exception {
        // alfa in Linköping (county 05), beta in Västerås (county 19)
        federation("alfa", "0580", "a1;Jobbcoach\na2;Studiecirkel\na3;Hälsa\n", """
                service;period;sex;participants;exits;workOrStudiesAtExit
                a1;2024;F;20;12;6
                a1;2024;M;15;10;5
                a2;2024;F;3;;
                a2;2024;M;8;;
                a3;2024;F;10;8;2
                a3;2024;M;12;9;4
                """);
        federation("beta", "1980", "b1;Arbetsträning\nb2;Praktik\n", """
                service;period;sex;participants;exits;workOrStudiesAtExit;followedUp6Months;workOrStudies6Months
                b1;2024;F;40;30;12;20;8
                b1;2024;M;35;25;10;18;7
                b2;2024;F;30;20;9;;
                b2;2024;M;25;15;6;;
                b2;2023;F;22;;;;
                b2;2023;M;19;;;;
                """);
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(0, 10).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        for (String f : List.of("alfa", "beta")) {
            List<RunReport> runs = hub.syncNow(f, "test");
            assertEquals(2, runs.size(), runs.toString());
            assertEquals(RunStatus.SUCCEEDED, runs.get(0).status(), runs.get(0).toString());
            assertEquals(RunStatus.SUCCEEDED, runs.get(1).status(), runs.get(1).toString());
        }
    }

    private static void federation(String id, String municipality, String services, String indicators) throws Exception {
        Path dir = Files.createDirectories(federations.resolve(id));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "%s", "name": {"sv": "Samordningsförbundet %s"}, "municipalities": ["%s"],
                 "sources": [{"id": "main", "kind": "file", "location": "services.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Namn"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}],
                 "indicators": {"id": "uppfoljning", "kind": "file", "location": "indikatorer.csv", "format": "csv"}}
                """.formatted(id, id, municipality), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("services.csv"), "Id;Namn\n" + services, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("indikatorer.csv"), indicators, StandardCharsets.UTF_8);
    }

    @AfterAll
    void stopHub() throws Exception {
        hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
    }

    /** The sum the test expects, from the published rows: null when a reporting service lacks the figure. */
    /** The name of a measure's published figure in /api/indicators: a share is named …Percent. */
    private static String figure(String measure) {
        return measure.equals("participants") ? measure : measure + "Percent";
    }

    private static String expected(List<JsonNode> rows, String period, String sex, String measure) {
        List<JsonNode> ofYear = rows.stream().filter(r -> r.path("period").asText().equals(period)).toList();
        List<String> reporting = ofYear.stream().filter(r -> !r.path(figure(measure)).isNull()).map(r -> r.path("service").asText())
                .distinct().toList();
        if (reporting.isEmpty()) {
            return "absent";
        }
        long count = 0;
        long base = 0;
        for (String service : reporting) {
            JsonNode row = ofYear.stream().filter(r -> r.path("service").asText().equals(service)
                    && r.path("sex").asText().equals(sex)).findFirst().orElse(null);
            if (row == null || row.path(figure(measure)).isNull()) {
                return null;
            }
            if (measure.equals("participants")) {
                count += row.path(measure).asLong();
            } else {
                long b = row.path(measure + "Base").asLong();
                count += row.path(figure(measure)).decimalValue().multiply(BigDecimal.valueOf(b))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
                base += b;
            }
        }
        return measure.equals("participants") ? Long.toString(count)
                : BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(base), 1, RoundingMode.HALF_UP) + "/" + base;
    }

    private List<JsonNode> published(Predicate<String> service) {
        List<JsonNode> rows = new ArrayList<>();
        http.json("/api/indicators").path("items").forEach(r -> {
            if (service.test(r.path("service").asText())) {
                rows.add(r);
            }
        });
        return rows;
    }

    private static Map<String, JsonNode> byKey(JsonNode body) {
        Map<String, JsonNode> out = new HashMap<>();
        body.path("items").forEach(i -> out.put(i.path("area").asText() + "/" + i.path("period").asText() + "/"
                + i.path("sex").asText() + "/" + i.path("measure").asText(), i));
        return out;
    }

    private static String actual(JsonNode item) {
        if (item == null) {
            return "absent";
        }
        if (!item.path("withheld").isNull()) {
            return null;
        }
        return item.path("measure").asText().equals("participants") ? item.path("count").asText()
                : item.path("value").decimalValue().setScale(1, RoundingMode.UNNECESSARY) + "/" + item.path("base").asText();
    }

    @Test
    void everyAreaSumsTheCountsPublishedForItsServices() {
        Map<String, JsonNode> sums = byKey(http.json("/api/coverage/outcomes"));
        Map<String, Predicate<String>> areas = Map.of("SE", s -> true, "05", s -> s.startsWith("alfa."),
                "19", s -> s.startsWith("beta."));
        int compared = 0;
        for (var area : areas.entrySet()) {
            List<JsonNode> rows = published(area.getValue());
            for (String period : List.of("2023", "2024")) {
                for (String sex : List.of("F", "M", "T")) {
                    for (String measure : MEASURES) {
                        String key = area.getKey() + "/" + period + "/" + sex + "/" + measure;
                        assertEquals(expected(rows, period, sex, measure), actual(sums.get(key)), key);
                        compared++;
                    }
                }
            }
        }
        assertEquals(72, compared);
        assertTrue(sums.get("SE/2024/T/workOrStudiesAtExit").path("services").asInt() == 4, "a1, a3, b1 and b2");
    }

    @Test
    void sharesAreSummedCountsNeverAveragesOfShares() {
        Map<String, JsonNode> sums = byKey(http.json("/api/coverage/outcomes"));
        // Västerås: (12 + 9) of (30 + 20) women; the average of 40 % and 45 % would be 42.5
        JsonNode women = sums.get("19/2024/F/workOrStudiesAtExit");
        assertEquals(new BigDecimal("42.0"), women.path("value").decimalValue());
        assertEquals(21, women.path("count").asInt());
        assertEquals(50, women.path("base").asInt());
        assertEquals(2, women.path("services").asInt());
        assertEquals(130, sums.get("19/2024/T/participants").path("count").asInt());
        // the whole country: 11/22 + 6/17 + 22/55 + 15/35 = 54 of 129
        assertEquals(new BigDecimal("41.9"), sums.get("SE/2024/T/workOrStudiesAtExit").path("value").decimalValue());
        assertEquals(95, sums.get("SE/2024/M/participants").path("count").asInt());
    }

    @Test
    void aSumWithAWithheldFigureBehindItIsWithheld() {
        Map<String, JsonNode> sums = byKey(http.json("/api/coverage/outcomes?county=05"));
        assertTrue(sums.keySet().stream().allMatch(k -> k.startsWith("05/")), sums.keySet().toString());
        // a2 withheld its 3 women (and its total), a3 both sexes of its shares
        assertEquals("incomplete", sums.get("05/2024/F/participants").path("withheld").asText());
        assertTrue(sums.get("05/2024/F/participants").path("count").isNull());
        assertEquals("incomplete", sums.get("05/2024/T/participants").path("withheld").asText());
        assertEquals(35, sums.get("05/2024/M/participants").path("count").asInt());
        assertEquals("incomplete", sums.get("05/2024/F/workOrStudiesAtExit").path("withheld").asText());
        assertEquals(new BigDecimal("43.6"), sums.get("05/2024/T/workOrStudiesAtExit").path("value").decimalValue(),
                "11 of 22 and 6 of 17");
        assertFalse(sums.containsKey("05/2024/F/workOrStudies6Months"), "no service in the county reports it");
    }

    @Test
    void theOutcomesAreOpenDataAsFormulaSafeCsvAndBadParametersAreNamed() {
        HttpResponse<String> csv = http.get("/api/coverage/outcomes?county=19&period=2024&format=csv", null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertEquals("area,areaName,period,sex,measure,services,value,count,base,withheld", lines.get(0));
        assertTrue(lines.contains("\"19\",\"Västmanlands län\",\"2024\",\"F\",\"workOrStudiesAtExit\",2,42.0,21,50,"), csv.body());
        assertEquals(1 + 3 * 3, lines.size(), "participants, at exit and after 6 months for F, M, T: " + csv.body());
        assertEquals(csv.body(), http.get("/api/coverage/outcomes?county=19&period=2024", "text/csv").body());
        HttpResponse<String> bad = http.get("/api/coverage/outcomes?county=99", "application/json");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("county"), bad.body());
        assertEquals(400, http.get("/api/coverage/outcomes?period=20x4", "application/json").statusCode());
    }

    @Test
    void theCoveragePageShowsTheSumsOfTheChosenCountyAsATableAndAPictureOfIt() {
        String page = http.get("/tackning?lan=19", "text/html").body();
        assertTrue(page.contains("<h2 id=\"resultat\">Resultat för deltagarna i Västmanlands län</h2>"), page);
        String section = page.substring(page.indexOf("<section aria-labelledby=\"resultat\">"),
                page.indexOf("</section>", page.indexOf("<section aria-labelledby=\"resultat\">")));
        assertTrue(section.contains("<caption>Resultat för deltagarna per år i Västmanlands län</caption>"));
        assertTrue(section.contains("<tr><th scope=\"row\">2024</th><th scope=\"row\">I arbete eller studier vid avslut</th>"
                + "<td>42 % (av 50)</td><td>40 % (av 40)</td><td>41,1 % (av 90)</td><td>2</td></tr>"), section);
        assertTrue(section.contains("<td>70</td><td>60</td><td>130</td>"), section);
        assertTrue(section.contains("role=\"img\" aria-label=\"Stapeldiagram: andelen kvinnor och män i arbete eller studier"),
                section);
        assertTrue(section.contains("href=\"/api/coverage/outcomes?county=19&amp;format=csv\""), section);

        String linkoping = http.get("/tackning?lan=05", "text/html").body();
        String row = linkoping.substring(linkoping.indexOf("<tr><th scope=\"row\">2024</th><th scope=\"row\">Deltagare</th>"));
        row = row.substring(0, row.indexOf("</tr>"));
        // withheld because a service in the county did not report women's figure: said so, not "too few"
        assertEquals("<tr><th scope=\"row\">2024</th><th scope=\"row\">Deltagare</th><td>ofullständig, visas inte</td>"
                + "<td>35</td><td>ofullständig, visas inte</td><td>3</td>", row);

        String sweden = http.get("/tackning", "text/html").body();
        assertTrue(sweden.contains("Resultat för deltagarna i Sverige"));
        assertTrue(sweden.contains("<td>41,9 % (av 129)</td>"), "the whole country's total at exit");
        assertTrue(http.get("/tackning?lan=01", "text/html").body()
                .contains("Inga insatser i Stockholms län har publicerat resultat ännu."));
    }
}
