package se.insatsnavet.hub;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The W3C SPARQL 1.1 Protocol test suite ({@code ../shared/standards/sparql-1.1-tests/protocol/manifest.ttl},
 * 34 tests) driven over HTTP against a hub on each store backend (embedded TDB2, remote Fuseki), one dynamic
 * test per manifest entry. The manifest's graphs ({@code data1.nt} … under the names its labels give) are
 * loaded as an operator loads data before a hub starts ({@link SparqlBackends}: the hub's {@code restore}
 * command for TDB2, the Fuseki dataset itself for the remote store). The hub is read-only: an update test passes when its update is refused with 4xx and the
 * follow-up query finds nothing of it. The score is printed per backend and must be 34/34.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparqlProtocolSuiteTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Set<String> RESULT_TYPES = Set.of("application/sparql-results+json", "application/sparql-results+xml");
    private static final Set<String> TABULAR_TYPES = Set.of("application/sparql-results+json", "application/sparql-results+xml",
            "text/csv", "text/tab-separated-values");
    private static final Set<String> RDF_TYPES = Set.of("application/rdf+xml", "text/turtle", "application/n-triples");

    SparqlBackends backends;
    List<ProtocolManifest.Entry> entries;

    @BeforeAll
    void start() throws Exception {
        entries = ProtocolManifest.read(SharedFolder.require("standards/sparql-1.1-tests/protocol/manifest.ttl"));
        assertEquals(34, entries.size(), "the protocol suite has 34 tests");
        Map<String, Model> graphs = new LinkedHashMap<>();
        entries.forEach(e -> graphs.putAll(e.graphs()));
        assertEquals(3, graphs.size(), "data1.nt, data2.nt, data3.nt");
        backends = SparqlBackends.start(graphs);
    }

    @AfterAll
    void stop() throws Exception {
        if (backends != null) {
            backends.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> everyProtocolTestPassesOnBothBackends() {
        List<DynamicNode> perBackend = new ArrayList<>();
        backends.ports().forEach((backend, port) -> {
            AtomicInteger passed = new AtomicInteger();
            List<DynamicNode> tests = new ArrayList<>();
            for (ProtocolManifest.Entry e : entries) {
                tests.add(DynamicTest.dynamicTest(e.id() + ": " + e.name(), () -> {
                    run(port, e);
                    passed.incrementAndGet();
                }));
            }
            tests.add(DynamicTest.dynamicTest("score", () -> {
                String score = "W3C SPARQL 1.1 protocol tests, " + backend + ": " + passed.get() + "/" + entries.size();
                System.out.println(score);
                assertEquals(entries.size(), passed.get(), score);
                assertEquals(0, backends.outboundHits(), "no request left the hub");
            }));
            perBackend.add(DynamicContainer.dynamicContainer(backend, tests));
        });
        return perBackend.stream();
    }

    private void run(int port, ProtocolManifest.Entry entry) throws Exception {
        boolean updateTest = entry.requests().stream().anyMatch(SparqlProtocolSuiteTest::isUpdate);
        for (ProtocolManifest.Request r : entry.requests()) {
            HttpResponse<byte[]> response = send(port, r);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            String status = response.statusCode() / 100 + "xx";
            if (updateTest && isUpdate(r)) {
                // read-only: the update is refused, whatever the suite expects of a writable endpoint
                assertEquals("4xx", status, "a read-only endpoint refuses an update: " + body);
                continue;
            }
            assertTrue(r.statusClasses().contains(status), "expected " + r.statusClasses() + ", got "
                    + response.statusCode() + ": " + body);
            String contentType = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (r.expectedFormat() != null) {
                checkFormat(r.expectedFormat(), contentType, response.body());
            }
            if (r.expectedBoolean() != null) {
                Lang lang = RDFLanguages.contentTypeToLang(contentType);
                assertNotNull(lang, contentType);
                boolean answer = ResultSetMgr.readBoolean(new ByteArrayInputStream(response.body()), lang);
                // after a refused update its effect must be absent, so the suite's check answers false
                assertEquals(updateTest ? Boolean.FALSE : r.expectedBoolean(), answer, body);
            }
        }
    }

    private static void checkFormat(String format, String contentType, byte[] body) {
        Lang lang = RDFLanguages.contentTypeToLang(contentType);
        switch (format) {
            case "boolean" -> {
                assertTrue(RESULT_TYPES.contains(contentType), contentType);
                ResultSetMgr.readBoolean(new ByteArrayInputStream(body), lang);
            }
            case "tabular" -> {
                assertTrue(TABULAR_TYPES.contains(contentType), contentType);
                assertTrue(ResultSetMgr.read(new ByteArrayInputStream(body), lang).getResultVars().contains("value"));
            }
            case "RDF" -> {
                assertTrue(RDF_TYPES.contains(contentType), contentType);
                RDFParser.source(new ByteArrayInputStream(body)).lang(lang).toModel();
            }
            default -> throw new AssertionError("unknown expected format " + format);
        }
    }

    private static boolean isUpdate(ProtocolManifest.Request r) {
        String contentType = r.headers().getOrDefault("content-type", "");
        return contentType.startsWith("application/sparql-update") || r.path().contains("update=")
                || (r.body() != null && r.body().startsWith("update="));
    }

    private static HttpResponse<byte[]> send(int port, ProtocolManifest.Request r) throws IOException, InterruptedException {
        // the manifest's paths start with /sparql/, the hub's endpoint is /sparql
        String path = "/sparql" + r.path().substring("/sparql/".length());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TestHttp.REQUEST_TIMEOUT);
        Map<String, String> headers = new LinkedHashMap<>(r.headers());
        headers.forEach(b::header);
        b.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body().getBytes(r.charset())));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
