package se.insatsnavet.hub;

import com.sun.net.httpserver.HttpServer;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two hubs without federations for SPARQL tests, one on embedded TDB2 and one on a remote Fuseki (in memory,
 * port 0), and a local HTTP server on port 0 that counts every request it gets: a SPARQL query naming it
 * ({@code SERVICE}, {@code FROM}) must never reach it.
 */
final class SparqlBackends implements AutoCloseable {

    static final String EMBEDDED = "embedded TDB2";
    static final String REMOTE = "remote Fuseki";

    private final Path dir;
    private final AtomicInteger hits = new AtomicInteger();
    private HttpServer target;
    private FusekiServer fuseki;
    private final Map<String, Hub> hubs = new LinkedHashMap<>();

    private SparqlBackends(Path dir) {
        this.dir = dir;
    }

    static SparqlBackends start() throws Exception {
        SparqlBackends b = new SparqlBackends(Files.createTempDirectory("sparql-backends"));
        b.startAll();
        return b;
    }

    private void startAll() throws Exception {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":[{\"x\":{\"type\":\"literal\",\"value\":\"leaked\"}}]}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        dsg.getContext().set(ARQ.queryTimeout, "10000");
        fuseki = FusekiServer.create().port(0).loopback(true).add("/ds", dsg).build().start();
        Path federations = Files.createDirectories(dir.resolve("federations"));
        // the SPARQL rate limit is read when a hub starts: these tests send a few hundred queries
        System.setProperty("insatsnavet.limits.sparqlPerMinute", "100000");
        try {
            hubs.put(EMBEDDED, hub(HubOptions.defaults(dir.resolve("embedded")), federations));
            hubs.put(REMOTE, hub(HubOptions.defaults(dir.resolve("remote")).withSparqlStore(
                    new HubOptions.SparqlStore("http://localhost:" + fuseki.getHttpPort() + "/ds", null, null)), federations));
        } finally {
            System.clearProperty("insatsnavet.limits.sparqlPerMinute");
        }
    }

    private static Hub hub(HubOptions options, Path federations) throws Exception {
        return Hub.start(options.withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
    }

    /** Loads {@code content} as the named graph {@code graphIri} into both hubs' stores. */
    void loadGraph(String graphIri, Model content) {
        hubs.values().forEach(h -> h.store().replaceGraph(graphIri, content));
    }

    /** Each backend's name and its hub's port. */
    Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        hubs.forEach((name, hub) -> ports.put(name, hub.port()));
        return ports;
    }

    /** A URL of the counting server. */
    String targetUrl(String path) {
        return "http://127.0.0.1:" + target.getAddress().getPort() + path;
    }

    /** How many requests reached the counting server. */
    int outboundHits() {
        return hits.get();
    }

    @Override
    public void close() throws Exception {
        for (Hub h : hubs.values()) {
            h.stop().get(60, TimeUnit.SECONDS);
        }
        if (fuseki != null) {
            fuseki.stop();
        }
        if (target != null) {
            target.stop(0);
        }
    }
}
