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
import se.insatsnavet.schema.ShaclCheck;
import se.insatsnavet.schema.Shapes;
import se.insatsnavet.schema.json.JsonSchemas;
import se.insatsnavet.schema.vocab.HubIris;

import java.net.http.HttpResponse;
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

/** A real hub on a free port, a real TDB2 and H2 in a temp folder, importing the bundled example federations. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundledExamplesTest {

    @TempDir
    static Path data;
    Hub hub;
    TestHttp http;

    @BeforeAll
    void startHub() throws Exception {
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
        // the examples with an indicators source: read after their services
        await().atMost(Duration.ofMinutes(5)).until(() -> http.json("/api/indicators?federation=vasteras").path("items").size() > 0
                && http.json("/api/indicators?federation=centrala-ostergotland").path("items").size() > 0);
    }

    /** The newest run of the federation's (first) services source, not of its indicators source. */
    private JsonNode servicesRun(JsonNode federation) {
        String source = federation.path("sources").get(0).path("id").asText();
        for (JsonNode run : http.json("/api/federations/" + federation.path("id").asText() + "/runs").path("items")) {
            if (run.path("source").asText().equals(source)) {
                return run;
            }
        }
        throw new AssertionError("no run of " + source + ": " + federation);
    }

    @AfterAll
    void stopHub() throws Exception {
        if (hub != null) {
            hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    @Test
    void healthSaysUp() {
        JsonNode health = http.json("/health");
        assertEquals("up", health.path("status").asText(), health.toString());
    }

    @Test
    void atLeastFourFederationsArePublishedWithTenToFortyServicesEach() {
        JsonNode federations = http.json("/api/federations");
        assertTrue(federations.path("items").size() >= 4, federations.toString());
        assertEquals(0, federations.path("descriptorErrors").size(), federations.toString());
        Set<String> formats = new HashSet<>();
        for (JsonNode f : federations.path("items")) {
            assertEquals("succeeded", servicesRun(f).path("status").asText(), f.toString());
            int services = f.path("services").asInt();
            assertTrue(services >= 9 && services <= 40, f.path("id") + " publishes " + services);
            f.path("sources").forEach(s -> formats.add(s.path("format").asText()));
        }
        assertTrue(formats.size() >= 2, "source formats: " + formats);
    }

    /** The deliberately invalid records, as documented in examples/README.md: federation → record, field. */
    /** The example records with a bad value in an optional field: federation → record, field, value as written. */
    private static final java.util.Map<String, List<String>> DOCUMENTED_WARNINGS = java.util.Map.of(
            "vasteras", List.of("ST-112", "contact.email", "info(at)samordningvasteras.se"),
            "stockholm-ratt-stod", List.of("MOB-11", "homepage", "www.samordningstockholm.se/insatser/kraftsamla"),
            "sodertorn", List.of("OS-0113", "lastReviewed", "2024-13-45"));

    private JsonNode federation(String id) {
        for (JsonNode f : http.json("/api/federations").path("items")) {
            if (f.path("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("bundled federation " + id);
    }

    @Test
    void onlyTheRecordWithoutTitleIsRejectedNamingRecordAndField() {
        for (JsonNode f : http.json("/api/federations").path("items")) {
            String id = f.path("id").asText();
            JsonNode run = http.json(servicesRun(f).path("href").asText());
            assertEquals(id.equals("centrala-ostergotland") ? 1 : 0, run.path("counts").path("rejected").asInt(),
                    id + ": " + run.toPrettyString());
            assertTrue(run.path("warnings").size() >= 1, id + " reports its unmapped values: " + run.toPrettyString());
        }
        JsonNode errors = http.json(servicesRun(federation("centrala-ostergotland")).path("href").asText()).path("errors");
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("centrala-ostergotland", errors.get(0).path("federation").asText());
        assertEquals("sco-017", errors.get(0).path("record").asText());
        assertEquals("title", errors.get(0).path("field").asText());
        assertFalse(errors.get(0).path("message").asText().isEmpty());
    }

    @Test
    void aBadValueInAnOptionalFieldIsOneWarningAndTheServiceIsPublishedWithoutIt() {
        for (var expected : DOCUMENTED_WARNINGS.entrySet()) {
            String record = expected.getValue().get(0);
            String field = expected.getValue().get(1);
            JsonNode warnings = http.json(servicesRun(federation(expected.getKey())).path("href").asText()).path("warnings");
            List<JsonNode> about = new ArrayList<>();
            warnings.forEach(w -> {
                if (record.equals(w.path("record").asText()) && field.equals(w.path("field").asText())) {
                    about.add(w);
                }
            });
            assertEquals(1, about.size(), "one message for the field: " + warnings);
            assertEquals(expected.getKey(), about.get(0).path("federation").asText());
            assertEquals(expected.getValue().get(2), about.get(0).path("value").asText(), about.toString());
            assertTrue(about.get(0).path("message").asText().contains("left out"), about.toString());
            JsonNode service = http.json("/id/service/" + expected.getKey() + "." + record + "?format=json");
            assertFalse(service.path("title").isMissingNode(), "published: " + service);
            assertTrue(service.at("/" + field.replace('.', '/')).isMissingNode(), field + " left out: " + service);
        }
    }

    @Test
    void everyFederationPublishesTwoOrMoreArticlesOfEachKindLinkedToItsServicesAndSituations() {
        for (JsonNode f : http.json("/api/federations").path("items")) {
            String id = f.path("id").asText();
            for (String kind : List.of("vagval", "story", "question", "situation-guide")) {
                JsonNode page = http.json("/api/articles?federation=" + id + "&kind=" + kind);
                assertTrue(page.path("total").asInt() >= 2, id + " " + kind + ": " + page);
            }
            for (JsonNode run : http.json("/api/federations/" + id + "/runs").path("items")) {
                if (run.path("source").asText().equals("artiklar")) {
                    JsonNode report = http.json(run.path("href").asText());
                    assertEquals("succeeded", report.path("status").asText(), report.toString());
                    assertEquals(0, report.path("counts").path("rejected").asInt(), report.toString());
                    // a link to a service may be reported while the federation's services are still being imported
                    // at start; every other link resolves
                    report.path("warnings").forEach(w -> assertEquals("services", w.path("field").asText(), w.toString()));
                    break;
                }
            }
            // every service an article names is one of the federation's published services
            for (JsonNode article : http.json("/api/articles?per_page=100&federation=" + id).path("items")) {
                for (JsonNode service : article.path("services")) {
                    assertEquals(200, http.get("/id/service/" + id + "." + service.asText(), "text/turtle").statusCode(),
                            article.path("id") + " names " + service);
                }
            }
        }
        assertTrue(http.json("/api/articles?situation=sjukskriven&kind=situation-guide").path("total").asInt() >= 2);
    }

    @Test
    void everyPublishedServiceConformsToTheHubShapesAndTheOfficialCpsvApShapes() {
        Path cpsvAp = SharedFolder.require("standards/cpsv-ap-3.2.0");
        var official = Shapes.cpsvAp(cpsvAp);
        var own = Shapes.hub(HubIris.of(hub.options().baseUri()));
        List<String> failures = new ArrayList<>();
        for (String id : allServiceIds()) {
            HttpResponse<String> r = http.get("/id/service/" + id, "text/turtle");
            assertEquals(200, r.statusCode(), id);
            Model m = ModelFactory.createDefaultModel();
            RDFParser.fromString(r.body(), Lang.TURTLE).parse(m);
            ShaclCheck.Result ownResult = ShaclCheck.validate(m, own);
            ShaclCheck.Result officialResult = ShaclCheck.validate(m, official);
            if (!ownResult.conforms()) {
                failures.add(id + " (hub shapes): " + ownResult.messages());
            }
            if (!officialResult.conforms()) {
                failures.add(id + " (CPSV-AP 3.2.0): " + officialResult.messages());
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())), failures.size() + " failures");
    }

    @Test
    void canonicalJsonOfEveryServiceValidatesAgainstTheServiceSchema() {
        for (String id : allServiceIds()) {
            // the hub's JSON of a service is its canonical JSON after the hub's identifiers (as in /api/services)
            com.fasterxml.jackson.databind.node.ObjectNode published =
                    (com.fasterxml.jackson.databind.node.ObjectNode) http.json("/id/service/" + id + "?format=json");
            assertEquals(id, published.path("id").asText());
            assertEquals(id.substring(0, id.indexOf('.')), published.path("federation").asText());
            JsonNode canonical = published.deepCopy().without(List.of("id", "uri", "federation"));
            assertEquals(List.of(), JsonSchemas.service().validate(canonical), id);
        }
    }

    @Test
    void aSecondImportOfUnchangedInputChangesNothing() {
        long triplesBefore = tripleCount();
        for (JsonNode f : http.json("/api/federations").path("items")) {
            for (RunReport run : hub.syncNow(f.path("id").asText(), "test")) {
                assertEquals(RunStatus.SUCCEEDED, run.status(), run.toString());
                assertEquals(0, run.counts().added() + run.counts().updated() + run.counts().deleted(), run.toString());
                assertEquals(run.counts().valid(), run.counts().unchanged(), run.toString());
            }
        }
        assertEquals(triplesBefore, tripleCount());
    }

    private long tripleCount() {
        return hub.store().size();
    }

    List<String> allServiceIds() {
        List<String> ids = new ArrayList<>();
        int page = 1;
        while (true) {
            JsonNode body = http.json("/api/services?perPage=100&page=" + page);
            body.path("items").forEach(i -> ids.add(i.path("id").asText()));
            if (ids.size() >= body.path("total").asInt() || body.path("items").isEmpty()) {
                return ids;
            }
            page++;
        }
    }
}
