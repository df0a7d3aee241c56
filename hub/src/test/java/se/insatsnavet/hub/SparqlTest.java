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

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SPARQL 1.1 Protocol over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparqlTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String COUNT = "PREFIX cpsv: <http://purl.org/vocab/cpsv#> "
            + "SELECT (COUNT(?s) AS ?n) WHERE { ?s a cpsv:PublicService }";

    @TempDir
    static Path data;
    Hub hub;
    TestHttp http;
    int services;

    @BeforeAll
    void startHub() throws Exception {
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
        services = http.json("/api/services?perPage=1&status=all").path("total").asInt();
    }

    @AfterAll
    void stopHub() throws Exception {
        hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
    }

    private HttpResponse<String> post(String contentType, String body, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port() + "/sparql"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Test
    void selectOverGetAnswersJsonResultsOverTheUnionOfGraphs() throws Exception {
        HttpResponse<String> r = http.get("/sparql?query=" + q(COUNT), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        JsonNode json = TestHttp.JSON.readTree(r.body());
        assertEquals(services, json.path("results").path("bindings").get(0).path("n").path("value").asInt());
    }

    @Test
    void selectOverPostFormAndBodyInEveryResultsSyntax() throws Exception {
        HttpResponse<String> form = post("application/x-www-form-urlencoded", "query=" + q(COUNT), "text/csv");
        assertEquals(200, form.statusCode(), form.body());
        assertEquals("n\r\n" + services + "\r\n", form.body());
        HttpResponse<String> body = post("application/sparql-query", COUNT, "text/tab-separated-values");
        assertEquals(200, body.statusCode(), body.body());
        assertTrue(body.body().startsWith("?n"), body.body());
        HttpResponse<String> xml = post("application/sparql-query", COUNT, "application/sparql-results+xml");
        assertTrue(xml.body().contains("<sparql"), xml.body());
    }

    @Test
    void askAnswersABoolean() throws Exception {
        HttpResponse<String> r = http.get("/sparql?query=" + q("ASK { ?s ?p ?o }"), null);
        assertEquals(200, r.statusCode());
        assertTrue(TestHttp.JSON.readTree(r.body()).path("boolean").asBoolean());
    }

    @Test
    void constructAnswersTurtleAndOtherRdfSyntaxes() {
        String construct = "PREFIX cpsv: <http://purl.org/vocab/cpsv#> PREFIX dct: <http://purl.org/dc/terms/> "
                + "CONSTRUCT { ?s dct:title ?t } WHERE { ?s a cpsv:PublicService ; dct:title ?t }";
        HttpResponse<String> r = http.get("/sparql?query=" + q(construct), "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(m);
        assertTrue(m.size() >= services, "one title per service at least");
        assertEquals(200, http.get("/sparql?format=nt&query=" + q(construct), null).statusCode());
    }

    @Test
    void namedGraphsPerFederationAreVisible() throws Exception {
        String graph = "http://localhost:8080/graph/federation/vasteras";
        String query = "PREFIX cpsv: <http://purl.org/vocab/cpsv#> SELECT (COUNT(?s) AS ?n) FROM NAMED <" + graph + "> "
                + "WHERE { GRAPH ?g { ?s a cpsv:PublicService } }";
        JsonNode r = TestHttp.JSON.readTree(http.get("/sparql?query=" + q(query), null).body());
        int vasteras = r.path("results").path("bindings").get(0).path("n").path("value").asInt();
        assertEquals(http.json("/api/services?federation=vasteras&status=all").path("total").asInt(), vasteras);
    }

    @Test
    void fromOneFederationsGraphCountsOnlyThatFederationsServices() throws Exception {
        String graph = "http://localhost:8080/graph/federation/vasteras";
        String query = "PREFIX cpsv: <http://purl.org/vocab/cpsv#> SELECT (COUNT(?s) AS ?n) FROM <" + graph + "> "
                + "WHERE { ?s a cpsv:PublicService }";
        JsonNode r = TestHttp.JSON.readTree(http.get("/sparql?query=" + q(query), null).body());
        int vasteras = r.path("results").path("bindings").get(0).path("n").path("value").asInt();
        assertEquals(http.json("/api/services?federation=vasteras&status=all").path("total").asInt(), vasteras);
        assertTrue(vasteras > 0 && vasteras < services, vasteras + " of " + services);
        HttpResponse<String> none = http.get("/sparql?query=" + q("ASK FROM <http://example.org/none> { ?s ?p ?o }"), null);
        assertEquals(false, TestHttp.JSON.readTree(none.body()).path("boolean").asBoolean(true), none.body());
    }

    @Test
    void updatesAndSyntaxErrorsAreRefusedWith400() throws Exception {
        assertEquals(400, post("application/sparql-update", "DELETE WHERE { ?s ?p ?o }", null).statusCode());
        assertEquals(400, post("application/x-www-form-urlencoded", "update=" + q("DELETE WHERE { ?s ?p ?o }"), null).statusCode());
        HttpResponse<String> bad = http.get("/sparql?query=" + q("SELEC ?x WHERE {"), null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("syntax"), bad.body());
        assertEquals(1, TestHttp.JSON.readTree(http.get("/sparql?query=" + q(COUNT), null).body())
                .path("results").path("bindings").size(), "nothing was deleted");
    }

    @Test
    void resultsAreCappedAndSaySo() {
        HttpResponse<String> r = http.get("/sparql?query=" + q("SELECT * WHERE { ?s ?p ?o }"), null);
        assertEquals(200, r.statusCode());
        assertEquals(Integer.toString(Hub.SPARQL_RESULT_CAP), r.headers().firstValue("X-Result-Limit").orElse(""));
    }

    @Test
    void withoutAQueryTheServiceDescriptionIsServed() {
        HttpResponse<String> r = http.get("/sparql", "text/turtle");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("sd:Service"), r.body());
        assertTrue(r.body().contains("graph/federation/vasteras"), r.body());
    }
}
