package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunStatus;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.QB;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A federation publishes aggregated outcome indicators beside its catalogue: bad rows are rejected naming row
 * and field, small cells are withheld (with the total when it would reveal them), and the rest is published as
 * an RDF Data Cube, as JSON and CSV, and on the service's page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsTest {

    @TempDir
    static Path data;
    @TempDir
    static Path federations;
    Hub hub;
    TestHttp http;
    RunReport indicatorRun;

    @BeforeAll
    void startHub() throws Exception {
        Path dir = Files.createDirectories(federations.resolve("alfa"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "alfa", "name": {"sv": "Samordningsförbundet Alfa"}, "municipalities": ["0580"],
                 "sources": [{"id": "main", "kind": "file", "location": "services.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Beskrivning"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}],
                 "indicators": {"id": "uppfoljning", "kind": "file", "location": "indikatorer.csv", "format": "csv"}}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("services.csv"), "Id;Namn;Beskrivning\na1;Jobbcoach;Stöd till arbete.\n"
                + "a2;Studiecirkel;Stöd till studier.\na3;Hälsa;Friskvård.\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("indikatorer.csv"), """
                service;period;sex;participants;exits;workOrStudiesAtExit;stepMovement;kommentar
                a1;2024;F;20;12;6;9;
                a1;2024;M;15;10;5;5;
                a1;2024;män;15;10;5;5;
                a2;2024;kvinnor;3;;;;
                a2;2024;M;8;;;;
                a3;2024;F;5;9;;;
                zz;2024;F;30;;;;
                a1;2023;F;många;;;;
                a1;2023;M;7;;;;
                a3;2023;M;12;;;;ring Anna
                """, StandardCharsets.UTF_8);
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(0, 10).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        List<RunReport> runs = hub.syncNow("alfa", "test");
        assertEquals(2, runs.size(), runs.toString());
        indicatorRun = runs.get(1);
    }

    @AfterAll
    void stopHub() throws Exception {
        hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
    }

    @Test
    void badRowsAreRejectedNamingFederationRowAndFieldAndTheGoodRowsAreKept() {
        assertEquals("uppfoljning", indicatorRun.sourceId());
        assertEquals(RunStatus.SUCCEEDED, indicatorRun.status(), indicatorRun.toString());
        assertEquals(10, indicatorRun.counts().read());
        assertEquals(5, indicatorRun.counts().rejected(), indicatorRun.toString());
        JsonNode run = http.json("/api/federations/alfa/runs/" + indicatorRun.id());
        Set<String> errors = new HashSet<>();
        for (JsonNode e : run.path("errors")) {
            assertEquals("alfa", e.path("federation").asText());
            assertFalse(e.path("locator").asText().isEmpty(), e.toString());
            errors.add(e.path("record").asText() + ":" + e.path("field").asText());
        }
        assertEquals(Set.of("a1:sex", "a3:exits", "zz:service", "a1:participants", "a3:kommentar"), errors,
                run.toPrettyString());
        assertFalse(run.toString().contains("Anna"), "an unknown column's free text is not repeated: " + run);
    }

    @Test
    void figuresBelowTheMinimumCountAreWithheldAndReportedWithoutTheirValue() {
        JsonNode run = http.json("/api/federations/alfa/runs/" + indicatorRun.id());
        Set<String> withheld = new HashSet<>();
        for (JsonNode w : run.path("warnings")) {
            withheld.add(w.path("record").asText() + ":" + w.path("field").asText());
            assertFalse(w.has("value"), "a withheld count is never shown: " + w);
        }
        // a2 women: 3 participants; a1 women: step movement 9 of 12 leaves 3 without; their totals are withheld too
        assertTrue(withheld.containsAll(Set.of("a2:participants", "a1:stepMovement")), withheld.toString());

        JsonNode a2 = http.json("/api/services/alfa.a2/indicators");
        assertEquals(5, a2.path("minimumCount").asInt());
        assertEquals(List.of("M"), sexes(a2), "women withheld, total withheld so it cannot reveal them: " + a2);
        assertEquals(8, a2.path("items").get(0).path("participants").asInt());
    }

    @Test
    void womenMenAndTheirTotalArePublishedWithSharesAndTheirBases() {
        JsonNode body = http.json("/api/services/alfa.a1/indicators?period=2024");
        assertEquals(List.of("F", "M", "T"), sexes(body), body.toPrettyString());
        JsonNode women = body.path("items").get(0);
        JsonNode men = body.path("items").get(1);
        JsonNode total = body.path("items").get(2);
        assertEquals("alfa.a1", women.path("service").asText());
        assertEquals(20, women.path("participants").asInt());
        assertEquals(35, total.path("participants").asInt());
        assertEquals(50.0, women.path("workOrStudiesAtExitPercent").asDouble());
        assertTrue(women.path("workOrStudiesAtExit").isMissingNode(), "the upload's count name is not reused for a share");
        assertEquals(12, women.path("workOrStudiesAtExitBase").asInt());
        assertEquals(50.0, total.path("workOrStudiesAtExitPercent").asDouble());
        assertEquals(22, total.path("workOrStudiesAtExitBase").asInt());
        assertTrue(women.path("stepMovementPercent").isNull(), "9 of 12 leaves 3: withheld");
        assertEquals(50.0, men.path("stepMovementPercent").asDouble());
        assertTrue(total.path("stepMovementPercent").isNull(), "the total would reveal the women's figure");
        assertTrue(women.path("workOrStudies6MonthsPercent").isNull(), "not reported");
        // 2023: only men reported (women's row was rejected): no total
        assertEquals(List.of("M"), sexes(http.json("/api/services/alfa.a1/indicators?period=2023")));
    }

    @Test
    void indicatorsAreFilteredByFederationAndServiceAndServedAsCsv() {
        JsonNode all = http.json("/api/indicators?federation=alfa");
        assertEquals(5, all.path("items").size(), all.toPrettyString());
        assertFalse(all.path("truncated").asBoolean());
        assertEquals(0, http.json("/api/indicators?federation=beta").path("items").size());
        assertEquals(4, http.json("/api/indicators?service=alfa.a1").path("items").size(), "2024 F, M, T and 2023 M");
        assertEquals(400, http.get("/api/indicators?period=20x4").statusCode());
        assertEquals(404, http.get("/api/services/alfa.nope/indicators").statusCode());

        HttpResponse<String> csv = http.get("/api/indicators?federation=alfa&format=csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("federation,service,period,sex,participants,exits,workOrStudiesAtExitPercent,workOrStudiesAtExitBase,"
                + "stepMovementPercent,stepMovementBase,workOrStudies6MonthsPercent,workOrStudies6MonthsBase,workOrStudies18MonthsPercent,"
                + "workOrStudies18MonthsBase", lines[0]);
        assertEquals(6, lines.length);
        assertTrue(List.of(lines).contains("\"alfa\",\"alfa.a1\",\"2024\",\"T\",35,22,50.0,22,,,,,,"), csv.body());
        HttpResponse<String> one = http.get("/api/services/alfa.a1/indicators", "text/csv");
        assertTrue(one.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals(5, one.body().split("\r\n").length, "header and the rows of a1 (2024 F, M, T; 2023 M): " + one.body());
    }

    @Test
    void theDataSetIsAWellFormedDataCubeInTheFederationsDataAndSparql() throws Exception {
        HttpResponse<String> r = http.get("/id/indicators/alfa", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Model cube = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(cube);
        int observations = cube.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, QB.Observation).toList().size();
        assertEquals(figures(http.json("/api/indicators?federation=alfa")), observations);
        cube.add(Vocabulary.load(HubIris.of(hub.options().baseUri())).model());
        assertEquals(List.of(), DataCubeIntegrity.violations(cube));

        // a broken cube is caught: an observation without its year, and a duplicate of another observation
        Model broken = ModelFactory.createDefaultModel().add(cube);
        var obs = broken.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, QB.Observation).toList();
        broken.removeAll(obs.get(0), se.insatsnavet.schema.vocab.INSI.year, null);
        var copy = broken.createResource(hub.options().baseUri() + "id/indicators/alfa#copy");
        obs.get(1).listProperties().toList().forEach(s -> copy.addProperty(s.getPredicate(), s.getObject()));
        assertEquals(List.of("IC-11 all dimensions required", "IC-12 no duplicate observations"),
                DataCubeIntegrity.violations(broken));

        String query = "PREFIX qb: <http://purl.org/linked-data/cube#> SELECT (COUNT(?o) AS ?n) WHERE { GRAPH <"
                + HubIris.of(hub.options().baseUri()).federationGraph("alfa") + "> { ?o a qb:Observation } }";
        HttpResponse<String> answer = http.get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                "application/sparql-results+json");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode sparql = se.insatsnavet.hub.http.Responses.JSON.readTree(answer.body());
        assertEquals(observations, sparql.path("results").path("bindings").get(0).path("n").path("value").asInt());
        await().atMost(Duration.ofMinutes(5)).until(() -> {
            HttpResponse<String> dump = http.get("/dumps/alfa.ttl", "text/turtle");
            return dump.statusCode() == 200 && (dump.body().contains("qb:Observation")
                    || dump.body().contains("<http://purl.org/linked-data/cube#Observation>"));
        });
    }

    @Test
    void theServicePageShowsAnAccessibleTableOfWomenMenAndTotal() {
        HttpResponse<String> page = http.get("/id/service/alfa.a1", "text/html");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<caption>Resultat per år</caption>"), html);
        assertTrue(html.contains("<th scope=\"col\">Kvinnor</th><th scope=\"col\">Män</th><th scope=\"col\">Totalt</th>"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">2024</th><th scope=\"row\">Deltagare</th><td>20</td><td>15</td><td>35</td></tr>"), html);
        assertTrue(html.contains("<th scope=\"row\">Tog steg på processtrappan</th><td>–</td><td>50 % (av 10)</td><td>–</td>"), html);
        assertFalse(http.get("/id/service/alfa.a3", "text/html").body().contains("<table"), "no figures, no table");
    }

    @Test
    void anUnchangedSourceChangesNothingOnTheNextImport() {
        long before = hub.store().size();
        RunReport again = hub.syncNow("alfa", "test").get(1);
        assertEquals(RunStatus.SUCCEEDED, again.status());
        assertEquals(0, again.counts().added() + again.counts().updated() + again.counts().deleted(), again.toString());
        assertEquals(again.counts().valid(), again.counts().unchanged());
        long after = hub.store().size();
        assertEquals(before, after);
    }

    @Test
    void theCatalogueListsTheIndicatorsAsDistributions() {
        String catalog = http.get("/catalog", "text/turtle").body();
        assertTrue(catalog.contains("api/indicators?federation=alfa&format=csv"), catalog);
        assertTrue(catalog.contains("id/indicators/alfa"), catalog);
    }

    private static List<String> sexes(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.path("items").forEach(i -> out.add(i.path("sex").asText()));
        return out;
    }

    private static int figures(JsonNode body) {
        int n = 0;
        for (JsonNode item : body.path("items")) {
            for (String m : List.of("participants", "exits", "workOrStudiesAtExitPercent", "stepMovementPercent",
                    "workOrStudies6MonthsPercent", "workOrStudies18MonthsPercent")) {
                n += item.path(m).isNull() || item.path(m).isMissingNode() ? 0 : 1;
            }
        }
        return n;
    }
}
