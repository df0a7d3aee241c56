package se.insatsnavet.hub;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.schema.ShaclCheck;
import se.insatsnavet.schema.vocab.AS;
import se.insatsnavet.schema.vocab.LDES;
import se.insatsnavet.schema.vocab.TREE;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service event stream ({@code /ldes}) as LDES clients and DIGG's conventions expect it: a {@code tree:shape}
 * described on the first page (its members conform to it), a view description, and TriG / N-Quads with each
 * service's description in the named graph of its newest member.
 */
class ServiceEventStreamQuadsTest {

    @TempDir
    Path data;
    @TempDir
    Path federations;
    Hub hub;
    TestHttp http;

    @BeforeEach
    void startHub() throws Exception {
        Path dir = Files.createDirectories(federations.resolve("alfa"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "alfa", "name": {"sv": "Samordningsförbundet Alfa"}, "municipalities": ["0580"],
                 "sources": [{"id": "main", "kind": "file", "location": "services.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Beskrivning"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        csv("Id;Namn;Beskrivning\na1;Jobbcoach;Stöd till arbete.\na2;Studiecirkel \"Vägen\";Stöd till studier.\n");
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(0, 10).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        hub.syncNow("alfa", "test");
        csv("Id;Namn;Beskrivning\na1;Jobbcoach på kvällen;Stöd till arbete.\na2;Studiecirkel \"Vägen\";Stöd till studier.\n");
        hub.syncNow("alfa", "test");
    }

    private void csv(String text) throws Exception {
        Files.writeString(federations.resolve("alfa").resolve("services.csv"), text, StandardCharsets.UTF_8);
    }

    @AfterEach
    void stopHub() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    private Dataset read(String accept, Lang lang) {
        HttpResponse<String> r = http.get("/ldes", accept);
        assertEquals(200, r.statusCode(), r.body());
        Dataset d = DatasetFactory.create();
        RDFParser.fromString(r.body(), lang).parse(d);
        return d;
    }

    @Test
    void eachServicesDescriptionIsTheNamedGraphOfItsNewestMember() {
        for (Lang lang : List.of(Lang.TRIG, Lang.NQUADS)) {
            Dataset d = read(lang.getHeaderString(), lang);
            Model m = d.getDefaultModel();
            Map<String, String> titles = new TreeMap<>();
            m.listObjectsOfProperty(TREE.member).forEachRemaining(o -> {
                Resource member = o.asResource();
                String service = member.getPropertyResourceValue(AS.object).getURI();
                Model graph = d.getNamedModel(member.getURI());
                if (!graph.isEmpty()) {
                    titles.put(service, graph.getResource(service).getProperty(DCTerms.title, "sv").getString());
                }
            });
            String base = hub.options().baseUri();
            assertEquals(Map.of(base + "id/service/alfa.a1", "Jobbcoach på kvällen", base + "id/service/alfa.a2",
                    "Studiecirkel \"Vägen\""), titles, lang.getName());
            assertFalse(m.contains(null, DCTerms.title, "Jobbcoach på kvällen", "sv"), "no description in the default graph");
        }
    }

    @Test
    void theStreamHasAShapeItsMembersConformToAndAViewDescription() {
        Model m = read("text/turtle", Lang.TURTLE).getDefaultModel();
        String base = hub.options().baseUri();
        Resource stream = m.getResource(base + "ldes");
        Resource shape = stream.getPropertyResourceValue(TREE.shape);
        assertEquals(base + "ldes#ActivityShape", shape.getURI());
        Resource view = stream.getPropertyResourceValue(TREE.view);
        Resource description = view.getPropertyResourceValue(TREE.viewDescription);
        assertTrue(description.hasProperty(RDF.type, TREE.ViewDescription));
        assertTrue(description.getPropertyResourceValue(LDES.retentionPolicy).hasProperty(RDF.type, LDES.LatestVersionSubset));
        ShaclCheck.Result result = ShaclCheck.validate(m, Shapes.parse(m));
        assertEquals(List.of(), result.messages());
        assertTrue(result.conforms());
        assertEquals(3, m.listObjectsOfProperty(TREE.member).toList().size(), "two creates and one update");
        // a member whose object is not an IRI does not conform
        Model broken = ModelFactory.createDefaultModel().add(m);
        broken.createResource(base + "ldes/event/999").addProperty(RDF.type, AS.Update)
                .addProperty(AS.object, "alfa.a1").addProperty(AS.published, "yesterday");
        assertFalse(ShaclCheck.validate(broken, Shapes.parse(m)).conforms());
    }
}
