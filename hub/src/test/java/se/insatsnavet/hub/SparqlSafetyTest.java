package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import se.insatsnavet.hub.sparql.SD;
import se.insatsnavet.hub.store.CatalogStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a hostile or careless client cannot do through {@code /sparql}, on both store backends: make the hub send
 * a request ({@code SERVICE} anywhere in a query, {@code FROM} or a graph parameter naming a URL), get an answer
 * that ignores the dataset it described, or get a 500 from a malformed header; and the service description in
 * every RDF syntax offered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparqlSafetyTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final String ONE = "http://example.org/graph/one";
    private static final String TWO = "http://example.org/graph/two";
    /** The property of the test graphs (the hub's reference graph has labels of its own). */
    private static final String P = "http://example.org/vocab/p";

    SparqlBackends backends;

    @BeforeAll
    void start() throws Exception {
        backends = SparqlBackends.start(Map.of(ONE, graph("http://example.org/a", 3), TWO, graph("http://example.org/b", 2)));
    }

    @AfterAll
    void stop() throws Exception {
        if (backends != null) {
            backends.close();
        }
    }

    /** {@code n} labelled resources under {@code prefix}. */
    private static Model graph(String prefix, int n) {
        Model m = ModelFactory.createDefaultModel();
        for (int i = 0; i < n; i++) {
            m.add(m.createResource(prefix + i), m.createProperty(P), "value " + i);
        }
        return m;
    }

    private Stream<DynamicNode> onBothBackends(Map<String, Runnable> checks) {
        List<DynamicNode> containers = new ArrayList<>();
        backends.ports().forEach((backend, port) -> containers.add(DynamicContainer.dynamicContainer(backend,
                checks.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
                    current = port;
                    c.getValue().run();
                })))));
        return containers.stream();
    }

    private int current;

    private HttpResponse<String> get(String pathAndQuery, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + current + pathAndQuery))
                .timeout(TestHttp.REQUEST_TIMEOUT).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return send(b);
    }

    private HttpResponse<String> post(String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + current + "/sparql")).timeout(TestHttp.REQUEST_TIMEOUT)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The JSON results of a GET query ({@code extra}: more parameters), which must answer 200. */
    private JsonNode results(String query, String extra) {
        HttpResponse<String> r = get("/sparql?query=" + q(query) + extra, "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        try {
            return TestHttp.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private int count(String query, String extra) {
        return results(query, extra).path("results").path("bindings").get(0).path("n").path("value").asInt(-1);
    }

    private boolean ask(String query, String extra) {
        JsonNode r = results(query, extra);
        assertTrue(r.has("boolean"), r.toString());
        return r.path("boolean").asBoolean();
    }

    /** Queries with a SERVICE clause (at {@code %s}) in every place one can stand. */
    private static List<String> serviceQueries(String url) {
        return List.of(
                "SELECT ?x WHERE { SERVICE <%s> { ?s ?p ?x } }",
                "SELECT ?x WHERE { SERVICE SILENT <%s> { ?s ?p ?x } }",
                "SELECT ?x WHERE { VALUES ?endpoint { <%s> } SERVICE ?endpoint { ?s ?p ?x } }",
                "select * { service silent ?endpoint { ?s ?p ?o } }",
                "SELECT ?x WHERE { { SELECT ?x WHERE { SERVICE <%s> { ?s ?p ?x } } LIMIT 1 } }",
                "SELECT ?x WHERE { BIND(1 AS ?y) OPTIONAL { SERVICE <%s> { ?s ?p ?x } } }",
                "SELECT ?x WHERE { { BIND(1 AS ?x) } UNION { SERVICE <%s> { ?s ?p ?x } } }",
                "SELECT ?x WHERE { BIND(1 AS ?x) MINUS { SERVICE <%s> { ?x ?p ?o } } }",
                "SELECT ?x WHERE { BIND(1 AS ?x) FILTER EXISTS { SERVICE <%s> { ?s ?p ?o } } }",
                "SELECT ?x WHERE { BIND(1 AS ?x) FILTER NOT EXISTS { OPTIONAL { SERVICE SILENT <%s> { ?s ?p ?o } } } }",
                "SELECT ?x WHERE { BIND(EXISTS { SERVICE <%s> { ?s ?p ?o } } AS ?x) }",
                "SELECT (EXISTS { SERVICE <%s> { ?s ?p ?o } } AS ?x) WHERE { }",
                "SELECT ?x WHERE { BIND(1 AS ?x) } ORDER BY (NOT EXISTS { SERVICE <%s> { ?s ?p ?o } })",
                "SELECT ?x (COUNT(*) AS ?n) WHERE { BIND(1 AS ?x) } GROUP BY ?x HAVING (EXISTS { SERVICE <%s> { ?s ?p ?o } })",
                "ASK { GRAPH ?g { SERVICE <%s> { ?s ?p ?o } } }",
                "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <%s> { ?s ?p ?o } }",
                "DESCRIBE ?s WHERE { SERVICE <%s> { ?s ?p ?o } }").stream().map(t -> t.replace("%s", url)).toList();
    }

    @TestFactory
    Stream<DynamicNode> serviceIsRefusedWhereverItStandsAndNothingIsFetched() {
        String live = backends.targetUrl("/sparql");
        return onBothBackends(Map.of(
                "over GET", () -> {
                    for (String query : serviceQueries(live)) {
                        HttpResponse<String> r = get("/sparql?query=" + q(query), null);
                        assertEquals(400, r.statusCode(), query + " → " + r.body());
                        assertTrue(r.body().contains("SERVICE") && r.body().contains("refused"), r.body());
                    }
                    assertEquals(0, backends.outboundHits(), "no request reached the local server");
                },
                "over POST, form and direct", () -> {
                    for (String query : serviceQueries(live)) {
                        assertEquals(400, post("application/x-www-form-urlencoded", ("query=" + q(query)).getBytes(StandardCharsets.UTF_8)).statusCode());
                        assertEquals(400, post("application/sparql-query", query.getBytes(StandardCharsets.UTF_8)).statusCode());
                    }
                    assertEquals(0, backends.outboundHits(), "no request reached the local server");
                },
                "a live and a dead address answer alike", () -> {
                    String dead = "http://127.0.0.1:" + freePort() + "/sparql";
                    String template = "SELECT ?x WHERE { SERVICE <%s> { ?s ?p ?x } }";
                    HttpResponse<String> toLive = get("/sparql?query=" + q(template.replace("%s", live)), null);
                    HttpResponse<String> toDead = get("/sparql?query=" + q(template.replace("%s", dead)), null);
                    assertEquals(toLive.statusCode(), toDead.statusCode());
                    assertEquals(toLive.body().replace(live, "URL"), toDead.body().replace(dead, "URL"));
                    assertEquals(0, backends.outboundHits());
                }));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theEmbeddedStoreSendsNoServiceRequestEvenWhenAskedDirectly() {
        String url = backends.targetUrl("/direct");
        try (CatalogStore store = CatalogStore.inMemory()) {
            store.replaceGraph(ONE, graph("http://example.org/a", 3));
            int silent = store.queryUnion(QueryFactory.create("SELECT * { SERVICE SILENT <" + url + "> { ?s ?p ?o } }"), 10_000,
                    qe -> ResultSetFormatter.consume(qe.execSelect()));
            assertEquals(1, silent, "SERVICE SILENT stands for one empty solution when the call is not made");
            assertThrows(RuntimeException.class, () -> store.queryUnion(QueryFactory.create(
                    "SELECT * { SERVICE <" + url + "> { ?s ?p ?o } }"), 10_000, qe -> ResultSetFormatter.consume(qe.execSelect())));
            assertThrows(RuntimeException.class, () -> store.query(QueryFactory.create(
                    "ASK { SERVICE <" + url + "> { ?s ?p ?o } }"), QueryExecution::execAsk));
        }
        assertEquals(0, backends.outboundHits(), "no request reached the local server");
    }

    @TestFactory
    Stream<DynamicNode> theDescribedDatasetIsHonoured() {
        String countAll = "SELECT (COUNT(*) AS ?n) %s WHERE { ?s ?p ?o }";
        return onBothBackends(Map.of(
                "FROM names the default graph", () -> {
                    assertEquals(3, count(countAll.replace("%s", "FROM <" + ONE + ">"), ""));
                    assertEquals(5, count(countAll.replace("%s", "FROM <" + ONE + "> FROM <" + TWO + ">"), ""));
                    assertFalse(ask("ASK FROM <" + ONE + "> { GRAPH ?g { ?s ?p ?o } }", ""), "FROM alone: no named graphs");
                },
                "FROM NAMED alone leaves the default graph empty", () -> {
                    assertFalse(ask("ASK FROM NAMED <" + ONE + "> { ?s ?p ?o }", ""));
                    JsonNode graphs = results("SELECT DISTINCT ?g FROM NAMED <" + TWO + "> WHERE { GRAPH ?g { ?s ?p ?o } }", "");
                    assertEquals(1, graphs.path("results").path("bindings").size(), graphs.toString());
                    assertEquals(TWO, graphs.path("results").path("bindings").get(0).path("g").path("value").asText());
                },
                "an unknown graph is empty", () -> {
                    assertFalse(ask("ASK FROM <http://example.org/none> { ?s ?p ?o }", ""));
                    assertEquals(3, count(countAll.replace("%s", "FROM <" + ONE + "> FROM <http://example.org/none>"), ""));
                    assertFalse(ask("ASK { ?s ?p ?o }", "&default-graph-uri=" + q("http://example.org/none")));
                },
                "the request's graphs take precedence over the query's", () -> {
                    assertEquals(2, count(countAll.replace("%s", "FROM <" + ONE + ">"), "&default-graph-uri=" + q(TWO)));
                    assertEquals(0, count(countAll.replace("%s", "FROM <" + ONE + ">"), "&named-graph-uri=" + q(TWO)),
                            "named-graph-uri alone: the default graph is empty");
                    assertEquals(2, count("SELECT (COUNT(*) AS ?n) FROM NAMED <" + ONE + "> WHERE { GRAPH ?g { ?s ?p ?o } }",
                            "&named-graph-uri=" + q(TWO)));
                },
                "without a description the default graph is the union of every graph", () -> {
                    assertEquals(5, count("SELECT (COUNT(*) AS ?n) WHERE { ?s <" + P + "> ?o }", ""));
                    assertTrue(ask("ASK { GRAPH <" + ONE + "> { ?s ?p ?o } GRAPH <" + TWO + "> { ?x ?y ?z } }", ""));
                },
                "a graph named by a URL is never fetched", () -> {
                    String url = backends.targetUrl("/graph.ttl");
                    assertFalse(ask("ASK FROM <" + url + "> { ?s ?p ?o }", ""));
                    assertFalse(ask("ASK FROM NAMED <" + url + "> { GRAPH ?g { ?s ?p ?o } }", ""));
                    assertFalse(ask("ASK { ?s ?p ?o }", "&default-graph-uri=" + q(url)));
                    assertFalse(ask("ASK { GRAPH ?g { ?s ?p ?o } }", "&named-graph-uri=" + q(url)));
                    HttpResponse<String> construct = get("/sparql?query=" + q("CONSTRUCT WHERE { ?s ?p ?o }")
                            + "&default-graph-uri=" + q(url), "application/n-triples");
                    assertEquals(200, construct.statusCode());
                    assertEquals("", construct.body().strip());
                    assertEquals(0, backends.outboundHits(), "no request reached the local server");
                }));
    }

    @TestFactory
    Stream<DynamicNode> theServiceDescriptionComesInEveryRdfSyntaxOffered() {
        return onBothBackends(Map.of(
                "by Accept", () -> {
                    for (String type : List.of("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")) {
                        HttpResponse<String> r = get("/sparql", type);
                        assertEquals(200, r.statusCode(), type);
                        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type), type);
                        assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
                        Model m = ModelFactory.createDefaultModel();
                        RDFParser.source(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)))
                                .lang(RDFLanguages.contentTypeToLang(type)).base("http://127.0.0.1:" + current + "/sparql").parse(m);
                        assertTrue(m.contains(null, RDF.type, SD.Service), type + ": " + r.body());
                        assertTrue(m.contains(null, SD.name, m.createResource(ONE)), "names the graphs");
                    }
                },
                "by format, a malformed Accept, nothing acceptable", () -> {
                    assertTrue(get("/sparql?format=nt", null).headers().firstValue("Content-Type").orElse("").startsWith("application/n-triples"));
                    HttpResponse<String> malformed = get("/sparql", ";;;");
                    assertEquals(200, malformed.statusCode());
                    assertTrue(malformed.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
                    HttpResponse<String> results = get("/sparql", "application/sparql-results+json");
                    assertEquals(406, results.statusCode());
                    assertTrue(results.body().contains("text/turtle"), results.body());
                }));
    }

    @TestFactory
    Stream<DynamicNode> requestsOutsideTheProtocolAreRefusedAndMalformedHeadersAreNot500() {
        String ask = "/sparql?query=" + q("ASK { }");
        return onBothBackends(Map.of(
                "a malformed Accept answers the default syntax", () -> {
                    for (String accept : List.of(";;;", ";", ",,,", "text", "*/*;q=abc", "application/sparql-results+json;q=2")) {
                        HttpResponse<String> r = get(ask, accept);
                        assertEquals(200, r.statusCode(), accept + " → " + r.body());
                        assertTrue(r.body().contains("\"boolean\""), r.body());
                    }
                    assertEquals(200, get("/sparql?query=" + q("CONSTRUCT WHERE { ?s ?p ?o }"), ";;;").statusCode());
                },
                "protocol errors answer 4xx naming the problem", () -> {
                    HttpResponse<String> two = get(ask + "&query=" + q("SELECT * { }"), null);
                    assertEquals(400, two.statusCode());
                    assertTrue(two.body().contains("More than one query"), two.body());
                    HttpResponse<String> update = get("/sparql?update=" + q("CLEAR ALL"), null);
                    assertEquals(400, update.statusCode());
                    assertTrue(update.body().contains("read-only"), update.body());
                    HttpResponse<String> unknown = get(ask + "&timeout=99999", null);
                    assertEquals(400, unknown.statusCode());
                    assertTrue(unknown.body().contains("'timeout'"), unknown.body());
                    assertEquals(400, get("/sparql?default-graph-uri=" + q(ONE), null).statusCode(), "graphs but no query");
                    HttpResponse<String> utf16 = post("application/sparql-query; charset=UTF-16", "ASK {}".getBytes(StandardCharsets.UTF_16));
                    assertEquals(400, utf16.statusCode());
                    assertTrue(utf16.body().contains("UTF-8"), utf16.body());
                    assertEquals(400, post("application/sparql-query", new byte[] {'A', 'S', 'K', ' ', '{', (byte) 0xC3, '}'}).statusCode());
                    assertEquals(415, post("text/plain", "ASK {}".getBytes(StandardCharsets.UTF_8)).statusCode());
                    assertEquals(400, post("application/x-www-form-urlencoded", "update=CLEAR+ALL".getBytes(StandardCharsets.UTF_8)).statusCode());
                    assertEquals(200, post("application/sparql-query; charset=\"utf-8\"", "ASK {}".getBytes(StandardCharsets.UTF_8)).statusCode());
                }));
    }
}
