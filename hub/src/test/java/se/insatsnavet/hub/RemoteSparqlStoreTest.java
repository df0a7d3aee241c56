package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.federations.BundledExamples;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.sparql.SparqlEndpoint;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.PROV;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hub keeping its linked data in a real Fuseki server (started here on a free port, in-memory transactional
 * dataset) next to a hub on embedded TDB2 importing the same sources: the remote store must hold exactly the
 * same graphs, and every read (search, dereferencing, SPARQL, dumps, DCAT) must work from it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteSparqlStoreTest {

    @TempDir
    static Path remoteData;
    @TempDir
    static Path tdb2Data;
    @TempDir
    static Path federations;

    FusekiServer fuseki;
    Hub remote;
    Hub embedded;
    TestHttp http;
    List<String> federationIds;

    @BeforeAll
    void start() throws Exception {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        // the store's own time-out, so a runaway query of the time-out test stops on the server too
        dsg.getContext().set(ARQ.queryTimeout, "5000");
        fuseki = FusekiServer.create().port(0).loopback(true).add("/ds", dsg).build().start();
        BundledExamples.extractTo(federations);
        try (Stream<Path> dirs = Files.list(federations)) {
            federationIds = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertEquals(4, federationIds.size(), federationIds.toString());
        String url = "http://localhost:" + fuseki.getHttpPort() + "/ds";
        remote = start(HubOptions.defaults(remoteData).withSparqlStore(new HubOptions.SparqlStore(url, null, null)));
        embedded = start(HubOptions.defaults(tdb2Data));
        http = new TestHttp(remote.port());
        for (String id : federationIds) {
            assertSucceeded(remote.syncNow(id, "test"));
            assertSucceeded(embedded.syncNow(id, "test"));
        }
    }

    private Hub start(HubOptions options) throws Exception {
        return Hub.start(options.withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
    }

    @AfterAll
    void stop() throws Exception {
        if (remote != null) {
            remote.stop().get(5, TimeUnit.MINUTES);
        }
        if (embedded != null) {
            embedded.stop().get(5, TimeUnit.MINUTES);
        }
        if (fuseki != null) {
            fuseki.stop();
        }
    }

    private static void assertSucceeded(List<RunReport> runs) {
        assertFalse(runs.isEmpty());
        runs.forEach(r -> assertEquals("succeeded", r.status().label(), r.toString()));
    }

    /**
     * A graph without the hub's own publication times and run numbers (each hub stamps its own; the run that made a
     * record is numbered in the order each hub happened to run its sources, e.g. a federation's articles before or
     * after its services). That every record still names its run is checked apart ({@link #runLinks}).
     */
    private static Model withoutTimes(Model m) {
        Model copy = ModelFactory.createDefaultModel().add(m);
        copy.removeAll(null, DCTerms.modified, null);
        copy.removeAll(null, PROV.wasGeneratedBy, null);
        copy.removeAll(null, RDF.type, PROV.Activity);
        return copy;
    }

    /** How many records of a graph name the run that made them. */
    private static long runLinks(Model m) {
        return m.listStatements(null, PROV.wasGeneratedBy, (RDFNode) null).toList().size();
    }

    private void assertSameGraphs() {
        CatalogStore fusekiStore = remote.store();
        CatalogStore tdb2 = embedded.store();
        assertTrue(fusekiStore.isRemote());
        assertFalse(tdb2.isRemote());
        assertEquals(new TreeSet<>(tdb2.graphNames()), new TreeSet<>(fusekiStore.graphNames()));
        for (String g : tdb2.graphNames()) {
            Model expected = withoutTimes(tdb2.graph(g));
            Model actual = withoutTimes(fusekiStore.graph(g));
            assertTrue(expected.size() > 0, g);
            assertEquals(expected.size(), actual.size(), g);
            assertEquals(runLinks(tdb2.graph(g)), runLinks(fusekiStore.graph(g)), "records naming their run in " + g);
            assertTrue(expected.isIsomorphicWith(actual), "graph " + g + " differs from the TDB2 hub's");
        }
        assertEquals(tdb2.size(), fusekiStore.size());
    }

    @Test
    @Order(1)
    void theRemoteStoreHoldsExactlyWhatTheTdb2HubHolds() {
        assertSameGraphs();
        assertEquals(federationIds.size() + 1, remote.store().graphNames().size(), "one graph per federation and the reference graph");
    }

    @Test
    @Order(2)
    void servicesAreSearchableAndDereferenceableFromTheRemoteStore() throws Exception {
        JsonNode page = http.json("/api/services?q=arbetstr%C3%A4ning&perPage=50");
        assertTrue(page.path("total").asInt() > 0, page.toString());
        assertEquals(new TestHttp(embedded.port()).json("/api/services?q=arbetstr%C3%A4ning&perPage=50").path("total").asInt(),
                page.path("total").asInt());
        String id = page.path("items").get(0).path("id").asText();
        HttpResponse<String> turtle = http.get("/id/service/" + id, "text/turtle");
        assertEquals(200, turtle.statusCode());
        Model fromRemote = ModelFactory.createDefaultModel();
        RDFParser.fromString(turtle.body(), Lang.TURTLE).parse(fromRemote);
        Model fromTdb2 = ModelFactory.createDefaultModel();
        RDFParser.fromString(new TestHttp(embedded.port()).get("/id/service/" + id, "text/turtle").body(), Lang.TURTLE).parse(fromTdb2);
        assertTrue(fromRemote.size() > 10, turtle.body());
        assertTrue(withoutTimes(fromTdb2).isIsomorphicWith(withoutTimes(fromRemote)), "the same description as from TDB2");
        HttpResponse<String> jsonld = http.get("/id/service/" + id, "application/ld+json");
        assertEquals(200, jsonld.statusCode());
        Model fromJsonLd = ModelFactory.createDefaultModel();
        // the JSON-LD refers to the hub's published context by a path relative to the document
        RDFParser.fromString(jsonld.body(), Lang.JSONLD).base("http://localhost:" + remote.port() + "/id/service/" + id).parse(fromJsonLd);
        assertTrue(fromJsonLd.isIsomorphicWith(fromRemote));
        assertEquals(new TestHttp(embedded.port()).json("/id/service/" + id + "?format=json").path("title"),
                http.json("/id/service/" + id + "?format=json").path("title"));
        assertEquals(200, http.get("/id/concept/target-group/activity-compensation", "text/turtle").statusCode());
        assertEquals("up", http.json("/health").path("status").asText());
    }

    @Test
    @Order(3)
    void sparqlAnswersOverTheUnionOfTheGraphsInTheRemoteStore() throws Exception {
        String perGraph = "PREFIX cpsv: <http://purl.org/vocab/cpsv#> SELECT ?g (COUNT(?s) AS ?n) "
                + "WHERE { GRAPH ?g { ?s a cpsv:PublicService } } GROUP BY ?g ORDER BY ?g";
        String union = "PREFIX cpsv: <http://purl.org/vocab/cpsv#> SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a cpsv:PublicService }";
        for (String query : List.of(perGraph, union)) {
            HttpResponse<String> fromRemote = http.get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "text/csv");
            HttpResponse<String> fromTdb2 = new TestHttp(embedded.port())
                    .get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "text/csv");
            assertEquals(200, fromRemote.statusCode(), fromRemote.body());
            assertEquals(fromTdb2.body(), fromRemote.body());
        }
        String total = http.get("/sparql?query=" + URLEncoder.encode(union, StandardCharsets.UTF_8), "text/csv").body();
        assertTrue(Integer.parseInt(total.strip().split("\\R")[1].strip()) > 40, total);
        HttpResponse<String> description = http.get("/sparql", "text/turtle");
        assertEquals(200, description.statusCode());
        assertTrue(description.body().contains(HubIris.defaults().referenceGraph()), description.body());
    }

    @Test
    @Order(4)
    void thePublicEndpointKeepsItsResultCapAndTimeOutOnTheRemoteStore() {
        SparqlEndpoint capped = new SparqlEndpoint(remote.store(), 10_000, 7);
        String rows = capped.results(capped.parse("SELECT * WHERE { ?s ?p ?o }", List.of(), List.of()),
                SparqlEndpoint.ResultsSyntax.CSV).body();
        assertEquals(8, rows.strip().split("\\R").length, "a header and at most 7 rows");
        SparqlEndpoint impatient = new SparqlEndpoint(remote.store(), 200, 10_000);
        var slow = impatient.parse("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", List.of(), List.of());
        assertThrows(SparqlEndpoint.TimedOut.class, () -> impatient.results(slow, SparqlEndpoint.ResultsSyntax.JSON));
    }

    @Test
    @Order(5)
    void dumpsStreamFromTheRemoteStore() throws Exception {
        await().atMost(Duration.ofMinutes(5)).until(() -> {
            HttpResponse<byte[]> gz = http.getRaw("/dumps/catalogue.nq.gz");
            if (gz.statusCode() != 200) {
                return false;
            }
            Dataset copy = DatasetFactory.create();
            RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(gz.body()))).lang(Lang.NQUADS).parse(copy);
            return copy.asDatasetGraph().stream().count() == remote.store().size();
        });
        // the canonical JSON of every service, as the TDB2 hub writes it (apart from its own publication times)
        await().atMost(Duration.ofMinutes(5)).until(() -> items(remote).size() == services(remote)
                && items(embedded).size() == services(embedded));
        assertEquals(items(embedded), items(remote));
        for (String id : federationIds) {
            HttpResponse<byte[]> ttl = http.getRaw("/dumps/" + id + ".ttl");
            assertEquals(200, ttl.statusCode(), id);
            Model dumped = ModelFactory.createDefaultModel();
            RDFParser.source(new ByteArrayInputStream(ttl.body())).lang(Lang.TURTLE).parse(dumped);
            assertTrue(dumped.isIsomorphicWith(remote.store().graph(HubIris.defaults().federationGraph(id))), id);
        }
    }

    private static int services(Hub hub) {
        return new TestHttp(hub.port()).json("/api/services?perPage=1&status=all").path("total").asInt();
    }

    /** The lines of a hub's services.ndjson dump without the hub's own {@code modified} times. */
    private static List<String> items(Hub hub) throws Exception {
        HttpResponse<byte[]> r = new TestHttp(hub.port()).getRaw("/dumps/services.ndjson");
        List<String> lines = new ArrayList<>();
        if (r.statusCode() == 200) {
            for (String line : new String(r.body(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    com.fasterxml.jackson.databind.node.ObjectNode item = (com.fasterxml.jackson.databind.node.ObjectNode) TestHttp.JSON.readTree(line);
                    item.remove("modified");
                    lines.add(item.toString());
                }
            }
        }
        return lines;
    }

    @Test
    @Order(6)
    void theDcatCatalogueIsServedFromTheRemoteStore() {
        HttpResponse<String> catalog = http.get("/catalog", "text/turtle");
        assertEquals(200, catalog.statusCode());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(catalog.body())).lang(Lang.TURTLE).parse(m);
        Set<String> datasets = new TreeSet<>();
        m.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, org.apache.jena.vocabulary.DCAT.Dataset)
                .forEachRemaining(r -> datasets.add(r.getURI()));
        for (String id : federationIds) {
            assertTrue(datasets.contains(HubIris.defaults().federationDataset(id)), datasets.toString());
        }
    }

    @Test
    @Order(7)
    void aBackupOnARemoteStoreHoldsTheDatabaseAndSaysTheStoreBacksUpTheGraphs() throws Exception {
        String admin = remote.tokens().create(null, "backup test").secret();
        HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + remote.port() + "/admin/backup"))
                .header("Authorization", "Bearer " + admin).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = TestHttp.JSON.readTree(r.body());
        assertTrue(answer.path("catalogue").asText().contains("backs up its own data"), r.body());
        assertFalse(answer.has("quads"), r.body());
        assertTrue(answer.path("database").asBoolean(), r.body());
        Path dir = Path.of(answer.path("backup").asText());
        assertTrue(Files.isRegularFile(dir.resolve("database.zip")));
        assertFalse(Files.exists(dir.resolve("catalogue.nq.gz")));
    }

    @Test
    @Order(8)
    void aReimportWithAChangedAndADeletedRecordLeavesTheRemoteStoreExactlyRight() throws Exception {
        Path csv = federations.resolve("centrala-ostergotland").resolve("insatser.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
        // sco-003 gets a new description; sco-006 a new provider (the old one is linked from nothing any more);
        // sco-007 goes, and with it its provider, which no other service has
        assertTrue(lines.removeIf(l -> l.startsWith("sco-007;")));
        lines.replaceAll(l -> l.startsWith("sco-003;") ? l.replace("Du får en egen coach", "Du får en egen coach, även på kvällar")
                : l.startsWith("sco-006;") ? l.replace("Region Östergötland, Psykiatrin", "Region Östergötland, Vuxenpsykiatrin") : l);
        Files.write(csv, lines, StandardCharsets.UTF_8);
        Model before = remote.store().graph(HubIris.defaults().federationGraph("centrala-ostergotland"));
        assertTrue(before.listObjects().toList().stream().anyMatch(o -> o.isLiteral()
                && o.asLiteral().getLexicalForm().equals("Kinda kommun, Arbetsmarknadsenheten")), "sco-007's own provider");

        RunReport run = remote.syncNow("centrala-ostergotland", "test").get(0);
        assertEquals(2, run.counts().updated(), run.toString());
        assertEquals(1, run.counts().deleted(), run.toString());
        assertSucceeded(embedded.syncNow("centrala-ostergotland", "test"));

        assertSameGraphs();
        Model after = remote.store().graph(HubIris.defaults().federationGraph("centrala-ostergotland"));
        assertTrue(after.size() < before.size());
        assertFalse(after.listObjects().toList().stream().anyMatch(o -> o.isLiteral()
                && o.asLiteral().getLexicalForm().equals("Kinda kommun, Arbetsmarknadsenheten")), "the orphaned provider is gone");
        assertTrue(after.listObjects().toList().stream().anyMatch(o -> o.isLiteral()
                && o.asLiteral().getLexicalForm().contains("även på kvällar")));
        assertEquals(410, http.get("/id/service/centrala-ostergotland.sco-007", "text/turtle").statusCode());
        assertTrue(http.json("/id/service/centrala-ostergotland.sco-003?format=json").path("description").path("sv").asText()
                .contains("även på kvällar"));
    }
}
