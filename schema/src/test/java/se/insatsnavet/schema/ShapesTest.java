package se.insatsnavet.schema;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;
import se.insatsnavet.schema.vocab.HubIris;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShapesTest {

    @Test
    void theHubShapesLoadAndNameTheConfiguredBase() {
        assertFalse(Shapes.hub().getTargetShapes().isEmpty());
        Model m = Shapes.hubModel(HubIris.of("https://hub.example.org/"));
        assertTrue(m.containsResource(m.createResource("https://hub.example.org/id/concept/target-group")));
    }

    @Test
    void theOfficialCpsvApExampleFailsUntilCodeListIrisAreTyped() {
        var dir = TestSupport.cpsvApOrSkip();
        Model data = ModelFactory.createDefaultModel();
        RDFParser.source(dir.resolve("html/examples/example-rdf_public_service.ttl")).parse(data);
        var shapes = Shapes.cpsvAp(dir);
        ShaclCheck.Result r = ShaclCheck.validate(data, shapes);
        assertFalse(r.conforms(), "the known trap disappeared?");
        assertFalse(r.messages().isEmpty());
    }

    @Test
    void theJsonLdContextMapsTermsToTheVocabulary() throws Exception {
        String context;
        try (InputStream in = getClass().getResourceAsStream(Vocabulary.CONTEXT_RESOURCE)) {
            context = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String ctx = context.substring(context.indexOf('{', 1), context.lastIndexOf('}'));
        String doc = "{ \"@context\": " + ctx + ", \"id\": \"http://localhost:8080/id/service/f.x\","
                + " \"type\": \"PublicService\", \"title\": { \"sv\": \"Titel\" },"
                + " \"targetGroup\": [\"http://localhost:8080/id/concept/target-group/sick-leave\"], \"minAge\": 16 }";
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(doc, Lang.JSONLD).parse(m);
        var s = m.createResource("http://localhost:8080/id/service/f.x");
        assertTrue(s.hasProperty(DCTerms.title, m.createLiteral("Titel", "sv")), () -> m.toString());
        assertTrue(s.hasProperty(se.insatsnavet.schema.vocab.INSV.targetGroup,
                m.createResource("http://localhost:8080/id/concept/target-group/sick-leave")));
        assertTrue(s.hasProperty(se.insatsnavet.schema.vocab.INSV.minAge));
        assertTrue(s.hasProperty(org.apache.jena.vocabulary.RDF.type, se.insatsnavet.schema.vocab.CPSV.PublicService));
    }
}
