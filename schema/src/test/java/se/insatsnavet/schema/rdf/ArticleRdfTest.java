package se.insatsnavet.schema.rdf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import se.insatsnavet.schema.json.JsonSchemas;
import se.insatsnavet.schema.json.SchemaProblem;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.INSV;
import se.insatsnavet.schema.vocab.SDO;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleRdfTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HubIris IRIS = HubIris.defaults();
    private static final ServiceContext CTX =
            new ServiceContext(IRIS, "ostra", "artiklar", 3, Instant.parse("2026-03-01T09:00:00Z"));

    private final ArticleRdf rdf = ArticleRdf.of(IRIS);

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void articleIrisCarryTheFederationAndCannotBeMistakenForServiceIds() {
        assertEquals("http://localhost:8080/id/article/ostra/fraga-1", IRIS.article("ostra", "fraga-1"));
        assertEquals("ostra/fraga-1", HubIris.articleId("ostra", "fraga-1"));
        assertEquals("ostra", HubIris.federationIdOfArticle("ostra/fraga-1"));
        assertEquals("fraga-1", HubIris.localIdOfArticle("ostra/fraga-1"));
        assertEquals("ostra/fraga-1", IRIS.articleIdOf("http://localhost:8080/id/article/ostra/fraga-1").orElseThrow());
        assertTrue(IRIS.articleIdOf("http://localhost:8080/id/article/ostra/fraga-1#answer").isEmpty());
        assertTrue(IRIS.articleIdOf(IRIS.service("ostra.fraga-1")).isEmpty());
        assertFalse(HubIris.isArticleId("ostra.fraga-1"));
    }

    @Test
    void aQuestionIsAnFaqPageWithItsQuestionAndAcceptedAnswerAndRoundTrips() throws Exception {
        ObjectNode article = json("""
                { "id": "fraga-1", "kind": "question", "title": "Kan jag behålla ersättningen?",
                  "question": "Förlorar jag min aktivitetsersättning om jag börjar arbetsträna?",
                  "answer": "Nej. Arbetsträning i en insats påverkar inte ersättningen.",
                  "easyText": "Du får behålla pengarna när du tränar på att jobba.",
                  "services": ["steg-1"], "situations": ["aktivitetsersattning"],
                  "targetGroups": ["activity-compensation"], "methods": ["work-training"],
                  "municipalities": ["0512", "0580"], "published": "2026-01-10", "modified": "2026-02-01",
                  "url": "https://valfardsguiden.example/fragor/1" }""");
        assertTrue(JsonSchemas.article().validate(article).isEmpty(), JsonSchemas.article().validate(article).toString());

        Model m = rdf.toRdf(article, CTX);
        Resource a = m.createResource(IRIS.article("ostra", "fraga-1"));
        assertTrue(a.hasProperty(RDF.type, INSV.GuidanceArticle));
        assertTrue(a.hasProperty(RDF.type, SDO.FAQPage));
        assertTrue(a.hasProperty(INSV.articleKind, m.createResource(IRIS.concept("article-kind", "question"))));
        Resource question = a.getPropertyResourceValue(SDO.mainEntity);
        assertEquals(IRIS.article("ostra", "fraga-1") + "#question", question.getURI());
        assertTrue(question.hasProperty(RDF.type, SDO.Question));
        assertEquals("Förlorar jag min aktivitetsersättning om jag börjar arbetsträna?", question.getProperty(SDO.name).getString());
        Resource answer = question.getPropertyResourceValue(SDO.acceptedAnswer);
        assertTrue(answer.hasProperty(RDF.type, SDO.Answer));
        assertEquals("Nej. Arbetsträning i en insats påverkar inte ersättningen.", answer.getProperty(SDO.text).getString());
        assertEquals("sv", answer.getProperty(SDO.text).getLanguage());
        Resource easy = a.getPropertyResourceValue(INSV.easyToRead);
        assertTrue(easy.hasProperty(DCTerms.conformsTo, INSV.EasyToReadSwedish));
        assertEquals("Du får behålla pengarna när du tränar på att jobba.", easy.getProperty(SDO.text).getString());
        assertTrue(a.hasProperty(INSV.aboutService, m.createResource(IRIS.service("ostra.steg-1"))));
        assertTrue(a.hasProperty(INSV.situation, m.createResource(IRIS.concept("situation", "aktivitetsersattning"))));
        assertTrue(a.hasProperty(DCTerms.spatial, m.createResource(IRIS.municipality("0580"))));
        assertTrue(m.listStatements().toList().stream().noneMatch(s -> s.getSubject().isAnon() || s.getObject().isAnon()),
                "no blank nodes");

        assertEquals(article, rdf.fromRdf(m, IRIS.article("ostra", "fraga-1")).orElseThrow());
    }

    @Test
    void aSituationGuideIsAHowToWithItsStepsInOrder() throws Exception {
        ObjectNode article = json("""
                { "id": "guide-sjuk", "kind": "situation-guide", "title": "Om du är sjukskriven",
                  "text": "Så här hänger det ihop.",
                  "steps": [ { "title": "Prata med läkaren", "text": "Läkaren skriver intyget." },
                             { "title": "Ansök hos Försäkringskassan", "text": "Du ansöker om sjukpenning." },
                             { "title": "Fråga om samordning", "text": "Be om ett möte med alla parter." } ],
                  "situations": ["sjukskriven"] }""");
        Model m = rdf.toRdf(article, CTX);
        Resource a = m.createResource(IRIS.article("ostra", "guide-sjuk"));
        assertTrue(a.hasProperty(RDF.type, SDO.HowTo));
        Resource third = m.createResource(IRIS.article("ostra", "guide-sjuk") + "#step-3");
        assertTrue(a.hasProperty(SDO.step, third));
        assertTrue(third.hasProperty(RDF.type, SDO.HowToStep));
        assertEquals(3, third.getProperty(SDO.position).getInt());
        assertEquals("Fråga om samordning", third.getProperty(SDO.name).getString());
        assertEquals(article, rdf.fromRdf(m, a.getURI()).orElseThrow());
    }

    @Test
    void storiesAndVagvalTextsAreSchemaOrgArticles() throws Exception {
        ObjectNode story = json("""
                { "id": "berattelse-1", "kind": "story", "title": "Amirs väg till jobbet", "text": "Jag kom hit 2019." }""");
        Model m = rdf.toRdf(story, CTX);
        Resource a = m.createResource(IRIS.article("ostra", "berattelse-1"));
        assertTrue(a.hasProperty(RDF.type, SDO.Article));
        assertEquals("Jag kom hit 2019.", a.getProperty(SDO.articleBody).getString());
        assertEquals("ostra/berattelse-1", a.getProperty(DCTerms.identifier).getString());
    }

    @Test
    void theSchemaRejectsAQuestionWithoutAnswerAndUnknownFields() throws Exception {
        List<SchemaProblem> problems = JsonSchemas.article().validate(json("""
                { "id": "q", "kind": "question", "title": "T", "question": "Varför?", "colour": "blå" }"""));
        assertTrue(problems.stream().anyMatch(p -> p.toString().contains("answer")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.toString().contains("colour")), problems.toString());
        assertFalse(JsonSchemas.article().validate(json("""
                { "id": "g", "kind": "situation-guide", "title": "T" }""")).isEmpty(), "a guide needs steps");
        assertFalse(JsonSchemas.article().validate(json("""
                { "id": "g", "kind": "recipe", "title": "T", "text": "x" }""")).isEmpty(), "unknown kind");
    }
}
