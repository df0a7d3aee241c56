package se.insatsnavet.hub;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.schema.ShaclCheck;
import se.insatsnavet.schema.vocab.AS;
import se.insatsnavet.schema.vocab.TREE;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A harvester following the hub's LDES DCAT-AP feed by DIGG's rules ({@link LdesDcatReplay}, checked against
 * DIGG's own cases in {@link DiggLdesTestCasesTest}) ends with exactly the catalogue {@code /catalog} serves,
 * after the first import and again after a change; every member conforms to SEMIC's LDES DCAT-AP shape.
 */
class CatalogFeedTest {

    private static final String HEADER = "Id;Namn;Beskrivning\n";

    @TempDir
    Path data;
    @TempDir
    Path federations;
    Hub hub;
    TestHttp http;
    final LdesDcatReplay replay = new LdesDcatReplay(ModelFactory.createDefaultModel());
    final List<Dataset> pages = new ArrayList<>();
    String lastPage = "/catalog/feed";

    @BeforeEach
    void startHub() throws Exception {
        Path dir = Files.createDirectories(federations.resolve("alfa"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "alfa", "name": {"sv": "Samordningsförbundet Alfa"}, "municipalities": ["0580"],
                 "contact": {"name": "Kansliet", "email": "kansliet@alfa.example"},
                 "sources": [{"id": "main", "kind": "file", "location": "services.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Beskrivning"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        write(HEADER + "a1;Jobbcoach;Stöd till arbete.\na2;Studiecirkel;Stöd till studier.\n");
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(0, 10).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
    }

    @AfterEach
    void stopHub() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    private void write(String csv) throws Exception {
        Files.writeString(federations.resolve("alfa").resolve("services.csv"), csv, StandardCharsets.UTF_8);
    }

    /** Follows the feed from the last page read, applying every new member. */
    private void follow() {
        String next = lastPage;
        while (next != null) {
            lastPage = next;
            HttpResponse<String> r = http.get(next, "application/trig");
            assertEquals(200, r.statusCode(), next + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/trig"));
            Dataset page = DatasetFactory.create();
            RDFParser.fromString(r.body(), Lang.TRIG).parse(page);
            pages.add(page);
            replay.apply(page);
            List<Resource> relations = page.getDefaultModel().listObjectsOfProperty(TREE.relation)
                    .mapWith(org.apache.jena.rdf.model.RDFNode::asResource).toList();
            next = relations.isEmpty() ? null : relations.get(0).getPropertyResourceValue(TREE.node).getURI()
                    .replaceFirst("^https?://[^/]+", "");
        }
    }

    private Model catalog() {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(http.get("/catalog", "text/turtle").body(), Lang.TURTLE).parse(m);
        return m;
    }

    /** The replay equals the catalogue (the dumps are rebuilt in the background: until they settle). */
    private void awaitReplayEqualsCatalogue() {
        await().atMost(Duration.ofMinutes(5)).until(() -> {
            follow();
            return replay.state.isIsomorphicWith(catalog());
        });
    }

    @Test
    void aHarvesterReplayingTheFeedEndsWithExactlyTheCatalogueBeforeAndAfterAChange() throws Exception {
        hub.syncNow("alfa", "test");
        awaitReplayEqualsCatalogue();
        String dataset = se.insatsnavet.schema.vocab.HubIris.of(hub.options().baseUri()).federationDataset("alfa");
        assertTrue(replay.added.contains(dataset), "the federation's dataset was created: " + replay.added);
        String guidance = se.insatsnavet.schema.vocab.HubIris.of(hub.options().baseUri()).guidanceDataset();
        assertTrue(replay.added.contains(guidance), "the guidance articles' dataset was created: " + replay.added);
        assertTrue(replay.state.contains(replay.state.getResource(guidance), org.apache.jena.vocabulary.DCAT.distribution,
                replay.state.getResource(guidance + "#json")));
        assertTrue(replay.state.contains(replay.state.getResource(dataset), org.apache.jena.vocabulary.DCTerms.temporal));

        write(HEADER + "a1;Jobbcoach;Stöd till arbete, även kvällar.\na3;Praktik;Prova på ett jobb.\n");
        hub.syncNow("alfa", "test");
        awaitReplayEqualsCatalogue();
        assertTrue(pages.stream().anyMatch(p -> p.getDefaultModel().listSubjectsWithProperty(AS.object,
                p.getDefaultModel().getResource(dataset)).filterKeep(a -> a.hasProperty(org.apache.jena.vocabulary.RDF.type,
                AS.Update)).hasNext()), "an as:Update of the dataset: its period of time moved on");

        // nothing changed: no new member
        int before = countMembers();
        follow();
        assertEquals(before, countMembers());
    }

    private int countMembers() {
        return (int) pages.stream().flatMap(p -> p.getDefaultModel().listObjectsOfProperty(TREE.member).toList().stream())
                .map(o -> o.asResource().getURI()).distinct().count();
    }

    @Test
    void everyMemberConformsToSemicsLdesDcatApShape() {
        Path semic = SharedFolder.require("standards/ldes-dcat-ap/semic-shape.ttl");
        Path dcatAp = SharedFolder.require("standards/dcat-ap-3.0.1/html/shacl/shapes.ttl");
        Model shapesGraph = ModelFactory.createDefaultModel();
        RDFDataMgr.read(shapesGraph, semic.toString());
        shapesGraph.removeAll(null, OWL.imports, null); // the import is the published DCAT-AP shapes: read locally
        RDFDataMgr.read(shapesGraph, dcatAp.toString());
        Shapes shapes = Shapes.parse(shapesGraph);
        hub.syncNow("alfa", "test");
        follow();
        int members = 0;
        for (Dataset page : pages) {
            Model m = page.getDefaultModel();
            for (Resource member : m.listObjectsOfProperty(TREE.member).mapWith(o -> o.asResource()).toList()) {
                Model data = ModelFactory.createDefaultModel().add(member.listProperties())
                        .add(page.getNamedModel(member.getURI()));
                ShaclCheck.Result result = ShaclCheck.validate(data, shapes);
                assertEquals(List.of(), result.messages(), member + " (" + member.getPropertyResourceValue(AS.object) + ")");
                assertTrue(result.conforms());
                members++;
            }
        }
        assertTrue(members > 20, "catalogue, datasets, distributions, services, agents, contacts, licence: " + members);
        Model first = pages.get(0).getDefaultModel();
        assertTrue(first.contains(first.getResource(hub.options().baseUri() + "catalog/feed"), TREE.shape,
                first.getResource("https://semiceu.github.io/LDES-DCAT-AP-feeds/shape.ttl#ActivityShape")));
    }

    @Test
    void theCatalogueLinksTheFeedWhichSpeaksTrigAndNQuadsOnly() {
        Model catalog = catalog();
        assertTrue(catalog.contains(null, RDFS.seeAlso, catalog.getResource(hub.options().baseUri() + "catalog/feed")));
        HttpResponse<String> nq = http.get("/catalog/feed", "application/n-quads");
        assertEquals(200, nq.statusCode());
        Dataset d = DatasetFactory.create();
        RDFParser.fromString(nq.body(), Lang.NQUADS).parse(d);
        String member = d.getDefaultModel().listObjectsOfProperty(TREE.member).next().asResource().getURI();
        assertTrue(d.containsNamedModel(member), "a member's description is its named graph");
        HttpResponse<String> one = http.get(member.replaceFirst("^https?://[^/]+", ""), "application/trig");
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(one.body().contains("activitystreams"), one.body());
        assertEquals(406, http.get("/catalog/feed", "text/turtle").statusCode());
        assertEquals(400, http.get("/catalog/feed?after=x", "application/trig").statusCode());
        assertEquals(404, http.get("/catalog/feed/event/99999", "application/trig").statusCode());
    }
}
