package se.insatsnavet.hub;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.schema.ShaclCheck;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DCAT catalogue of a hub that imported the bundled example federations, validated with Jena's SHACL
 * against DCAT-AP 3.0.1's split shape files (shapes, range, mdr-vocabularies, deprecated URIs; merged into one
 * shapes graph, as the shared README's "Known traps" say), with and without the recommended-property shapes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DcatApConformanceTest {

    @TempDir
    static Path data;
    Hub hub;
    TestHttp http;
    Model catalog;

    @BeforeAll
    void startHubAndImport() throws Exception {
        System.setProperty("insatsnavet.usage.flushMillis", "200");
        try {
            hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                    .toCompletionStage().toCompletableFuture().get();
        } finally {
            System.clearProperty("insatsnavet.usage.flushMillis");
        }
        http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(3)).until(http::allFederationsImported);
        // one guidance article, so that the guidance dataset has a period of time to describe
        String token = hub.tokens().create("vasteras", "test").secret();
        java.net.http.HttpRequest put = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + hub.port() + "/api/federations/vasteras/articles"))
                .timeout(TestHttp.REQUEST_TIMEOUT).header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "[{\"id\": \"fraga-1\", \"kind\": \"question\", \"title\": \"Kostar det något?\","
                                + " \"question\": \"Kostar det något?\", \"answer\": \"Nej, det är gratis.\"}]")).build();
        assertEquals(200, java.net.http.HttpClient.newHttpClient().send(put, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
        // one search, so that the usage statistics have a day to describe
        assertEquals(200, http.get("/api/services?targetGroup=young-adults&municipality=0580", "application/json").statusCode());
        await().atMost(Duration.ofMinutes(5)).until(() -> http.json("/api/usage").path("days").size() > 0);
        // the dumps are written in the background: use a catalogue that stays the same between two reads
        await().atMost(Duration.ofMinutes(5)).until(() -> {
            Model before = read();
            Model after = read();
            catalog = after;
            return before.isIsomorphicWith(after);
        });
    }

    @AfterAll
    void stopHub() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    private Model read() {
        HttpResponse<String> r = http.get("/catalog", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(m);
        return m;
    }

    static Shapes shapes(boolean recommended) {
        Path shacl = SharedFolder.require("standards/dcat-ap-3.0.1/html/shacl");
        Model shapes = ModelFactory.createDefaultModel();
        for (String file : List.of("shapes.ttl", "range.ttl", "mdr-vocabularies.shape.ttl", "deprecateduris.ttl")) {
            RDFDataMgr.read(shapes, shacl.resolve(file).toString());
        }
        if (recommended) {
            RDFDataMgr.read(shapes, shacl.resolve("shapes_recommended.ttl").toString());
        }
        return Shapes.parse(shapes);
    }

    /**
     * The results left: the publisher warnings ("check if a corresponding exists in the EU corporate bodies
     * NAL") for the hub operator and the federations, which are Swedish bodies absent from that EU list (saying
     * they are in it would be false), exactly one per {@code dct:publisher} statement.
     */
    private List<String> unexplained(ShaclCheck.Result result, boolean recommended) {
        List<String> publisherWarnings = result.messages().stream()
                .filter(msg -> msg.startsWith("[Warning]") && msg.contains(", <http://purl.org/dc/terms/publisher>: ")
                        && msg.contains("CorporateBodyRestriction")).toList();
        assertEquals(catalog.listStatements(null, org.apache.jena.vocabulary.DCTerms.publisher, (org.apache.jena.rdf.model.RDFNode) null)
                .toList().size(), publisherWarnings.size(), "one warning per publisher statement, nothing else about publishers");
        return result.messages().stream().filter(msg -> !publisherWarnings.contains(msg)).toList();
    }

    @Test
    void theCatalogueHasNoViolationAndNoOtherWarningAgainstShapesRangeVocabulariesAndDeprecatedUris() {
        ShaclCheck.Result result = ShaclCheck.validate(catalog, shapes(false));
        assertEquals(List.of(), result.messages().stream().filter(msg -> !msg.startsWith("[Warning]")).toList());
        assertEquals(List.of(), unexplained(result, false));
    }

    @Test
    void theRecommendedPropertiesAreFilledWhereTheHubKnowsThem() {
        ShaclCheck.Result result = ShaclCheck.validate(catalog, shapes(true));
        assertEquals(List.of(), result.messages().stream().filter(msg -> !msg.startsWith("[Warning]")).toList());
        assertEquals(List.of(), unexplained(result, true));
        // the values behind them, from the hub's records
        org.apache.jena.rdf.model.Resource national = catalog.getResource(
                se.insatsnavet.schema.vocab.HubIris.of(hub.options().baseUri()).nationalDataset());
        org.apache.jena.rdf.model.Resource period = national.getPropertyResourceValue(org.apache.jena.vocabulary.DCTerms.temporal);
        String first = http.json("/changes?limit=1").path("items").get(0).path("at").asText();
        assertEquals(java.time.Instant.parse(first), java.time.Instant.parse(
                period.getProperty(org.apache.jena.vocabulary.DCAT.startDate).getString()), "starts at the first change");
        assertEquals("http://publications.europa.eu/resource/authority/planned-availability/STABLE",
                catalog.getResource(national.getURI() + "#json").getPropertyResourceValue(
                        catalog.createProperty("http://data.europa.eu/r5r/availability")).getURI());
    }

    @Test
    void swedensBoundingBoxHoldsTheBoundariesItWasComputedFrom() throws Exception {
        Path regions = SharedFolder.require("reference/sweden-geojson/swedish_regions.geojson");
        double[] extent = {180, 90, -180, -90};
        collect(TestHttp.JSON.readTree(regions.toFile()), extent);
        org.apache.jena.rdf.model.Resource sweden = catalog.getResource("http://publications.europa.eu/resource/authority/country/SWE");
        String bbox = sweden.getProperty(catalog.createProperty("http://www.w3.org/ns/dcat#bbox")).getString();
        String[] corners = bbox.replaceAll("[^0-9., ]", "").trim().split("\\s*,\\s*");
        String[] sw = corners[0].trim().split(" ");
        String[] ne = corners[2].trim().split(" ");
        assertEquals(Math.floor(extent[0] * 100) / 100, Double.parseDouble(sw[0]), 1e-9, "west");
        assertEquals(Math.floor(extent[1] * 100) / 100, Double.parseDouble(sw[1]), 1e-9, "south");
        assertEquals(Math.ceil(extent[2] * 100) / 100, Double.parseDouble(ne[0]), 1e-9, "east");
        assertEquals(Math.ceil(extent[3] * 100) / 100, Double.parseDouble(ne[1]), 1e-9, "north");
        String[] centroid = sweden.getProperty(catalog.createProperty("http://www.w3.org/ns/dcat#centroid")).getString()
                .replaceAll("[^0-9. ]", "").trim().split(" ");
        // Lantmäteriet puts Sweden's geographic midpoint at Flataklocken, about 16.3 E 62.4 N
        assertEquals(16.3, Double.parseDouble(centroid[0]), 0.1);
        assertEquals(62.4, Double.parseDouble(centroid[1]), 0.1);
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode node, double[] extent) {
        if (node.isArray() && node.size() == 2 && node.get(0).isNumber() && node.get(1).isNumber()) {
            extent[0] = Math.min(extent[0], node.get(0).asDouble());
            extent[1] = Math.min(extent[1], node.get(1).asDouble());
            extent[2] = Math.max(extent[2], node.get(0).asDouble());
            extent[3] = Math.max(extent[3], node.get(1).asDouble());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, extent));
        }
    }

    @Test
    void dcatApSeRulesHold() {
        org.apache.jena.rdf.model.Resource root = catalog.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type,
                org.apache.jena.vocabulary.DCAT.Catalog).next();
        assertTrue(root.hasProperty(org.apache.jena.vocabulary.DCTerms.license), "licence on the catalogue");
        for (org.apache.jena.rdf.model.Resource type : List.of(org.apache.jena.vocabulary.DCAT.Distribution,
                org.apache.jena.vocabulary.DCAT.DataService)) {
            catalog.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, type).forEachRemaining(r ->
                    assertTrue(r.hasProperty(org.apache.jena.vocabulary.DCTerms.format), "dct:format on " + r));
        }
        catalog.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, org.apache.jena.vocabulary.DCAT.Dataset)
                .forEachRemaining(d -> assertEquals(1, d.listProperties(org.apache.jena.vocabulary.DCTerms.publisher).toList().size(), d.toString()));
        catalog.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, org.apache.jena.sparql.vocabulary.FOAF.Agent)
                .forEachRemaining(a -> assertTrue(a.isURIResource() && a.hasProperty(org.apache.jena.vocabulary.DCTerms.type), a.toString()));
        catalog.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, org.apache.jena.vocabulary.VCARD4.Kind)
                .forEachRemaining(k -> assertTrue(k.isURIResource() && k.hasProperty(org.apache.jena.vocabulary.VCARD4.fn)
                        && k.hasProperty(org.apache.jena.vocabulary.VCARD4.hasEmail), k.toString()));
        for (org.apache.jena.rdf.model.Resource type : List.of(org.apache.jena.vocabulary.DCAT.Catalog,
                org.apache.jena.vocabulary.DCAT.Dataset, org.apache.jena.vocabulary.DCAT.Distribution,
                org.apache.jena.vocabulary.DCAT.DataService)) {
            catalog.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, type).forEachRemaining(r ->
                    assertTrue(r.isURIResource() && java.net.URI.create(r.getURI()).isAbsolute(), r.toString()));
        }
    }
}
