package se.insatsnavet.hub;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.schema.ShaclCheck;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DCAT catalogue conforms to DCAT-AP 3.0.1's shapes and DCAT-AP-SE's extra rules. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DcatCatalogTest {

    @TempDir
    static Path data;
    Hub hub;
    TestHttp http;

    @BeforeAll
    void startHub() throws Exception {
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withImportOnStart(false))
                .toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
    }

    @AfterAll
    void stopHub() throws Exception {
        hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
    }

    private Model catalog(String path, String accept, Lang lang) {
        HttpResponse<String> r = http.get(path, accept);
        assertEquals(200, r.statusCode(), r.body());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), lang).parse(m);
        return m;
    }

    @Test
    void theGuidanceArticlesAreADatasetOfTheirOwnWithTheirDistributions() {
        Model m = catalog("/catalog", "text/turtle", Lang.TURTLE);
        se.insatsnavet.schema.vocab.HubIris iris = se.insatsnavet.schema.vocab.HubIris.of(hub.options().baseUri());
        org.apache.jena.rdf.model.Resource guidance = m.getResource(iris.guidanceDataset());
        assertTrue(m.contains(m.getResource(iris.catalog()), DCAT.dataset, guidance));
        assertEquals("Vägledning i Insatsnavet", guidance.getProperty(org.apache.jena.vocabulary.DCTerms.title, "sv").getString());
        assertEquals("Guidance in Insatsnavet", guidance.getProperty(org.apache.jena.vocabulary.DCTerms.title, "en").getString());
        assertEquals(m.getResource(iris.organisation("insatsnavet")),
                guidance.getPropertyResourceValue(org.apache.jena.vocabulary.DCTerms.publisher));
        java.util.Set<String> accessUrls = new java.util.TreeSet<>();
        guidance.listProperties(DCAT.distribution).forEachRemaining(d ->
                accessUrls.add(d.getResource().getPropertyResourceValue(DCAT.accessURL).getURI()));
        assertEquals(new java.util.TreeSet<>(java.util.List.of(iris.endpoint("api/articles"), iris.endpoint("sparql"),
                iris.endpoint("dumps/articles.ndjson"),
                iris.endpoint("api/search") + "?kind=vagval&kind=story&kind=question&kind=situation-guide")), accessUrls);
        assertTrue(m.contains(m.getResource(iris.catalogPart("sparql")), DCAT.servesDataset, guidance));
        assertEquals(200, http.get("/schema/article.schema.json", null).statusCode(), "its conformsTo dereferences");
    }

    @Test
    void theCatalogueConformsToTheDcatAp301Shapes() {
        Path shacl = SharedFolder.require("standards/dcat-ap-3.0.1/html/shacl");
        Model shapes = ModelFactory.createDefaultModel();
        RDFDataMgr.read(shapes, shacl.resolve("shapes.ttl").toString());
        RDFDataMgr.read(shapes, shacl.resolve("range.ttl").toString());
        Model m = catalog("/catalog", "text/turtle", Lang.TURTLE);
        ShaclCheck.Result result = ShaclCheck.validate(m, org.apache.jena.shacl.Shapes.parse(shapes));
        assertTrue(result.conforms(), String.join("\n", result.messages()));
    }

    @Test
    void controlledVocabulariesAreTheEuOnesTheMdrShapesExpect() {
        Path shacl = SharedFolder.require("standards/dcat-ap-3.0.1/html/shacl");
        Model shapes = ModelFactory.createDefaultModel();
        RDFDataMgr.read(shapes, shacl.resolve("mdr-vocabularies.shape.ttl").toString());
        Model m = catalog("/catalog", "text/turtle", Lang.TURTLE);
        ShaclCheck.Result result = ShaclCheck.validate(m, org.apache.jena.shacl.Shapes.parse(shapes));
        // ChecksumAlgorithmRestriction wants "https://spdx.org/rdf/terms…": the algorithm is named so, owl:sameAs
        // SPDX's own http://spdx.org/rdf/terms#checksumAlgorithm_sha256
        java.util.List<String> violations = result.messages().stream().filter(msg -> msg.startsWith("[Violation]")).toList();
        org.apache.jena.rdf.model.Resource sha256 = m.getResource("https://spdx.org/rdf/terms#checksumAlgorithm_sha256");
        assertTrue(m.contains(sha256, org.apache.jena.vocabulary.RDF.type,
                m.getResource("http://spdx.org/rdf/terms#ChecksumAlgorithm")), "the class part of the restriction holds");
        assertTrue(violations.isEmpty(), String.join("\n", violations));
        // the only warnings allowed: publishers are Swedish federations and agencies, not EU corporate bodies
        java.util.List<String> otherWarnings = result.messages().stream()
                .filter(msg -> !msg.startsWith("[Violation]") && !msg.contains("publisher")).toList();
        assertTrue(otherWarnings.isEmpty(), String.join("\n", otherWarnings));
    }

    @Test
    void itHasTheNationalDatasetOnePerFederationTheGuidanceAndTheUsageStatisticsWithoutBlankNodes() {
        Model m = catalog("/catalog", "text/turtle", Lang.TURTLE);
        assertEquals(1 + 4 + 1 + 1, m.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList().size());
        assertTrue(m.contains(m.getResource(se.insatsnavet.schema.vocab.HubIris.of(hub.options().baseUri()).usageDataset()),
                DCAT.distribution, m.getResource(se.insatsnavet.schema.vocab.HubIris.of(hub.options().baseUri()).usageDataset() + "#csv")));
        assertTrue(m.listSubjectsWithProperty(RDF.type, DCAT.DataService).toList().size() >= 1);
        // DCAT-AP-SE: no blank nodes for catalogue, dataset, distribution, publisher or contact (checksums and
        // periods of time are blank nodes of the distribution or dataset they describe)
        java.util.Set<org.apache.jena.rdf.model.Property> inline = java.util.Set.of(m.createProperty("http://spdx.org/rdf/terms#checksum"),
                org.apache.jena.vocabulary.DCTerms.temporal);
        m.listStatements().forEachRemaining(s -> {
            assertFalse(s.getObject().isAnon() && !inline.contains(s.getPredicate()), "blank node object: " + s);
            assertFalse(s.getSubject().isAnon() && !m.contains(null, null, s.getSubject()), "unreferenced blank node: " + s);
        });
        m.listSubjectsWithProperty(RDF.type, DCAT.Distribution).forEachRemaining(d ->
                assertTrue(d.hasProperty(org.apache.jena.vocabulary.DCTerms.format), "dct:format on " + d));
        m.listSubjectsWithProperty(RDF.type, DCAT.Dataset).forEachRemaining(d ->
                assertEquals(1, d.listProperties(org.apache.jena.vocabulary.DCTerms.publisher).toList().size(), "one publisher: " + d));
    }

    @Test
    void theHarvestedPathServesRdfXml() {
        // the catalogue lists the dumps, which the hub writes in the background after start: compare a
        // catalogue that stayed the same between two reads
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            Model before = catalog("/catalog", "text/turtle", Lang.TURTLE);
            Model xml = catalog("/datasets/dcat", "application/rdf+xml", Lang.RDFXML);
            Model after = catalog("/catalog", "text/turtle", Lang.TURTLE);
            return before.isIsomorphicWith(after) && xml.isIsomorphicWith(after);
        });
    }
}
