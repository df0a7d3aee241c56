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
import se.insatsnavet.schema.vocab.CPSV;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dereferencing services and listing them, over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceResourceTest {

    @TempDir
    static Path data;
    Hub hub;
    TestHttp http;
    String id;
    String uri;

    @BeforeAll
    void startHub() throws Exception {
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
        JsonNode first = http.json("/api/services?perPage=1").path("items").get(0);
        id = first.path("id").asText();
        uri = first.path("uri").asText();
    }

    @AfterAll
    void stopHub() throws Exception {
        if (hub != null) {
            hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    @Test
    void eachRdfMediaTypeGetsThatSyntaxWithTheSameTriples() {
        Map<String, Lang> syntaxes = Map.of("text/turtle", Lang.TURTLE, "application/ld+json", Lang.JSONLD,
                "application/n-triples", Lang.NTRIPLES, "application/rdf+xml", Lang.RDFXML);
        Model reference = null;
        for (var e : syntaxes.entrySet()) {
            HttpResponse<String> r = http.get("/id/service/" + id, e.getKey());
            assertEquals(200, r.statusCode(), e.getKey());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(e.getKey()), e.getKey());
            assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
            Model m = ModelFactory.createDefaultModel();
            if (e.getValue() == Lang.JSONLD) {
                assertTrue(r.body().contains("\"/ns/context.jsonld\""), r.body());
                assertTrue(http.get("/ns/context.jsonld", "application/ld+json").body().contains("\"cpsv\""));
            }
            // JSON-LD refers to the published context by a path relative to the document: parse with its URL
            RDFParser.fromString(r.body(), e.getValue()).base("http://localhost:" + hub.port() + "/id/service/" + id).parse(m);
            assertTrue(m.contains(m.createResource(uri), org.apache.jena.vocabulary.RDF.type, CPSV.PublicService), e.getKey());
            if (reference == null) {
                reference = m;
            } else {
                assertTrue(reference.isIsomorphicWith(m), e.getKey() + " has the same triples");
            }
        }
    }

    @Test
    void jsonGetsTheCanonicalDescription() throws Exception {
        HttpResponse<String> r = http.get("/id/service/" + id, "application/json");
        assertEquals(200, r.statusCode());
        JsonNode canonical = TestHttp.JSON.readTree(r.body());
        assertEquals(id.substring(id.indexOf('.') + 1), canonical.path("localId").asText());
        assertFalse(canonical.path("title").path("sv").asText().isEmpty());
    }

    @Test
    void aBrowserGetsASwedishPage() {
        HttpResponse<String> r = http.get("/id/service/" + id, "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("<html lang=\"sv\">"));
        assertTrue(r.body().contains("<h1>"));
    }

    @Test
    void theHtmlPageEmbedsSchemaOrgJsonLdAlsoServedOnItsOwn() throws Exception {
        String html = http.get("/id/service/" + id, "text/html").body();
        assertTrue(html.contains("<script type=\"application/ld+json\">"), html);
        assertTrue(html.contains("\"@type\":\"GovernmentService\""), html);
        HttpResponse<String> r = http.get("/id/service/" + id + "?format=schemaorg", null);
        assertEquals(200, r.statusCode());
        JsonNode jsonLd = TestHttp.JSON.readTree(r.body());
        assertEquals("https://schema.org", jsonLd.path("@context").asText());
        assertEquals(uri, jsonLd.path("@id").asText());
        // every name with its language, Swedish first
        JsonNode name = jsonLd.path("name").isArray() ? jsonLd.path("name").get(0) : jsonLd.path("name");
        assertEquals("sv", name.path("@language").asText(), r.body());
        assertFalse(name.path("@value").asText().isEmpty(), r.body());
        assertTrue(jsonLd.path("areaServed").size() > 0, r.body());
    }

    @Test
    void formatParameterOverridesAccept() {
        HttpResponse<String> r = http.get("/id/service/" + id + "?format=nt", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/n-triples"));
    }

    @Test
    void readsCarryAnETagAndAnswer304WhenUnchanged() {
        for (String path : new String[] {"/id/service/" + id, "/api/services?perPage=3", "/api/federations"}) {
            var first = http.getRaw(path, "Accept", "text/turtle, application/json");
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
            var again = http.getRaw(path, "Accept", "text/turtle, application/json", "If-None-Match", etag);
            assertEquals(304, again.statusCode(), path);
            assertEquals(0, again.body().length, path);
        }
    }

    @Test
    void responsesAreGzippedWhenTheClientAsks() throws Exception {
        var r = http.getRaw("/api/services?perPage=50", "Accept-Encoding", "gzip");
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))) {
            assertTrue(TestHttp.JSON.readTree(in).path("items").size() > 0);
        }
    }

    @Test
    void readsAreOpenToOtherOrigins() {
        var r = http.getRaw("/api/services?perPage=1", "Origin", "https://example.org");
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    @Test
    void unacceptableMediaTypeGets406() {
        assertEquals(406, http.get("/id/service/" + id, "image/png").statusCode());
        assertEquals(406, http.get("/id/service/" + id + "?format=pdf", null).statusCode());
    }

    @Test
    void conceptsPlacesAndOrganisationsDereferenceToo() {
        for (String path : new String[] {"/id/concept/target-group/activity-compensation", "/id/concept/method",
                "/id/place/municipality/0580", "/id/place/county/05", "/id/organisation/vasteras"}) {
            HttpResponse<String> ttl = http.get(path, "text/turtle");
            assertEquals(200, ttl.statusCode(), path);
            assertEquals("Accept", ttl.headers().firstValue("Vary").orElse(""));
            Model m = ModelFactory.createDefaultModel();
            RDFParser.fromString(ttl.body(), Lang.TURTLE).parse(m);
            assertTrue(m.contains(m.createResource("http://localhost:8080" + path), null, (org.apache.jena.rdf.model.RDFNode) null), path);
            HttpResponse<String> html = http.get(path, "text/html");
            assertTrue(html.body().contains("<html lang=\"sv\">"), path);
        }
        assertTrue(http.get("/id/place/municipality/0580", "text/html").body().contains("<h1>Linköpings kommun</h1>"));
        assertTrue(http.get("/id/concept/target-group/activity-compensation", "text/html").body().contains("aktivitetsersättning"));
        assertEquals(404, http.get("/id/place/municipality/9999", "text/turtle").statusCode());
        assertEquals(404, http.get("/id/concept/target-group/NOPE", "text/turtle").statusCode());
        assertEquals(406, http.get("/id/place/county/05", "image/png").statusCode());
    }

    @Test
    void unknownServiceGets404() {
        assertEquals(404, http.get("/id/service/no-such.service", "text/turtle").statusCode());
        assertEquals(404, http.get("/id/service/%3Cscript%3E", "text/turtle").statusCode());
    }

    @Test
    void servicesApiPagesWithTotal() {
        JsonNode all = http.json("/api/services?perPage=5&page=2");
        assertEquals(5, all.path("items").size());
        assertEquals(2, all.path("page").asInt());
        assertEquals(5, all.path("perPage").asInt());
        assertTrue(all.path("total").asInt() > 40);
    }

    @Test
    void servicesApiFiltersCombine() {
        JsonNode linkoping = http.json("/api/services?municipality=0580&perPage=100");
        assertTrue(linkoping.path("total").asInt() > 0);
        for (JsonNode s : linkoping.path("items")) {
            assertTrue(s.path("municipalities").toString().contains("0580"), s.toString());
        }
        JsonNode young = http.json("/api/services?municipality=0580&targetGroup=young-adults&perPage=100");
        assertTrue(young.path("total").asInt() <= linkoping.path("total").asInt());
        for (JsonNode s : young.path("items")) {
            assertTrue(s.path("targetGroups").toString().contains("young-adults"), s.toString());
        }
        JsonNode vasteras = http.json("/api/services?federation=vasteras&perPage=100");
        assertTrue(vasteras.path("total").asInt() > 0);
        vasteras.path("items").forEach(s -> assertEquals("vasteras", s.path("federation").asText()));
    }

    @Test
    void moreFiltersForCountyAgeMethodProviderTypeAndStatus() {
        JsonNode county = http.json("/api/services?county=05&perPage=100");
        assertTrue(county.path("total").asInt() > 0, county.toString());
        for (JsonNode s : county.path("items")) {
            boolean inCounty = s.path("regions").toString().contains("\"05\"");
            for (JsonNode m : s.path("municipalities")) {
                inCounty |= m.asText().startsWith("05");
            }
            assertTrue(inCounty, s.toString());
        }
        assertEquals(http.json("/api/services?federation=centrala-ostergotland").path("total").asInt(),
                county.path("total").asInt(), "Östergötland has only Centrala Östergötland among the examples");

        JsonNode young = http.json("/api/services?age=24&perPage=100");
        JsonNode old = http.json("/api/services?age=70&perPage=100");
        assertTrue(young.path("total").asInt() > old.path("total").asInt());
        for (JsonNode s : young.path("items")) {
            JsonNode range = s.path("ageRange");
            assertTrue(range.path("min").asInt(0) <= 24 && range.path("max").asInt(120) >= 24, s.toString());
        }
        for (String[] f : new String[][] {{"method", "supported-employment", "methods"}, {"status", "active", "status"}}) {
            JsonNode r = http.json("/api/services?perPage=100&" + f[0] + "=" + f[1]);
            assertTrue(r.path("total").asInt() > 0, f[0]);
            r.path("items").forEach(s -> assertTrue(s.path(f[2]).toString().contains(f[1]), s.toString()));
        }
        JsonNode municipal = http.json("/api/services?providerType=municipality&perPage=100");
        assertTrue(municipal.path("total").asInt() > 0);
        municipal.path("items").forEach(s -> assertEquals("municipality", s.path("provider").path("type").asText(), s.toString()));
        assertEquals(400, http.get("/api/services?age=old").statusCode());
        assertEquals(400, http.get("/api/services?county=5").statusCode());
    }

    @Test
    void servicesApiFindsWordsInTitleOrDescription() {
        JsonNode sv = http.json("/api/services?q=arbete&perPage=100");
        assertTrue(sv.path("total").asInt() > 0, sv.toString());
        for (JsonNode s : sv.path("items")) {
            // the word, its stem in compounds and inflections (arbets-, arbetet) or a synonym (jobb, anställning …)
            String text = (s.path("title").toString() + s.path("description").toString()).toLowerCase();
            assertTrue(java.util.stream.Stream.of("arbet", "jobb", "anställning", "sysselsättning").anyMatch(text::contains),
                    s.toString());
        }
    }

    @Test
    void badParametersGet400NamingTheParameter() {
        HttpResponse<String> r = http.get("/api/services?perPage=1000");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("perPage"));
        assertEquals(400, http.get("/api/services?municipality=Atlantis").statusCode());
    }

    @Test
    void runsOfAnUnknownFederationGet404() {
        assertEquals(404, http.get("/api/federations/nowhere/runs").statusCode());
    }
}
