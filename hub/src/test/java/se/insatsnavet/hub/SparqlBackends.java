package se.insatsnavet.hub;

import com.sun.net.httpserver.HttpServer;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

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

    /**
     * Starts both hubs holding {@code graphs} (name to triples) besides their own reference graph. They are
     * loaded the way an operator loads data into each backend before a hub starts: the embedded one with the
     * hub's {@code restore} command from an N-Quads backup, the remote one into the Fuseki dataset itself.
     */
    static SparqlBackends start(Map<String, Model> graphs) throws Exception {
        SparqlBackends b = new SparqlBackends(Files.createTempDirectory("sparql-backends"));
        b.startAll(graphs);
        return b;
    }

    private void startAll(Map<String, Model> graphs) throws Exception {
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
        Txn.executeWrite(dsg, () -> graphs.forEach((name, m) -> dsg.addGraph(NodeFactory.createURI(name), m.getGraph())));
        restore(graphs, dir.resolve("embedded"));
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

    /** Writes {@code graphs} as a backup ({@code catalogue.nq.gz}) and restores it into {@code dataDir}. */
    private void restore(Map<String, Model> graphs, Path dataDir) throws IOException {
        Path backup = Files.createDirectories(dir.resolve("backup"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(backup.resolve("catalogue.nq.gz")))) {
            DatasetGraph quads = DatasetGraphFactory.create();
            graphs.forEach((name, m) -> quads.addGraph(NodeFactory.createURI(name), m.getGraph()));
            RDFDataMgr.write(out, quads, Lang.NQUADS);
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
        int exit = RestoreCommand.run(new String[] {"--from", backup.toString(), "--data", dataDir.toString()}, print, print);
        if (exit != 0) {
            throw new IllegalStateException("restore failed: " + log.toString(StandardCharsets.UTF_8));
        }
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
            h.stop().get(5, TimeUnit.MINUTES);
        }
        if (fuseki != null) {
            fuseki.stop();
        }
        if (target != null) {
            target.stop(0);
        }
    }
}
