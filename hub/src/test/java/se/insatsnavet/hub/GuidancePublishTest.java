package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunStatus;
import se.insatsnavet.schema.vocab.INSV;
import se.insatsnavet.schema.vocab.SDO;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guidance articles published like everything else: their IRIs by content negotiation (schema.org JSON-LD with an
 * FAQPage and a HowTo, the stored graph in Turtle, N-Triples and RDF/XML, HTML a 303 to the escaped public page, ETag/304, 404, 410),
 * {@code /api/articles} with its filters (and a 400 naming an unknown parameter), {@code /changes} with the record
 * type, the dumps and SPARQL.
 */
class GuidancePublishTest {

    private static final String ARTICLES = """
            [ {"id": "fraga-1", "kind": "question", "title": "Kostar det <något> & vad?",
               "question": "Kostar det något att vara med?", "answer": "Nej, det är gratis.",
               "services": ["s1"], "situations": ["aktivitetsersattning"]},
              {"id": "guide-sjuk", "kind": "situation-guide", "title": "Om du är sjukskriven",
               "text": "Så hänger det ihop.",
               "steps": [{"title": "Prata med din läkare", "text": "Läkaren skriver ett intyg."},
                         {"title": "Ansök om sjukpenning", "text": "Du ansöker hos Försäkringskassan."}],
               "situations": ["sjukskriven"], "services": ["s1"]},
              {"id": "saras-vag", "kind": "story", "title": "Saras väg", "text": "Jag var sjukskriven i två år.",
               "easyText": "Sara var sjuk länge. Nu jobbar hon."} ]
            """;

    @TempDir
    Path data;
    @TempDir
    Path federations;
    Hub hub;
    TestHttp http;
    Path alfa;

    @BeforeEach
    void start() throws Exception {
        alfa = Files.createDirectories(federations.resolve("alfa"));
        Files.writeString(alfa.resolve("federation.json"), """
                {"id": "alfa", "name": {"sv": "Samordningsförbundet Alfa"}, "municipalities": ["0580"],
                 "sources": [
                  {"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"},
                               "defaults": {"municipalities": "$federation.municipalities"}}},
                  {"id": "artiklar", "kind": "file", "location": "artiklar.json", "format": "json", "records": "articles"}
                 ]}
                """, StandardCharsets.UTF_8);
        Files.writeString(alfa.resolve("lista.csv"), "Id;Namn;Text\ns1;Jobbspåret;Stöd till arbete.\n", StandardCharsets.UTF_8);
        Files.writeString(alfa.resolve("artiklar.json"), ARTICLES, StandardCharsets.UTF_8);
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(0, 10).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        for (RunReport run : hub.syncNow("alfa", "test")) {
            assertEquals(RunStatus.SUCCEEDED, run.status(), run.toString());
        }
    }

