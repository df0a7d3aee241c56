package se.insatsnavet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import se.insatsnavet.hub.Hub;
import se.insatsnavet.hub.HubOptions;
import se.insatsnavet.hub.cluster.ClusterOptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long a change committed on one hub node takes to be found by search on another: two clustered hubs in one
 * JVM (Hazelcast over loopback) sharing one operational database (PostgreSQL when {@code INSATSNAVET_PG_URL} is
 * set, else an H2 file server) and one SPARQL store (an in-process Fuseki, in-memory transactional dataset), as
 * in {@code ClusterTest}. A push to node A of one changed record, and of a whole catalogue with every record
 * changed ({@code --records}, 3,000 by default): from the moment A has committed it to the store until
 * {@code GET /api/services?q=<its new word>} on node B finds every changed record (B polls without pausing).
 * Each is repeated {@code --repeat} times; prints and appends a Markdown section (median and worst).
 *
 * <pre>java -cp bench/target/benchmarks.jar se.insatsnavet.bench.ClusterVisibilityBench --records 3000 --repeat 3 --out BENCHMARKS.md</pre>
 */
public final class ClusterVisibilityBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final String FEDERATION = "kluster";

    /** What to run: records of the large push, repetitions, where to append (null: print only), work folder (null: temporary). */
    public record Options(int records, int repeat, Path out, Path work) {
    }

    /** One measured change: how many records, how long A took to answer the push, from A's commit until B found it. */
    public record Sample(int records, double pushMillis, double visibleMillis) {
    }

    /** The samples and the Markdown section. */
    public record Report(List<Sample> single, List<Sample> large, String markdown) {
    }

    private ClusterVisibilityBench() {
    }

    public static void main(String[] args) throws Exception {
        int records = 3000;
        int repeat = 3;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--records" -> records = Integer.parseInt(args[i + 1]);
                case "--repeat" -> repeat = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--records N --repeat R --out FILE)");
            }
        }
        Report report = run(new Options(records, repeat, out, null));
        System.out.println(report.markdown());
        System.exit(0);
    }

    /** Runs the bench and, when {@code options.out()} is set, appends its section there. */
    public static Report run(Options options) throws Exception {
        // B polls the search as fast as it answers: far above the per-client limit of a public node
        System.setProperty("insatsnavet.limits.searchPerMinute", "100000000");
        String startedAt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(ZoneOffset.UTC));
        Path work = options.work() != null ? Files.createDirectories(options.work()) : Files.createTempDirectory("cluster-visibility");
        Path federations = work.resolve("federations");
        Path dir = Files.createDirectories(federations.resolve(FEDERATION));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "%s", "name": {"sv": "Samordningsförbundet Kluster"}, "municipalities": ["0580"],
                 "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"}}}]}
                """.formatted(FEDERATION), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("lista.csv"), "Id;Namn;Text\n", StandardCharsets.UTF_8);
        Database db = Database.of(work);
        FusekiServer fuseki = FusekiServer.create().port(0).loopback(true).add("/ds", DatasetGraphFactory.createTxnMem()).build().start();
        List<Hub> hubs = new ArrayList<>();
        CpuMeter.Snapshot cpu0 = CpuMeter.now();
        try {
            String store = "http://localhost:" + fuseki.getHttpPort() + "/ds";
            int portA = freePort();
            int portB = freePort();
            List<String> members = List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB);
            Hub a = start(work.resolve("a"), federations, db, store, portA, members);
            hubs.add(a);
            Hub b = start(work.resolve("b"), federations, db, store, portB, members);
            hubs.add(b);
            AtomicLong committedAt = new AtomicLong();
            a.imports().onCommitted(c -> committedAt.set(System.nanoTime()));
            String token = a.tokens().create(FEDERATION, "cluster visibility bench").secret();
            Random random = new Random(21);

            List<Sample> large = new ArrayList<>();
            // the first whole push adds the records (not measured); each next one changes every record
            push(a, token, "", catalogue(options.records(), word(random)));
            for (int i = 0; i < options.repeat(); i++) {
                String word = word(random);
                large.add(measure(a, b, token, "", catalogue(options.records(), word), word, options.records(), committedAt));
            }
            List<Sample> single = new ArrayList<>();
            for (int i = 0; i < options.repeat(); i++) {
                String word = word(random);
                single.add(measure(a, b, token, "/r0", record(0, word), word, 1, committedAt));
            }
            double others = CpuMeter.others(cpu0, CpuMeter.now());
            String markdown = markdown(startedAt, options, db.kind(), single, large, others);
            if (options.out() != null) {
                if (!Files.exists(options.out())) {
                    Files.writeString(options.out(), "# Benchmarks\n", StandardCharsets.UTF_8);
                }
                Files.writeString(options.out(), markdown, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
            return new Report(single, large, markdown);
        } finally {
            Collections.reverse(hubs);
            for (Hub hub : hubs) {
                hub.stop().get(5, TimeUnit.MINUTES);
            }
            fuseki.stop();
        }
    }

    private static Sample measure(Hub a, Hub b, String token, String path, String body, String word, int expected,
                                  AtomicLong committedAt) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> answer = push(a, token, path, body);
        double pushMillis = (System.nanoTime() - t0) / 1e6;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("push answered " + answer.statusCode() + ": " + answer.body());
        }
        String search = "/api/services?perPage=1&q=" + word;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (total(b, search) != expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node B did not find " + expected + " record(s) with '" + word + "' within " + WAIT);
            }
        }
        double visibleMillis = (System.nanoTime() - committedAt.get()) / 1e6;
        System.out.printf(Locale.ROOT, "%d record(s): push answered by A in %.0f ms; found on B %.0f ms after A's commit%n",
                expected, pushMillis, visibleMillis);
        return new Sample(expected, pushMillis, visibleMillis);
    }

    private static String markdown(String startedAt, Options options, String database, List<Sample> single, List<Sample> large,
                                   double others) {
        StringBuilder md = new StringBuilder();
        md.append("\n## Cluster: from a commit on node A to search on node B — ").append(startedAt).append("\n\n");
        md.append(String.format(Locale.ROOT, "Two clustered hubs in one JVM (Hazelcast over loopback), %s, an in-process Fuseki "
                + "(in-memory dataset); pushes to node A over HTTP, node B polls `/api/services?q=` until it finds every changed "
                + "record; %d repetitions each. ", database, options.repeat()));
        md.append(Double.isNaN(others) ? "Machine load unknown.\n\n"
                : String.format(Locale.ROOT, "Other processes used %.0f %% of the machine's CPU meanwhile%s.\n\n", others * 100,
                others > 0.2 ? " (the machine was loaded: the figures are slower than on an idle one)" : ""));
        md.append("| change | push answered by A (median / worst) | found on B after A's commit (median / worst) |\n");
        md.append("| --- | ---: | ---: |\n");
        md.append(row("1 record (`PUT …/services/{localId}`)", single));
        md.append(row(String.format(Locale.ROOT, "%,d records changed (`PUT …/services`)", options.records()), large));
        return md.toString();
    }

    private static String row(String what, List<Sample> samples) {
        List<Double> push = samples.stream().map(Sample::pushMillis).sorted().toList();
        List<Double> visible = samples.stream().map(Sample::visibleMillis).sorted().toList();
        return String.format(Locale.ROOT, "| %s | %.2f s / %.2f s | %.2f s / %.2f s |%n", what, median(push) / 1000,
                push.get(push.size() - 1) / 1000, median(visible) / 1000, visible.get(visible.size() - 1) / 1000);
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long total(Hub hub, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port() + path))
                .timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("search on node B answered " + r.statusCode() + ": " + r.body());
        }
        JsonNode body = JSON.readTree(r.body());
        return body.path("total").asLong();
    }

    private static HttpResponse<String> push(Hub hub, String token, String path, String body) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port() + "/api/federations/" + FEDERATION
                        + "/services" + path)).timeout(WAIT).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String catalogue(int records, String word) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < records; i++) {
            body.append(i == 0 ? "" : ",").append(record(i, word));
        }
        return body.append(']').toString();
    }

    private static String record(int i, String word) {
        return """
                {"localId": "r%d", "title": {"sv": "Insats %d %s"}, "description": {"sv": "Stöd till arbete och studier, del %d."},
                 "municipalities": ["0580"], "provider": {"name": {"sv": "Linköpings kommun"}, "type": "municipality", "municipality": "0580"}}"""
                .formatted(i, i, word, i);
    }

    /** A made-up word no record holds yet (lower-case letters, not a Swedish word or compound). */
    private static String word(Random random) {
        StringBuilder w = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    private static Hub start(Path data, Path federations, Database db, String store, int clusterPort, List<String> members)
            throws Exception {
        return Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withFileWatch(0).withDatabase(db.url(), db.user(), db.password())
                .withSparqlStore(new HubOptions.SparqlStore(store, null, null))
                .withCluster(ClusterOptions.on("127.0.0.1", clusterPort, members)))
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The shared operational database: PostgreSQL (a schema of its own) when INSATSNAVET_PG_URL is set, else an H2 file. */
    private record Database(String url, String user, String password, String kind) {

        static Database of(Path work) throws Exception {
            String url = System.getenv("INSATSNAVET_PG_URL");
            if (url == null) {
                return new Database("jdbc:h2:file:" + work.resolve("db").resolve("shared").toAbsolutePath() + ";AUTO_SERVER=TRUE",
                        null, null, "one H2 file database (INSATSNAVET_PG_URL not set)");
            }
            String user = System.getenv("INSATSNAVET_PG_USER");
            String password = System.getenv("INSATSNAVET_PG_PASSWORD");
            try (Connection c = DriverManager.getConnection(url, user, password);
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS cluster_bench CASCADE");
                s.execute("CREATE SCHEMA cluster_bench");
            }
            return new Database(url + (url.contains("?") ? "&" : "?") + "currentSchema=cluster_bench", user, password, "PostgreSQL");
        }
    }
}