    @AfterEach
    void stop() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    private static Model parse(String body, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).lang(lang).parse(m);
        return m;
    }

    @Test
    void aQuestionsIriIsAnFaqPageInJsonLdAndItsStoredGraphInTheRdfFormats() throws Exception {
        String iri = "http://localhost:8080/id/article/alfa/fraga-1";
        HttpResponse<String> jsonLd = http.get("/id/article/alfa/fraga-1", "application/ld+json");
        assertEquals(200, jsonLd.statusCode());
        assertEquals("Accept", jsonLd.headers().firstValue("Vary").orElse(""));
        JsonNode faq = TestHttp.JSON.readTree(jsonLd.body());
        assertEquals("https://schema.org", faq.path("@context").asText());
        assertEquals("FAQPage", faq.path("@type").asText());
        assertEquals(iri, faq.path("@id").asText());
        assertEquals("Question", faq.path("mainEntity").path("@type").asText());
        assertEquals("Kostar det något att vara med?", faq.path("mainEntity").path("name").asText());
        assertEquals("Answer", faq.path("mainEntity").path("acceptedAnswer").path("@type").asText());
        assertEquals("Nej, det är gratis.", faq.path("mainEntity").path("acceptedAnswer").path("text").asText());
        assertEquals("http://localhost:8080/id/service/alfa.s1", faq.path("about").get(0).path("@id").asText());

        for (var format : List.of(new Object[]{"text/turtle", Lang.TURTLE}, new Object[]{"application/n-triples", Lang.NTRIPLES},
                new Object[]{"application/rdf+xml", Lang.RDFXML})) {
            HttpResponse<String> r = http.get("/id/article/alfa/fraga-1", (String) format[0]);
            assertEquals(200, r.statusCode(), format[0].toString());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith((String) format[0]));
            Model m = parse(r.body(), (Lang) format[1]);
            var article = m.createResource(iri);
            assertTrue(m.contains(article, org.apache.jena.vocabulary.RDF.type, SDO.FAQPage), format[0].toString());
            assertTrue(m.contains(article, org.apache.jena.vocabulary.RDF.type, INSV.GuidanceArticle));
            assertEquals("Nej, det är gratis.", m.createResource(iri + "#answer").getProperty(SDO.text).getString());
            assertTrue(m.contains(article, INSV.situation, m.createResource("http://localhost:8080/id/concept/situation/aktivitetsersattning")));
        }

        HttpResponse<String> redirect = http.get("/id/article/alfa/fraga-1", "text/html");
        assertEquals(303, redirect.statusCode(), "a browser is sent on to the article's public page");
        assertEquals("/vagledning/alfa/fraga-1", redirect.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> html = http.get("/vagledning/alfa/fraga-1", "text/html");
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("Kostar det &lt;något&gt; &amp; vad?"), html.body());
        assertFalse(html.body().contains("<något>"));
        assertTrue(html.body().contains("Nej, det är gratis."));

        String etag = jsonLd.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, http.getRaw("/id/article/alfa/fraga-1", "Accept", "application/ld+json", "If-None-Match", etag).statusCode());
        assertEquals(404, http.get("/id/article/alfa/finns-inte", "text/turtle").statusCode());
        assertEquals(404, http.get("/id/article/alfa/s1", "text/turtle").statusCode(), "a service's local id is no article");
    }

    @Test
    void aSituationGuideIsAHowToWithOrderedSteps() throws Exception {
        JsonNode howTo = TestHttp.JSON.readTree(http.get("/id/article/alfa/guide-sjuk?format=jsonld", null).body());
        assertEquals("HowTo", howTo.path("@type").asText());
        assertEquals("Så hänger det ihop.", howTo.path("description").asText());
        assertEquals(2, howTo.path("step").size());
        assertEquals("HowToStep", howTo.path("step").get(1).path("@type").asText());
        assertEquals(2, howTo.path("step").get(1).path("position").asInt());
        assertEquals("Ansök om sjukpenning", howTo.path("step").get(1).path("name").asText());
        JsonNode story = TestHttp.JSON.readTree(http.get("/id/article/alfa/saras-vag", "application/ld+json").body());
        assertEquals("Article", story.path("@type").asText());
        assertEquals("Jag var sjukskriven i två år.", story.path("articleBody").asText());
        assertEquals("Sara var sjuk länge. Nu jobbar hon.", story.path("hasPart").path("text").asText());
    }

    @Test
    void theArticlesApiFiltersAndPagesAndNamesAnUnknownParameter() throws Exception {
        JsonNode all = http.json("/api/articles");
        assertEquals(3, all.path("total").asInt());
        assertEquals(List.of("alfa/fraga-1", "alfa/guide-sjuk", "alfa/saras-vag"),
                ids(all));
        assertEquals(List.of("alfa/guide-sjuk"), ids(http.json("/api/articles?situation=sjukskriven")));
        assertEquals(List.of("alfa/fraga-1"), ids(http.json("/api/articles?kind=question&federation=alfa")));
        assertEquals(List.of("alfa/fraga-1", "alfa/guide-sjuk"), ids(http.json("/api/articles?service=alfa.s1")));
        assertEquals(List.of(), ids(http.json("/api/articles?federation=beta")));
        JsonNode second = http.json("/api/articles?per_page=1&page=2");
        assertEquals(List.of("alfa/guide-sjuk"), ids(second));
        assertEquals(3, second.path("total").asInt());

        HttpResponse<String> unknown = http.get("/api/articles?kind=story&colour=red", null);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("'colour'"), unknown.body());
        assertEquals(400, http.get("/api/articles?kind=recipe", null).statusCode());
        assertEquals(400, http.get("/api/articles?per_page=1000", null).statusCode());

        JsonNode one = http.json("/api/articles/alfa/fraga-1");
        assertEquals("alfa/fraga-1", one.path("id").asText());
        assertEquals("http://localhost:8080/id/article/alfa/fraga-1", one.path("uri").asText());
        assertEquals("Nej, det är gratis.", one.path("answer").asText());
        assertEquals(404, http.get("/api/articles/alfa/nej", null).statusCode());
    }

    @Test
    void changesCarryTheRecordTypeAndARemovedArticleIsGone() throws Exception {
        JsonNode changes = http.json("/changes");
        JsonNode article = null;
        JsonNode service = null;
        for (JsonNode item : changes.path("items")) {
            if (item.path("type").asText().equals("article") && item.path("article").asText().equals("alfa/fraga-1")) {
                article = item;
            }
            if (item.path("type").asText().equals("service")) {
                service = item;
            }
        }
        assertTrue(article != null, changes.toString());
        assertEquals("http://localhost:8080/id/article/alfa/fraga-1", article.path("uri").asText());
        assertEquals("added", article.path("action").asText());
        assertEquals("alfa.s1", service.path("service").asText());

        Files.writeString(alfa.resolve("artiklar.json"), "[" + TestHttp.JSON.readTree(ARTICLES).get(1) + "]", StandardCharsets.UTF_8);
        hub.syncNow("alfa", "test");
        assertEquals(410, http.get("/id/article/alfa/fraga-1", "text/turtle").statusCode());
        String atom = http.get("/feeds/alfa.atom", null).body();
        assertTrue(atom.contains("Borttagen text: alfa/fraga-1"), atom);
        assertTrue(atom.contains("http://localhost:8080/id/article/alfa/fraga-1"), atom);
    }

    @Test
    void theDumpsAndSparqlHoldTheArticles() throws Exception {
        hub.dumps().rebuild(List.of("alfa"));
        String ndjson = new String(http.getRaw("/dumps/articles.ndjson").body(), StandardCharsets.UTF_8);
        assertEquals(3, ndjson.lines().count(), ndjson);
        assertTrue(ndjson.lines().anyMatch(l -> l.contains("\"id\":\"alfa/saras-vag\"") && l.contains("Sara var sjuk länge.")), ndjson);
        byte[] gz = http.getRaw("/dumps/catalogue.nq.gz").body();
        String quads = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(quads.contains("<http://localhost:8080/id/article/alfa/guide-sjuk#step-2> <https://schema.org/name> "
                + "\"Ansök om sjukpenning\"@sv <http://localhost:8080/graph/federation/alfa>"), "the N-Quads dump");

        String query = """
                PREFIX insv: <https://insatsnavet.se/ns#>
                PREFIX dct: <http://purl.org/dc/terms/>
                SELECT ?title WHERE { ?a a insv:GuidanceArticle ; insv:situation ?s ; dct:title ?title }""";
        HttpResponse<String> r = http.get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode bindings = TestHttp.JSON.readTree(r.body()).path("results").path("bindings");
        assertEquals(List.of("Kostar det <något> & vad?", "Om du är sjukskriven"),
                bindings.findValues("title").stream().map(t -> t.path("value").asText()).sorted().toList());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }
}
