package se.insatsnavet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import se.insatsnavet.hub.Hub;
import se.insatsnavet.hub.HubOptions;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.schema.vocab.HubIris;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The benchmark harness: in one JVM and one run it generates a catalogue, starts the hub on it and measures
 * each figure beside its baseline (see README.md of this module), then appends a dated section with the table
 * to a markdown file. Every figure is measured; one that could not be measured is reported as such, with the
 * reason, never estimated.
 *
 * <pre>java -cp bench/target/benchmarks.jar se.insatsnavet.bench.Harness --services 10000 --seconds 10 --out BENCHMARKS.md</pre>
 */
public final class Harness {

    /** How one run is set up. */
    public record Options(int services, int federations, Path out, double seconds, double warmupSeconds,
                          int concurrency, Path work, long seed, long importTimeoutSeconds, double maxMinutes, String command) {

        public static Options defaults() {
            return new Options(100_000, 75, Path.of("BENCHMARKS.md"), 10, -1, 32, null, 20240521L, 3600, 0, null);
        }

        /** Warm-up per load phase: as given, else a fifth of the phase, at most 3 s. */
        public double warmup() {
            return warmupSeconds >= 0 ? warmupSeconds : Math.min(3, seconds / 5);
        }

        public static Options parse(String[] args) {
            Options o = defaults();
            int services = o.services;
            int federations = o.federations;
            Path out = o.out;
            double seconds = o.seconds;
            double warmup = o.warmupSeconds;
            int concurrency = o.concurrency;
            Path work = o.work;
            long seed = o.seed;
            long timeout = o.importTimeoutSeconds;
            double maxMinutes = o.maxMinutes;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option " + a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--services" -> services = Integer.parseInt(v);
                    case "--federations" -> federations = Integer.parseInt(v);
                    case "--out" -> out = Path.of(v);
                    case "--seconds" -> seconds = Double.parseDouble(v);
                    case "--warmup" -> warmup = Double.parseDouble(v);
                    case "--concurrency" -> concurrency = Integer.parseInt(v);
                    case "--work" -> work = Path.of(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--import-timeout" -> timeout = Long.parseLong(v);
                    case "--max-minutes" -> maxMinutes = Double.parseDouble(v);
                    default -> throw new IllegalArgumentException("Unknown option " + a
                            + " (known: --services --federations --out --seconds --warmup --concurrency --work --seed --import-timeout --max-minutes)");
                }
            }
            return new Options(services, federations, out, seconds, warmup, concurrency, work, seed, timeout, maxMinutes,
                    "Harness " + String.join(" ", args));
        }
    }

    /**
     * One figure of the table. {@code value} is NaN when it could not be measured ({@code note} says why);
     * {@code baseline} is NaN when the figure has none.
     */
    public record Row(String figure, double value, String unit, double baseline, String baselineName, String target,
                      Boolean met, String note) {

        /** value ÷ baseline, NaN without a baseline. */
        public double ratio() {
            return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : value / baseline;
        }

        public boolean measured() {
            return !Double.isNaN(value);
        }
    }

    /** What one run produced. */
    public record Report(List<Row> rows, List<LoadGenerator.Result> http, Map<String, String> machine, String markdown) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Slices in which compared load phases alternate (hello world with by-id; hub SPARQL with Fuseki). */
    static final int ROUNDS = 3;
    private static final String[] SEARCH_WORDS = {"arbetsträning", "handlingsplan", "praktik", "hälsa", "studier", "motivation"};
    /** The search target of issue 5: this many requests a second with p99 < 20 ms. */
    private static final int SEARCH_TARGET_RATE = 2_000;

    private final Options options;
    private final List<Row> rows = new ArrayList<>();
    private final List<LoadGenerator.Result> http = new ArrayList<>();
    private final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpClient control = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final long startNanos = System.nanoTime();
    /** From the start of the first import run to the end of the last federation's first run (ms), set by {@link #waitForImport}. */
    private long runsSpanMillis = -1;
    private final CpuMeter.Snapshot runStartCpu = CpuMeter.now();
    private volatile Instant importEnd = Instant.now();
    private volatile String dumpProgress;

    private Harness(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        Options options = Options.parse(args);
        Report report = run(options);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Appended to " + options.out().toAbsolutePath());
        System.exit(0);
    }

    /** Logback configuration of this module (WARN), unless one was given. */
    static void quietLogging() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-bench.xml");
        }
    }

    /** Runs everything and appends the section to {@code options.out()}. */
    public static Report run(Options options) throws Exception {
        // the load phases measure throughput: lift the hub's per-client rate limits, as a load balancer's pool would
        System.setProperty("insatsnavet.limits.searchPerMinute", "1000000000");
        System.setProperty("insatsnavet.limits.sparqlPerMinute", "1000000000");
        return new Harness(options).execute();
    }

    private void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %6.1fs] %s%n", (System.nanoTime() - startNanos) / 1e9, String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    // ================================================================================================ the run

    /** The figures in table order: key → figure name (a row not measured by the end is reported as such). */
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("import", "Full import, end to end (hub start → every federation imported)");
        FIGURES.put("rate", "Import throughput");
        FIGURES.put("runRate", "Import throughput, runs only (first run's start → last run's end)");
        FIGURES.put("resyncLargest", "Re-sync of an unchanged federation, largest");
        FIGURES.put("resyncMedian", "Re-sync of an unchanged federation, median size");
        FIGURES.put("push", "Push import: PUT /api/federations/{id}/services (NDJSON of canonical services)");
        FIGURES.put("visiblePush", "Change to visibility, push: PUT of one changed service → in /changes and search");
        FIGURES.put("visibleFile", "Change to visibility, file source: changed CSV row → in /changes and search (file watch)");
        FIGURES.put("hello", "HTTP hello world, Vert.x in the same JVM (baseline)");
        FIGURES.put("json", "By id, JSON: GET /id/service/{id}");
        FIGURES.put("turtle", "By id, Turtle: GET /id/service/{id}");
        FIGURES.put("search", "Search, repeated queries (6 words; answered from the response cache): GET /api/services?q={word}");
        FIGURES.put("searchP99", "Search p99 latency, repeated queries");
        FIGURES.put("searchDistinct", "Search, distinct queries (6 words × 290 municipalities × ages 16–65 in random order, so the response cache seldom answers)");
        FIGURES.put("searchDistinctP99", "Search p99 latency, distinct queries");
        FIGURES.put("searchAtRate", "Search p99 latency, distinct queries offered at 2,000 req/s (open loop)");
        FIGURES.put("hsds", "HSDS page: GET /hsds/services?page={n} (the first 20 pages in turn)");
        FIGURES.put("hsdsFull", "HSDS page, fully nested: GET /hsds/services?full=true&page={n} (every page of the catalogue, in random order)");
        FIGURES.put("sparql", "SPARQL lookup: GET /sparql?query=…");
        FIGURES.put("heap", "Heap used after import (after System.gc())");
        FIGURES.put("rss", "Process RSS after import (VmRSS)");
        FIGURES.put("dumpTime", "Dump generation (all dumps, Dumps.rebuild)");
        FIGURES.put("dumpSize", "Dump size, all files under /dumps/");
        FIGURES.put("firstStart", "First start to serving (empty data folder)");
        FIGURES.put("secondStart", "Second start to serving (existing data folder)");
    }

    private final Map<String, Row> measured = new LinkedHashMap<>();
    private volatile String step = "start";
    private volatile boolean written;

    private synchronized void put(String key, Row row) {
        measured.put(key, row);
        writePartial();
    }

    /**
     * Keeps {@code <out>.partial} up to date with everything measured so far, so that a run killed from outside
     * (no chance to write its section) still leaves its figures on disk; deleted when the section is written.
     */
    private synchronized void writePartial() {
        if (options.out() == null || written) {
            return;
        }
        try {
            String markdown = markdown(machine(), rowsFor("the run had not got there yet (or was killed before it)"));
            Files.writeString(partialFile(), "<!-- partial: the run was still going (or was killed) when this was written -->\n" + markdown,
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // a convenience only
        }
    }

    private Path partialFile() {
        return options.out().resolveSibling(options.out().getFileName() + ".partial");
    }

    private void step(String name) {
        step = name;
    }

    /** The rows in table order; a figure not measured gets a row saying why. */
    private synchronized List<Row> rowsFor(String missingReason) {
        List<Row> out = new ArrayList<>();
        FIGURES.forEach((key, name) -> out.add(measured.getOrDefault(key,
                new Row(name, Double.NaN, "", Double.NaN, "—", "—", null, "not measured: " + missingReason))));
        return out;
    }

    private Report execute() throws Exception {
        Thread watchdog = startWatchdog();
        try {
            return measure();
        } finally {
            if (watchdog != null) {
                watchdog.interrupt();
            }
        }
    }

    /** With --max-minutes: a thread that writes what was measured and ends the JVM when the time is up. */
    private Thread startWatchdog() {
        Thread watchdog = null;
        if (options.maxMinutes() > 0) {
            watchdog = new Thread(() -> {
                try {
                    Thread.sleep((long) (options.maxMinutes() * 60_000));
                } catch (InterruptedException e) {
                    return;
                }
                String reason = String.format(Locale.ROOT, "the run was stopped after --max-minutes %s during step '%s'",
                        number(options.maxMinutes()), step);
                log("Time limit: %s; writing what was measured", reason);
                notes.add("**Incomplete run**: " + reason + ".");
                try {
                    finish(reason);
                } catch (Exception e) {
                    e.printStackTrace();
                }
                Runtime.getRuntime().halt(3);
            }, "bench-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
        return watchdog;
    }

    private Report measure() throws Exception {
        Path work = options.work() != null ? options.work() : Files.createTempDirectory("insatsnavet-bench");
        Path fedDir = work.resolve("federations");
        Path dataDir = work.resolve("hub-data");
        Path loaderDir = work.resolve("tdb2-loader");
        for (Path p : List.of(fedDir, dataDir, loaderDir, work.resolve("catalogue.nq"))) {
            deleteRecursively(p);
        }
        step("generating the catalogue");
        log("Generating %d services in %d federations under %s", options.services(), options.federations(), fedDir);
        long g0 = System.nanoTime();
        CatalogueGenerator.Catalogue catalogue = new CatalogueGenerator(
                new CatalogueGenerator.Config(options.services(), options.federations(), options.seed())).generate(fedDir);
        log("Generated %.1f MB of source data in %.1f s", catalogue.dataBytes() / 1e6, (System.nanoTime() - g0) / 1e9);
        notes.add(String.format(Locale.ROOT, "Catalogue: %d services in %d federations (largest %s: %d services; formats CSV/JSON/NDJSON/HSDS package in turn, plus push bodies), %.1f MB of source files.",
                catalogue.services(), catalogue.federations().size(), catalogue.largest().id(), catalogue.largest().services(),
                catalogue.dataBytes() / 1e6));

        HubOptions hubOptions = HubOptions.defaults(dataDir).withPort(0).withHost("127.0.0.1").withFederations(fedDir);
        HubIris iris = HubIris.of(hubOptions.baseUri());

        // ---------------------------------------------------------------- 1. full import, end to end
        step("first start and import");
        log("Starting the hub (import on start) ...");
        Instant importStart = Instant.now();
        long s0 = System.nanoTime();
        Hub hub = Hub.start(hubOptions).toCompletionStage().toCompletableFuture().get();
        double firstStart = (System.nanoTime() - s0) / 1e9;
        put("firstStart", new Row(FIGURES.get("firstStart"), firstStart, "s", Double.NaN, "—", "—", null,
                "Hub.start() until it listens; the imports run after"));
        int port = hub.port();
        Hub running = hub;
        try {
            CpuMeter.Snapshot importCpu = CpuMeter.now();
            Double importSeconds = waitForImport(port, importStart, catalogue);
            double importOthers = CpuMeter.others(importCpu, CpuMeter.now());
            step("counting the store");
            long[] quads = countQuads(hub, iris);
            long federationTriples = quads[0] - quads[1];
            notes.add(String.format(Locale.ROOT, "Store after import: %,d quads, of which %,d in the federations' graphs and %,d in the reference graph (vocabulary, places).",
                    quads[0], federationTriples, quads[1]));
            double hubRate = importSeconds == null ? Double.NaN : federationTriples / importSeconds;
            double runRate = runsSpanMillis > 0 ? federationTriples / (runsSpanMillis / 1000.0) : Double.NaN;
            String importNote = importSeconds == null ? "the import did not finish within " + options.importTimeoutSeconds() + " s"
                    : "includes the hub's start-up and its staggering of sources (reads 25 ms apart, imports one per CPU (at least two) at a time)"
                    + (Double.isNaN(importOthers) ? "" : String.format(Locale.ROOT, "; other processes used %.0f %% of the CPU meanwhile", importOthers * 100));
            String rateNote = String.format(Locale.ROOT, "hub: %,d triples in federation graphs", federationTriples);
            String runRateNote = runsSpanMillis > 0 ? String.format(Locale.ROOT,
                    "%.1f s from the first run's start to the last run's end: the hub's start-up excluded, its staggering of sources not",
                    runsSpanMillis / 1000.0) : "run times not available";
            // without their baseline until the loader has run
            put("import", new Row(FIGURES.get("import"), orNaN(importSeconds), "s", Double.NaN, "TDB2 bulk loader, same quads", "—", null, importNote));
            put("rate", new Row(FIGURES.get("rate"), hubRate, "triples/s", Double.NaN, "TDB2 bulk loader", "≥ 0.67× loader", null, rateNote));
            put("runRate", new Row(FIGURES.get("runRate"), runRate, "triples/s", Double.NaN, "TDB2 bulk loader", "—", null, runRateNote));

            // ---------------------------------------------------------------- dumps
            step("waiting for the background dump rebuilds");
            settleDumps(hub);
            // ---------------------------------------------------------------- memory after import, once the
            // background dump rebuilds (which hold whole pages of services) are done
            step("memory");
            System.gc();
            Thread.sleep(200);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            double heapMb = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
            double rssMb = rssMegabytes();
            put("heap", new Row(FIGURES.get("heap"), heapMb, "MB", Double.NaN, "—", "—", null,
                    String.format(Locale.ROOT, "whole harness JVM; max heap %.0f MB", rt.maxMemory() / 1048576.0)));
            put("rss", new Row(FIGURES.get("rss"), rssMb, "MB", Double.NaN, "—", "—", null,
                    Double.isNaN(rssMb) ? "/proc/self/status not readable on this OS" : "whole harness JVM (TDB2 files are memory-mapped)"));

            step("re-sync");
            CatalogueGenerator.Federation largest = catalogue.largest();
            List<CatalogueGenerator.Federation> bySize = new ArrayList<>(catalogue.federations());
            bySize.sort(Comparator.comparingInt(CatalogueGenerator.Federation::services));
            CatalogueGenerator.Federation median = bySize.get(bySize.size() / 2);
            double[] resyncLargest = resync(hub, largest);
            put("resyncLargest", new Row(FIGURES.get("resyncLargest") + " (" + largest.id() + ", " + largest.services() + " services)",
                    resyncLargest[0], "ms", Double.NaN, "—", "≤ 100 ms", Double.isNaN(resyncLargest[0]) ? null : resyncLargest[0] <= 100,
                    String.format(Locale.ROOT, "median of %d runs of Hub.syncNow; min %.1f, max %.1f ms; CPU time of the syncing thread (an unchanged file is not read again; a changed one is read, hashed and compared): median %.1f ms",
                            (int) resyncLargest[3], resyncLargest[1], resyncLargest[2], resyncLargest[4])));
            double[] resyncMedian = resync(hub, median);
            put("resyncMedian", new Row(FIGURES.get("resyncMedian") + " (" + median.id() + ", " + median.services() + " services)",
                    resyncMedian[0], "ms", Double.NaN, "—", "≤ 100 ms", Double.isNaN(resyncMedian[0]) ? null : resyncMedian[0] <= 100,
                    String.format(Locale.ROOT, "median of %d runs of Hub.syncNow; min %.1f, max %.1f ms; CPU time of the syncing thread: median %.1f ms",
                            (int) resyncMedian[3], resyncMedian[1], resyncMedian[2], resyncMedian[4])));

            step("push and change visibility");
            measurePushAndVisibility(hub, port, largest, largest, fedDir);
            // the changes just made set off background dump rebuilds: let them finish before timing one
            settleDumps(hub, false);

            step("dump generation");
            double dumpSeconds = Double.NaN;
            String dumpNote = "every dump the hub publishes under /dumps/ (N-Quads, Turtle per federation, NDJSON, …), one Dumps.rebuild";
            try {
                List<String> ids = hub.federations().all().stream().map(f -> f.id()).toList();
                long d0 = System.nanoTime();
                hub.dumps().rebuild(ids);
                dumpSeconds = (System.nanoTime() - d0) / 1e9;
            } catch (RuntimeException e) {
                dumpNote = "not measured: dump rebuild failed: " + e;
            }
            put("dumpTime", new Row(FIGURES.get("dumpTime"), dumpSeconds, "s", Double.NaN, "—", "—", null, dumpNote));
            long[] dumpSizes = dumpSizes(port);
            put("dumpSize", new Row(FIGURES.get("dumpSize"), dumpSizes[0] < 0 ? Double.NaN : dumpSizes[0] / 1e6, "MB",
                    Double.NaN, "—", "—", null, dumpSizes[0] < 0 ? "not measured: GET /dumps/ failed" : dumpSizes[2] + " files; catalogue.nq.gz "
                    + String.format(Locale.ROOT, "%.1f MB", dumpSizes[1] / 1e6)));
            Path nqGz = dataDir.resolve("dumps").resolve("catalogue.nq.gz");

            // ---------------------------------------------------------------- baseline: TDB2 bulk loader
            step("TDB2 bulk loader");
            double loaderSeconds = Double.NaN;
            CpuMeter.Snapshot loaderCpu;
            double loaderOthers = Double.NaN;
            long loaderQuads = 0;
            String loaderNote = null;
            Dataset loaded = null;
            if (Files.isRegularFile(nqGz)) {
                Path nq = work.resolve("catalogue.nq");
                try (InputStream in = new GZIPInputStream(Files.newInputStream(nqGz));
                     OutputStream out = Files.newOutputStream(nq)) {
                    in.transferTo(out);
                }
                log("Loading the hub's N-Quads dump (%.1f MB) with the TDB2 bulk loader ...", Files.size(nq) / 1e6);
                Files.createDirectories(loaderDir);
                loaded = TDB2Factory.connectDataset(loaderDir.toString());
                DataLoader loader = LoaderFactory.createLoader(loaded.asDatasetGraph(), (fmt, args) -> { });
                long l0 = System.nanoTime();
                loaderCpu = CpuMeter.now();
                loader.startBulk();
                try {
                    loader.load(nq.toString());
                    loader.finishBulk();
                } catch (RuntimeException e) {
                    loader.finishException(e);
                    throw e;
                }
                loaderSeconds = (System.nanoTime() - l0) / 1e9;
                loaderOthers = CpuMeter.others(loaderCpu, CpuMeter.now());
                loaderQuads = loader.countQuads() + loader.countTriples();
                log("Loader: %,d quads in %.2f s", loaderQuads, loaderSeconds);
                Files.deleteIfExists(nq);
            } else {
                loaderNote = "no N-Quads dump at " + nqGz;
            }
            double loaderRate = Double.isNaN(loaderSeconds) ? Double.NaN : loaderQuads / loaderSeconds;
            String loaderText = loaderNote == null ? String.format(Locale.ROOT, "; loader: %,d quads (the whole dump, reference graph included)%s", loaderQuads,
                    Double.isNaN(loaderOthers) ? "" : String.format(Locale.ROOT, "; other processes used %.0f %% of the CPU while it loaded", loaderOthers * 100))
                    : "; baseline not measured: " + loaderNote;
            put("import", new Row(FIGURES.get("import"), orNaN(importSeconds), "s", loaderSeconds, "TDB2 bulk loader, same quads", "—", null,
                    importNote + (loaderNote == null ? "" : "; baseline not measured: " + loaderNote)));
            put("rate", new Row(FIGURES.get("rate"), hubRate, "triples/s", loaderRate, "TDB2 bulk loader", "≥ 0.67× loader",
                    Double.isNaN(hubRate) || Double.isNaN(loaderRate) ? null : hubRate / loaderRate >= 0.67, rateNote + loaderText));
            put("runRate", new Row(FIGURES.get("runRate"), runRate, "triples/s", loaderRate, "TDB2 bulk loader", "—", null, runRateNote));

            // ---------------------------------------------------------------- HTTP load
            LoadGenerator.Result fuseki = null;
            Vertx helloVertx = Vertx.vertx();
            FusekiServer fusekiServer = null;
            try (LoadGenerator load = new LoadGenerator(options.concurrency())) {
                HttpServer helloServer = helloVertx.createHttpServer()
                        .requestHandler(r -> r.response().putHeader("Content-Type", "text/plain").end("Hello, world"))
                        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                List<String> ids = sampleIds(catalogue, 5000);
                // the by-id phases alternate with their baseline, so that a busy machine weighs on all three alike
                step("HTTP: hello world and by id");
                List<LoadGenerator.Result> byIdPhases = interleaved(load, List.of(
                        new LoadGenerator.Phase("Vert.x hello world (baseline)", helloServer.actualPort(), fixed("/", Map.of()), options.warmup()),
                        new LoadGenerator.Phase("GET /id/service/{id}, Accept: application/json", port, byId(ids, "application/json"), options.warmup()),
                        new LoadGenerator.Phase("GET /id/service/{id}, Accept: text/turtle", port, byId(ids, "text/turtle"), options.warmup())),
                        ROUNDS);
                LoadGenerator.Result hello = byIdPhases.get(0);
                double helloRate = rate(hello);
                put("hello", new Row(FIGURES.get("hello"), helloRate, "req/s", Double.NaN, "—", "—", null, latencyNote(hello)));
                helloServer.close();
                LoadGenerator.Result json = byIdPhases.get(1);
                put("json", new Row(FIGURES.get("json"), rate(json), "req/s", helloRate, "hello world",
                        "≥ 0.5× hello world", metRatio(rate(json), helloRate, 0.5), latencyNote(json)));
                LoadGenerator.Result ttl = byIdPhases.get(2);
                put("turtle", new Row(FIGURES.get("turtle"), rate(ttl), "req/s", helloRate, "hello world",
                        "≥ 0.5× hello world", metRatio(rate(ttl), helloRate, 0.5), latencyNote(ttl)));
                step("waiting for the search index merge");
                notes.add(awaitMergedIndex(hub));
                step("HTTP: search");
                Supplier<Integer> w = LoadGenerator.cycle(SEARCH_WORDS.length);
                LoadGenerator.Result search = phase(load, "GET /api/services?q={word}", port,
                        () -> new LoadGenerator.Request("/api/services?q=" + enc(SEARCH_WORDS[w.get()]), Map.of("Accept", "application/json")));
                put("search", new Row(FIGURES.get("search"), rate(search), "req/s", helloRate, "hello world",
                        "≥ 2000 req/s", Double.isNaN(rate(search)) ? null : rate(search) >= 2000, latencyNote(search)));
                put("searchP99", new Row(FIGURES.get("searchP99"), search.measured() ? search.p99Millis() : Double.NaN, "ms", Double.NaN, "—",
                        "< 20 ms", search.measured() ? search.p99Millis() < 20 : null, noteIfEmpty(search)));
                // the long tail: 87,000 combinations in a fixed random order, more than the response cache holds,
                // so nearly every request is a search of the index (facets and snippets included)
                List<String> codes = new ArrayList<>(se.insatsnavet.schema.Vocabulary.load(
                        se.insatsnavet.schema.vocab.HubIris.defaults()).codes(se.insatsnavet.schema.Vocabulary.MUNICIPALITY));
                java.util.SplittableRandom random = new java.util.SplittableRandom(42);
                Supplier<LoadGenerator.Request> randomSearches = () -> {
                    int n;
                    synchronized (random) {
                        n = random.nextInt(SEARCH_WORDS.length * codes.size() * 50);
                    }
                    return distinctSearch(codes, n);
                };
                // the repeated queries, answered from the cache, left the search code cold: warm it until the JIT settles
                String settled = warmUntilJitSettles(load, port, randomSearches);
                SearchConditions distinctBefore = SearchConditions.now(hub);
                LoadGenerator.Result distinct = phase(load, "GET /api/services?q={word}&municipality={code}&age={age}", port,
                        randomSearches, 0);
                String distinctConditions = settled + "; " + distinctBefore.until(SearchConditions.now(hub));
                log("      (%s)", distinctConditions);
                put("searchDistinct", new Row(FIGURES.get("searchDistinct"), rate(distinct), "req/s", helloRate, "hello world",
                        "≥ 2000 req/s", Double.isNaN(rate(distinct)) ? null : rate(distinct) >= 2000, latencyNote(distinct) + "; " + distinctConditions));
                put("searchDistinctP99", new Row(FIGURES.get("searchDistinctP99"), distinct.measured() ? distinct.p99Millis() : Double.NaN,
                        "ms", Double.NaN, "—", "< 20 ms", distinct.measured() ? distinct.p99Millis() < 20 : null, noteIfEmpty(distinct)));
                // the target as stated: 2,000 requests a second with p99 < 20 ms. Offered at that rate (open loop),
                // each latency from the instant its request was due; after the closed-loop phase, which warmed the
                // search code up; combinations in a random order without repeats (the response cache keeps 16 MB of
                // answers, a few thousand of the 87,000, so few of them were answered in that phase and kept)
                int combinations = SEARCH_WORDS.length * codes.size() * 50;
                List<Integer> order = new ArrayList<>(combinations);
                for (int i = 0; i < combinations; i++) {
                    order.add(i);
                }
                java.util.Collections.shuffle(order, new java.util.Random(43));
                java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
                SearchConditions atRateBefore = SearchConditions.now(hub);
                log("Load: GET /api/services?q={word}&municipality={code}&age={age} offered at %,d req/s — %.1f s warm-up + %.1f s",
                        SEARCH_TARGET_RATE, options.warmup(), options.seconds());
                LoadGenerator.Result atRate = load.runAtRate("GET /api/services?q={word}&municipality={code}&age={age}, offered at "
                                + String.format(Locale.ROOT, "%,d", SEARCH_TARGET_RATE) + " req/s (open loop)", port,
                        () -> distinctSearch(codes, order.get(Math.floorMod(next.getAndIncrement(), combinations))),
                        options.warmup(), options.seconds(), SEARCH_TARGET_RATE);
                synchronized (this) {
                    http.add(atRate);
                    writePartial();
                }
                String atRateConditions = atRateBefore.until(SearchConditions.now(hub));
                log("      %s: %,.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors (%s)", atRate.name(), atRate.requestsPerSecond(),
                        atRate.p50Millis(), atRate.p99Millis(), atRate.errors(), atRateConditions);
                boolean keptUp = atRate.measured() && atRate.requestsPerSecond() >= 0.98 * SEARCH_TARGET_RATE && atRate.errors() == 0;
                put("searchAtRate", new Row(FIGURES.get("searchAtRate"), atRate.measured() ? atRate.p99Millis() : Double.NaN, "ms",
                        Double.NaN, "—", "< 20 ms at 2,000 req/s", atRate.measured() ? keptUp && atRate.p99Millis() < 20 : null,
                        atRate.measured() ? String.format(Locale.ROOT, "answered %,.0f req/s (%s); p50 %.2f / p95 %.2f / p99 %.2f ms, from the instant each request was due",
                                atRate.requestsPerSecond(), keptUp ? "kept up" : "fell behind", atRate.p50Millis(), atRate.p95Millis(), atRate.p99Millis())
                                + "; " + atRateConditions
                                : noteIfEmpty(atRate)));
                step("HTTP: HSDS pages");
                int pages = Math.max(1, Math.min(20, catalogue.services() / 20));
                Supplier<Integer> p = LoadGenerator.cycle(pages);
                LoadGenerator.Result hsds = phase(load, "GET /hsds/services?page={n}", port,
                        () -> new LoadGenerator.Request("/hsds/services?page=" + (p.get() + 1), Map.of("Accept", "application/json")));
                // against the by-id phase: a page of 20 served from ready representations as one service by id is
                put("hsds", new Row(FIGURES.get("hsds"), rate(hsds), "req/s", rate(json), "by id, JSON", "—", null, latencyNote(hsds)));
                List<Integer> everyPage = new ArrayList<>();
                for (int i = 1; i <= Math.max(1, (catalogue.services() + 19) / 20); i++) {
                    everyPage.add(i);
                }
                java.util.Collections.shuffle(everyPage, new java.util.Random(44));
                Supplier<Integer> fp = LoadGenerator.cycle(everyPage.size());
                LoadGenerator.Result hsdsFull = phase(load, "GET /hsds/services?full=true&page={n}", port,
                        () -> new LoadGenerator.Request("/hsds/services?full=true&page=" + everyPage.get(fp.get()), Map.of("Accept", "application/json")));
                put("hsdsFull", new Row(FIGURES.get("hsdsFull"), rate(hsdsFull), "req/s", rate(json), "by id, JSON", "—", null, latencyNote(hsdsFull)));

                // both SPARQL servers get the longer warm-up (Fuseki's code is cold in this JVM, the hub's mostly
                // warm), then they alternate
                step("HTTP: SPARQL, hub and Fuseki");
                LoadGenerator.Phase hubSparql = new LoadGenerator.Phase("GET /sparql?query={lookup} (hub)", port,
                        sparql("/sparql", ids, iris), sparqlWarmup());
                if (loaded == null) {
                    LoadGenerator.Result sparqlHub = interleaved(load, List.of(hubSparql), 1).get(0);
                    put("sparql", new Row(FIGURES.get("sparql"), rate(sparqlHub), "req/s", Double.NaN, "Fuseki, same quads (TDB2)",
                            "≥ 1× Fuseki", null, latencyNote(sparqlHub) + "; Fuseki not measured: " + loaderNote));
                } else {
                    fusekiServer = FusekiServer.create().port(0).loopback(true).add("/ds", loaded.asDatasetGraph()).build().start();
                    List<LoadGenerator.Result> sparqlPhases = interleaved(load, List.of(hubSparql,
                            new LoadGenerator.Phase("GET /ds/query?query={lookup} (Fuseki, baseline)", fusekiServer.getHttpPort(),
                                    sparql("/ds/query", ids, iris), sparqlWarmup())), ROUNDS);
                    LoadGenerator.Result sparqlHub = sparqlPhases.get(0);
                    fuseki = sparqlPhases.get(1);
                    double fusekiRate = rate(fuseki);
                    put("sparql", new Row(FIGURES.get("sparql"), rate(sparqlHub), "req/s", fusekiRate, "Fuseki, same quads (TDB2)",
                            "≥ 1× Fuseki", metRatio(rate(sparqlHub), fusekiRate, 1.0), latencyNote(sparqlHub) + "; Fuseki " + latencyNote(fuseki)));
                }
            } finally {
                if (fusekiServer != null) {
                    fusekiServer.stop();
                }
                helloVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                if (loaded != null) {
                    loaded.close();
                }
            }

            // ---------------------------------------------------------------- second start
            step("stopping the hub");
            log("Stopping the hub ...");
            hub.stop().get(120, TimeUnit.SECONDS);
            running = null;
            step("second start");
            log("Second start on the existing data folder ...");
            long r0 = System.nanoTime();
            Hub second = Hub.start(hubOptions).toCompletionStage().toCompletableFuture().get();
            running = second;
            double secondStart = Double.NaN;
            String secondNote = "Hub.start() until GET /health answers 200";
            try {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (System.nanoTime() < until) {
                    if (get(second.port(), "/health").statusCode() == 200) {
                        secondStart = (System.nanoTime() - r0) / 1e9;
                        break;
                    }
                    Thread.sleep(10);
                }
                JsonNode one = JSON.readTree(get(second.port(), "/api/services?perPage=1&status=all").body());
                secondNote += String.format(Locale.ROOT, "; %d services served right after", one.path("total").asLong());
            } catch (Exception e) {
                secondNote = "not measured: " + e;
            }
            put("secondStart", new Row(FIGURES.get("secondStart"), secondStart, "s", Double.NaN, "—", "—", null, secondNote));
        } finally {
            if (running != null) {
                log("Stopping the hub ...");
                long t0 = System.nanoTime();
                try {
                    running.stop().get(300, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    notes.add("The last hub did not finish stopping within 300 s; the figures above are not affected.");
                }
                double stopSeconds = (System.nanoTime() - t0) / 1e9;
                if (stopSeconds > 10) {
                    notes.add(String.format(Locale.ROOT, "Stopping the last hub took %.0f s.", stopSeconds));
                }
            }
        }
        if (options.work() == null) {
            deleteRecursively(work);
        }
        Report report = finish("the run ended before it");
        log("Done");
        return report;
    }

    /** Builds the table (once) and appends it to the output file. */
    private synchronized Report finish(String missingReason) throws IOException {
        double others = CpuMeter.others(runStartCpu, CpuMeter.now());
        if (!Double.isNaN(others)) {
            notes.add(String.format(Locale.ROOT, "Other processes on the machine used %.0f %% of its CPU time during this run "
                    + "(from /proc/stat; 0 %% means the harness had the machine to itself).", others * 100));
        }
        if (dumpProgress != null) {
            notes.add(dumpProgress);
        }
        rows.clear();
        rows.addAll(rowsFor(missingReason));
        Map<String, String> machine = machine();
        String markdown = markdown(machine, rows);
        if (options.out() != null && !written) {
            appendSection(options.out(), markdown);
            written = true;
            Files.deleteIfExists(partialFile());
        }
        return new Report(List.copyOf(rows), List.copyOf(http), machine, markdown);
    }


    // ================================================================================================ steps

    /**
     * Polls {@code GET /api/federations} until every federation has a finished run; returns the seconds from
     * {@code start} to the latest first finish, or null on time-out.
     */
    private Double waitForImport(int port, Instant start, CatalogueGenerator.Catalogue catalogue) throws Exception {
        Map<String, Instant> finished = new HashMap<>();
        Map<String, JsonNode> firstRuns = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.importTimeoutSeconds());
        long lastLog = 0;
        int expected = catalogue.federations().size();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(port, "/api/federations");
            if (r.statusCode() == 200) {
                for (JsonNode f : JSON.readTree(r.body()).path("items")) {
                    JsonNode run = f.path("lastRun");
                    String status = run.path("status").asText("");
                    if (!finished.containsKey(f.path("id").asText()) && (status.equals("succeeded") || status.equals("failed"))) {
                        finished.put(f.path("id").asText(), Instant.parse(run.path("finishedAt").asText()));
                        firstRuns.put(f.path("id").asText(), run);
                    }
                }
            }
            if (finished.size() >= expected) {
                break;
            }
            if (System.nanoTime() - lastLog > 10e9) {
                lastLog = System.nanoTime();
                log("Import: %d of %d federations finished", finished.size(), expected);
            }
            Thread.sleep(100);
        }
        if (finished.size() < expected) {
            return null;
        }
        // the run seen last may already be a later one (the file watch re-reads each source once after
        // start-up): take each federation's first finished run from its run list (newest first)
        for (String id : List.copyOf(finished.keySet())) {
            HttpResponse<String> r = get(port, "/api/federations/" + id + "/runs?limit=200");
            if (r.statusCode() != 200) {
                continue;
            }
            JsonNode first = null;
            for (JsonNode run : JSON.readTree(r.body()).path("items")) {
                String status = run.path("status").asText("");
                if ((status.equals("succeeded") || status.equals("failed"))
                        && (first == null || run.path("id").asLong() < first.path("id").asLong())) {
                    first = run;
                }
            }
            if (first != null) {
                finished.put(id, Instant.parse(first.path("finishedAt").asText()));
                firstRuns.put(id, first);
            }
        }
        Instant end = Collections.max(finished.values());
        importEnd = end;
        long failed = firstRuns.values().stream().filter(r -> !r.path("status").asText().equals("succeeded")).count();
        long rejected = firstRuns.values().stream().mapToLong(r -> r.path("counts").path("rejected").asLong()).sum();
        long added = firstRuns.values().stream().mapToLong(r -> r.path("counts").path("added").asLong()).sum();
        Instant firstStart = firstRuns.values().stream().map(r -> Instant.parse(r.path("startedAt").asText()))
                .min(Comparator.naturalOrder()).orElse(end);
        runsSpanMillis = Duration.between(firstStart, end).toMillis();
        double seconds = Duration.between(start, end).toNanos() / 1e9;
        log("Import finished: %d federations, %d services added, %d rejected, %d failed runs, %.1f s", finished.size(), added, rejected, failed, seconds);
        notes.add(String.format(Locale.ROOT, "First runs: %,d services added, %d records rejected, %d failed runs.", added, rejected, failed));
        return seconds;
    }

    /** [all quads, reference-graph quads] of the hub's dataset. */
    private static long[] countQuads(Hub hub, HubIris iris) {
        return new long[]{hub.store().size(), hub.store().graph(iris.referenceGraph()).size()};
    }

    /**
     * Waits until the background dump writer is idle: the dumps are rebuilt (coalesced) after every run that
     * changed the catalogue, so one may still be running, or pending, after the import.
     */
    private void settleDumps(Hub hub) throws InterruptedException {
        settleDumps(hub, true);
    }

    /** Waits until the dump listing has not changed for three checks; {@code note}: record the last rebuild's time. */
    private void settleDumps(Hub hub, boolean note) throws InterruptedException {
        log("Waiting for the background dump rebuilds to settle ...");
        awaitSettledDumps(hub, () -> {
            if (note) {
                hub.dumps().info("catalogue.nq.gz").ifPresent(d -> {
                    log("Dumps written at %s (catalogue.nq.gz %.1f MB)", d.written(), d.bytes() / 1e6);
                    dumpProgress = String.format(Locale.ROOT, "Background dump rebuilds after the import: the last finished at %s, "
                            + "%.0f s after the import ended (catalogue.nq.gz then %.1f MB).", d.written(),
                            Duration.between(importEnd, d.written()).toMillis() / 1000.0, d.bytes() / 1e6);
                });
            }
        });
    }

    /**
     * Waits (30 minutes at most) until the dump listing stays the same for three looks, half a second apart, while no
     * rebuild runs; {@code onChange} is told each time the listing changed.
     */
    static void awaitSettledDumps(Hub hub, Runnable onChange) throws InterruptedException {
        String before = null;
        int stable = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (stable < 3 && System.nanoTime() < deadline) {
            synchronized (hub.dumps()) {
                // Dumps.rebuild is synchronized: holding the monitor means no rebuild is running now
            }
            Thread.sleep(500);
            String now = hub.dumps().list().toString();
            if (!now.equals(before)) {
                onChange.run();
            }
            stable = now.equals(before) ? stable + 1 : 0;
            before = now;
        }
    }

    /** [total bytes, catalogue.nq.gz bytes, files] from {@code GET /dumps/}; [-1, -1, 0] on failure. */
    private long[] dumpSizes(int port) {
        try {
            JsonNode list = JSON.readTree(get(port, "/dumps/").body());
            long total = 0;
            long nq = 0;
            int files = 0;
            for (JsonNode d : list.path("items")) {
                total += d.path("bytes").asLong();
                files++;
                if (d.path("name").asText().equals("catalogue.nq.gz")) {
                    nq = d.path("bytes").asLong();
                }
            }
            return new long[]{total, nq, files};
        } catch (Exception e) {
            return new long[]{-1, -1, 0};
        }
    }

    /** [median, min, max, runs] in ms of re-syncing an unchanged federation. */
    private double[] resync(Hub hub, CatalogueGenerator.Federation federation) {
        int runs = 5;
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try {
            hub.syncNow(federation.id(), "bench-warmup");
            for (int i = 0; i < runs; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                List<RunReport> reports = hub.syncNow(federation.id(), "bench");
                ms[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                for (RunReport r : reports) {
                    if (r.counts().changedCatalogue()) {
                        notes.add("Re-sync of " + federation.id() + " changed the catalogue (" + r.counts() + ")");
                    }
                }
            }
        } catch (RuntimeException e) {
            notes.add("Re-sync of " + federation.id() + " failed: " + e);
            return new double[]{Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN};
        }
        double[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        java.util.Arrays.sort(cpu);
        log("Re-sync %s (%d services): median %.1f ms, CPU of the syncing thread %.1f ms", federation.id(), federation.services(),
                sorted[runs / 2], cpu[runs / 2]);
        return new double[]{sorted[runs / 2], sorted[0], sorted[runs - 1], runs, cpu[runs / 2]};
    }

    /**
     * Waits (5 minutes at most; system property {@code insatsnavet.bench.mergeWaitSeconds}) until the search
     * index is as a quiet hub keeps it: one segment, no background
     * merge running. The hub merges its index into one segment once no write has come for 5 s, at most once a
     * minute ({@code ServiceIndex}); a search phase that ran beside that merge (which rewrites the whole index)
     * or on many segments would measure them instead of the search. Returns a note for the report saying what
     * was found and how long the wait took, so that an unmerged index is not hidden.
     */
    static String awaitMergedIndex(Hub hub) throws InterruptedException {
        se.insatsnavet.hub.search.ServiceIndex index = hub.searchIndex();
        int segments = index.segments();
        boolean merging = index.merging();
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(Integer.getInteger("insatsnavet.bench.mergeWaitSeconds", 300));
        while ((index.segments() > 1 || index.merging()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double waited = (System.nanoTime() - t0) / 1e9;
        String note = String.format(Locale.ROOT, "Search index before the search phases: %d segment(s)%s; %s.", segments,
                merging ? ", a background merge running" : "",
                index.segments() == 1 && !index.merging()
                        ? (segments == 1 && !merging ? "already merged, no wait" : String.format(Locale.ROOT, "waited %.1f s for the background merge into one segment", waited))
                        : String.format(Locale.ROOT, "still %d segment(s) after waiting %.0f s (the search figures include that)", index.segments(), waited));
        return note;
    }

    /**
     * What else could weigh on a search phase, inside this JVM (the hub runs in it; {@link CpuMeter} covers
     * other processes): the index's segment count and background merge, garbage collection and JIT compilation.
     */
    record SearchConditions(int segments, boolean merging, long gcMillis, long gcCount, long jitMillis) {

        static SearchConditions now(Hub hub) {
            long gcMillis = 0;
            long gcCount = 0;
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcMillis += Math.max(0, gc.getCollectionTime());
                gcCount += Math.max(0, gc.getCollectionCount());
            }
            java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            long jitMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
            return new SearchConditions(hub.searchIndex().segments(), hub.searchIndex().merging(), gcMillis, gcCount, jitMillis);
        }

        /** How things stood at the start and end of a phase, and what the JVM did meanwhile. */
        String until(SearchConditions end) {
            return String.format(Locale.ROOT, "search index %d segment(s) at the start%s, %d at the end%s; this JVM meanwhile: "
                            + "GC %,d ms in %d collections, JIT compilation %s", segments, merging ? " (merging)" : "", end.segments,
                    end.merging ? " (merging)" : "", end.gcMillis - gcMillis, end.gcCount - gcCount,
                    jitMillis < 0 || end.jitMillis < 0 ? "not measured" : String.format(Locale.ROOT, "%,d ms", end.jitMillis - jitMillis));
        }
    }

    /** Combination {@code n} of a search word, a municipality code and an age (16–65). */
    private static LoadGenerator.Request distinctSearch(List<String> codes, int n) {
        return new LoadGenerator.Request("/api/services?q=" + enc(SEARCH_WORDS[n % SEARCH_WORDS.length])
                + "&municipality=" + codes.get((n / SEARCH_WORDS.length) % codes.size())
                + "&age=" + (16 + n / (SEARCH_WORDS.length * codes.size())), Map.of("Accept", "application/json"));
    }

    private LoadGenerator.Result phase(LoadGenerator load, String name, int port, Supplier<LoadGenerator.Request> requests) {
        return phase(load, name, port, requests, options.warmup());
    }

    private LoadGenerator.Result phase(LoadGenerator load, String name, int port, Supplier<LoadGenerator.Request> requests,
                                       double warmup) {
        return interleaved(load, List.of(new LoadGenerator.Phase(name, port, requests, warmup)), 1).get(0);
    }

    /** Phases to be compared, run in alternation ({@link LoadGenerator#runInterleaved}). */
    private List<LoadGenerator.Result> interleaved(LoadGenerator load, List<LoadGenerator.Phase> phases, int rounds) {
        for (LoadGenerator.Phase p : phases) {
            log("Load: %s — %d users, %.1f s warm-up + %.1f s%s", p.name(), options.concurrency(), p.warmupSeconds(), options.seconds(),
                    rounds > 1 ? " in " + rounds + " slices, alternating with " + (phases.size() - 1) + " other phase(s)" : "");
        }
        List<LoadGenerator.Result> results = load.runInterleaved(phases, options.seconds(), rounds);
        for (LoadGenerator.Result r : results) {
            synchronized (this) {
                http.add(r);
                writePartial();
            }
            log("      %s: %,.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors, other processes %.0f %% CPU%s", r.name(),
                    r.requestsPerSecond(), r.p50Millis(), r.p99Millis(), r.errors(), r.otherCpuShare() * 100,
                    r.firstError() == null ? "" : " (first: " + r.firstError() + ")");
        }
        return results;
    }

    /** Length of one warm-up slice while waiting for the JIT to settle. */
    static final double JIT_SLICE_SECONDS = 2.0;
    /** The JIT has settled when it compiled for less than this share of a slice's wall time. */
    static final double JIT_SETTLED_SHARE = 0.05;
    /** The longest warm-up spent waiting for the JIT to settle. */
    static final double JIT_MAX_WARMUP_SECONDS = 120;

    /**
     * Runs {@code requests} unrecorded in slices of {@value #JIT_SLICE_SECONDS} s until the JVM's JIT compiled for
     * less than {@value #JIT_SETTLED_SHARE} of a slice's time (at least the configured warm-up, at most
     * {@value #JIT_MAX_WARMUP_SECONDS} s), so the phase after it measures compiled code on a machine with few cores
     * (a fixed warm-up left 8.9 s of JIT compilation inside a 12-second search phase). Says how long it took.
     */
    private String warmUntilJitSettles(LoadGenerator load, int port, Supplier<LoadGenerator.Request> requests) {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            load.run("warm-up", port, requests, 0, sparqlWarmup());
            return String.format(Locale.ROOT, "warm-up %.0f s (JIT time not measurable here)", sparqlWarmup());
        }
        double warmed = 0;
        long lastSlice = Long.MAX_VALUE;
        while (warmed < JIT_MAX_WARMUP_SECONDS
                && (warmed < options.warmup() || lastSlice >= JIT_SETTLED_SHARE * JIT_SLICE_SECONDS * 1000)) {
            long before = jit.getTotalCompilationTime();
            load.run("warm-up", port, requests, 0, JIT_SLICE_SECONDS);
            lastSlice = jit.getTotalCompilationTime() - before;
            warmed += JIT_SLICE_SECONDS;
        }
        boolean settledInTime = lastSlice < JIT_SETTLED_SHARE * JIT_SLICE_SECONDS * 1000;
        log("      warm-up of %.0f s: %,d ms of JIT in its last %.0f s slice%s", warmed, lastSlice, JIT_SLICE_SECONDS,
                settledInTime ? "" : " (not settled)");
        return String.format(Locale.ROOT, "measured after %.0f s of warm-up, when the JIT %s (%,d ms of compilation in the last %.0f s)",
                warmed, settledInTime ? "had settled" : "had NOT settled", lastSlice, JIT_SLICE_SECONDS);
    }

    /**
     * Warm-up of the two SPARQL phases and of the closed-loop distinct searches: at least the measured duration
     * (JIT of code the earlier phases did not run, on few cores: a 2-second warm-up left 13 s of JIT compilation
     * inside a 10-second distinct-search phase at 10k services).
     */
    private double sparqlWarmup() {
        return Math.max(options.warmup(), options.seconds());
    }

    private static Supplier<LoadGenerator.Request> fixed(String path, Map<String, String> headers) {
        LoadGenerator.Request r = new LoadGenerator.Request(path, headers);
        return () -> r;
    }

    private static Supplier<LoadGenerator.Request> byId(List<String> ids, String accept) {
        Supplier<Integer> i = LoadGenerator.cycle(ids.size());
        return () -> new LoadGenerator.Request("/id/service/" + ids.get(i.get()), Map.of("Accept", accept));
    }

    /** The same lookup query for hub and Fuseki: every triple of one service, in whichever graph. */
    static String lookupQuery(String serviceIri) {
        return "SELECT ?p ?o WHERE { GRAPH ?g { <" + serviceIri + "> ?p ?o } }";
    }

    private static Supplier<LoadGenerator.Request> sparql(String path, List<String> ids, HubIris iris) {
        Supplier<Integer> i = LoadGenerator.cycle(ids.size());
        return () -> new LoadGenerator.Request(path + "?query=" + enc(lookupQuery(iris.service(ids.get(i.get())))),
                Map.of("Accept", "application/sparql-results+json"));
    }

    private List<String> sampleIds(CatalogueGenerator.Catalogue catalogue, int max) {
        List<String> all = catalogue.serviceIds();
        Collections.shuffle(all, new Random(options.seed()));
        return List.copyOf(all.subList(0, Math.min(max, all.size())));
    }

    /**
     * Push: the largest federation's generated push body (canonical NDJSON) as one PUT, timed. Visibility: the time
     * from sending a change until both {@code GET /changes} lists it and {@code GET /api/services?q=} finds its new
     * word, polled every 2 ms; for a push (the median of 5 single-service PUTs) and for a changed row of the
     * largest (CSV) federation's file, which the hub's file watch picks up (the median of 3).
     */
    private void measurePushAndVisibility(Hub hub, int port, CatalogueGenerator.Federation pushFederation,
                                          CatalogueGenerator.Federation csvFederation, Path fedDir) {
        String token = hub.tokens().create(null, "benchmark harness").secret();
        List<String> lines;
        try {
            lines = Files.readAllLines(pushFederation.pushFile(), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            long p0 = System.nanoTime();
            HttpResponse<String> r = control.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/federations/" + pushFederation.id() + "/services"))
                    .timeout(Duration.ofSeconds(600)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-ndjson")
                    .PUT(HttpRequest.BodyPublishers.ofString(String.join("\n", lines) + "\n")).build(), HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - p0) / 1e9;
            log("Push of %d services to %s: HTTP %d in %.2f s", lines.size(), pushFederation.id(), r.statusCode(), seconds);
            JsonNode run = JSON.readTree(r.body());
            int added = run.path("counts").path("added").asInt(-1);
            put("push", new Row(FIGURES.get("push") + " (" + pushFederation.id() + ", " + lines.size() + " services)",
                    r.statusCode() == 200 ? seconds * 1000 : Double.NaN, "ms", Double.NaN, "—", "—", null,
                    r.statusCode() == 200 ? String.format(Locale.ROOT, "%,.0f services/s; run: %d added, %d rejected", lines.size() / seconds,
                            added, run.path("counts").path("rejected").asInt(-1))
                            : "not measured: HTTP " + r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length()))));
        } catch (IOException | InterruptedException | RuntimeException e) {
            put("push", new Row(FIGURES.get("push"), Double.NaN, "ms", Double.NaN, "—", "—", null, "not measured: " + e));
            return;
        }
        try {
            List<Double> pushTimes = new ArrayList<>();
            for (int i = 0; i < 5 && !lines.isEmpty(); i++) {
                com.fasterxml.jackson.databind.node.ObjectNode service = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(lines.get(i % lines.size()));
                String word = uniqueWord(i);
                ((com.fasterxml.jackson.databind.node.ObjectNode) service.path("title")).put("sv", "Ändrad insats " + word);
                String localId = service.path("localId").asText();
                String since = Instant.now().minusMillis(1).toString();
                long v0 = System.nanoTime();
                HttpResponse<String> r = control.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/federations/" + pushFederation.id() + "/services/" + enc(localId)))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(service.toString())).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("push of one service answered HTTP " + r.statusCode() + ": " + r.body());
                }
                pushTimes.add(untilVisible(port, v0, since, pushFederation.id(), pushFederation.id() + "." + localId, word));
            }
            double[] p = summary(pushTimes);
            log("Change to visibility, push: %s ms", pushTimes);
            put("visiblePush", new Row(FIGURES.get("visiblePush"), p[0], "ms", Double.NaN, "—", "≤ 1000 ms",
                    Double.isNaN(p[0]) ? null : p[0] <= 1000, String.format(Locale.ROOT,
                    "median of %d; min %.1f, max %.1f ms; the PUT answers once the run is recorded", pushTimes.size(), p[1], p[2])));
        } catch (IOException | InterruptedException | RuntimeException e) {
            put("visiblePush", new Row(FIGURES.get("visiblePush"), Double.NaN, "ms", Double.NaN, "—", "≤ 1000 ms", null, "not measured: " + e));
        }
        try {
            Path file = fedDir.resolve(csvFederation.id()).resolve("insatser.csv");
            if (!"csv".equals(csvFederation.format()) || !Files.isRegularFile(file)) {
                throw new IllegalStateException(csvFederation.id() + " has no CSV file");
            }
            List<Double> fileTimes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String localId = csvFederation.localIds().get(i);
                String word = uniqueWord(10 + i);
                List<String> rows = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
                boolean changed = false;
                for (int k = 1; k < rows.size(); k++) {
                    if (rows.get(k).startsWith(localId + ";")) {
                        String rest = rows.get(k).substring(localId.length() + 1);
                        int end = rest.startsWith("\"") ? rest.indexOf("\";") + 1 : rest.indexOf(';');
                        rows.set(k, localId + ";Ändrad insats " + word + rest.substring(end));
                        changed = true;
                        break;
                    }
                }
                if (!changed) {
                    throw new IllegalStateException("row " + localId + " not found in " + file);
                }
                String since = Instant.now().minusMillis(1).toString();
                Path tmp = file.resolveSibling("insatser.csv.tmp");
                Files.writeString(tmp, String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
                long v0 = System.nanoTime();
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                fileTimes.add(untilVisible(port, v0, since, csvFederation.id(), csvFederation.id() + "." + localId, word));
            }
            double[] f = summary(fileTimes);
            log("Change to visibility, file: %s ms", fileTimes);
            put("visibleFile", new Row(FIGURES.get("visibleFile") + " (" + csvFederation.id() + ")", f[0], "ms", Double.NaN, "—",
                    "≤ 1000 ms", Double.isNaN(f[0]) ? null : f[0] <= 1000, String.format(Locale.ROOT,
                    "median of %d; min %.1f, max %.1f ms; the hub checks file sources every %d ms (HubOptions default) and imports a changed file once it stayed the same for a whole check (reading it meanwhile): one to two checks of this are waiting",
                    fileTimes.size(), f[1], f[2], HubOptions.DEFAULT_FILE_WATCH_MILLIS)));
        } catch (IOException | InterruptedException | RuntimeException e) {
            put("visibleFile", new Row(FIGURES.get("visibleFile"), Double.NaN, "ms", Double.NaN, "—", "≤ 1000 ms", null, "not measured: " + e));
        }
    }

    /** A word no generated text has, lower-case letters only, so that search finds exactly the changed service. */
    private static String uniqueWord(int i) {
        StringBuilder b = new StringBuilder("zyxmät");
        long n = System.nanoTime() / 1000 + i;
        for (int k = 0; k < 6; k++) {
            b.append((char) ('a' + (int) (n % 26)));
            n /= 26;
        }
        return b.toString();
    }

    private double untilVisible(int port, long startNanos, String since, String federation, String serviceId, String word)
            throws IOException, InterruptedException {
        return untilVisible(control, port, startNanos, since, federation, serviceId, word);
    }

    /**
     * Milliseconds from {@code startNanos} until /changes lists the service and search finds the word (60 s at most),
     * polling every 2 ms through {@code client}.
     */
    static double untilVisible(HttpClient client, int port, long startNanos, String since, String federation, String serviceId,
                               String word) throws IOException, InterruptedException {
        boolean inChanges = false;
        boolean inSearch = false;
        long deadline = startNanos + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!inChanges) {
                JsonNode changes = JSON.readTree(get(client, port, "/changes?federation=" + enc(federation) + "&since=" + enc(since)
                        + "&limit=1000").body());
                for (JsonNode item : changes.path("items")) {
                    inChanges |= serviceId.equals(item.path("service").asText()) || item.path("uri").asText().endsWith("/" + serviceId);
                }
            }
            if (!inSearch) {
                inSearch = JSON.readTree(get(client, port, "/api/services?q=" + enc(word) + "&facets=false&status=all").body()).path("total").asInt() > 0;
            }
            if (inChanges && inSearch) {
                return (System.nanoTime() - startNanos) / 1e6;
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException(serviceId + " was not visible within 60 s (changes " + inChanges + ", search " + inSearch + ")");
    }

    /** Median, min and max; NaN for none. */
    private static double[] summary(List<Double> values) {
        if (values.isEmpty()) {
            return new double[]{Double.NaN, Double.NaN, Double.NaN};
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new double[]{sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1)};
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return get(control, port, path);
    }

    private static HttpResponse<String> get(HttpClient client, int port, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    // ================================================================================================ helpers

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static double rate(LoadGenerator.Result r) {
        return r == null || !r.measured() ? Double.NaN : r.requestsPerSecond();
    }

    private static Boolean metRatio(double value, double baseline, double ratio) {
        return Double.isNaN(value) || Double.isNaN(baseline) ? null : value / baseline >= ratio;
    }

    private static String latencyNote(LoadGenerator.Result r) {
        if (r == null || !r.measured()) {
            return noteIfEmpty(r);
        }
        return String.format(Locale.ROOT, "p50 %.2f / p95 %.2f / p99 %.2f ms%s", r.p50Millis(), r.p95Millis(), r.p99Millis(),
                r.errors() == 0 ? "" : ", " + r.errors() + " errors");
    }

    private static String noteIfEmpty(LoadGenerator.Result r) {
        if (r == null) {
            return "not run";
        }
        return r.measured() ? "" : "no successful response (" + r.errors() + " errors; first: " + r.firstError() + ")";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** VmRSS of this process in MB, NaN where /proc is not there. */
    static double rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    private Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("date", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atZone(ZoneOffset.UTC)));
        m.put("nproc", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("cpu", firstLine(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")));
        m.put("memory", firstLine(Path.of("/proc/meminfo"), "MemTotal").orElse("?"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        m.put("jvm args", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        m.put("max heap", String.format(Locale.ROOT, "%.0f MB", Runtime.getRuntime().maxMemory() / 1048576.0));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    private static java.util.Optional<String> firstLine(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim().replaceAll("\\s+", " "));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    // ================================================================================================ markdown

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "not measured";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private String markdown(Map<String, String> machine, List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("## ").append(machine.get("date")).append(" — ").append(String.format(Locale.ROOT, "%,d", options.services()))
                .append(" services, ").append(options.federations()).append(" federations\n\n");
        b.append("Machine: ").append(machine.get("nproc")).append(" CPUs (nproc; ").append(machine.get("cpu")).append("), ")
                .append(machine.get("memory")).append(" RAM, ").append(machine.get("os")).append(". Java: ").append(machine.get("java"))
                .append(", max heap ").append(machine.get("max heap"))
                .append(machine.get("jvm args").isBlank() ? "" : ", JVM args `" + machine.get("jvm args") + "`").append(".\n");
        b.append("Run: `").append(options.command() == null ? "Harness.run" : options.command()).append("`; load phases ")
                .append(number(options.warmup())).append(" s warm-up + ").append(number(options.seconds())).append(" s, ")
                .append(options.concurrency()).append(" concurrent connections (closed loop, Vert.x HTTP client in the same JVM); hello world and the two by-id phases, and the two SPARQL phases, alternate in ")
                .append(ROUNDS).append(" slices each; the SPARQL phases warm up ")
                .append(number(sparqlWarmup())).append(" s.\n")
                .append("Ratio = value ÷ baseline (for a time, above 1 means slower than the baseline; for a rate, below 1 means slower).\n\n");
        b.append("| Figure | Value | Baseline | Ratio | Target | Met? | Notes |\n");
        b.append("| --- | ---: | ---: | ---: | --- | --- | --- |\n");
        for (Row r : rows) {
            String value = r.measured() ? number(r.value()) + " " + r.unit() : "**not measured**";
            String baseline = Double.isNaN(r.baseline()) ? (r.baselineName().equals("—") ? "—" : "not measured (" + r.baselineName() + ")")
                    : number(r.baseline()) + " " + r.unit() + " (" + r.baselineName() + ")";
            String ratio = Double.isNaN(r.ratio()) ? "—" : String.format(Locale.ROOT, "%.2f×", r.ratio());
            String met = r.met() == null ? (r.target().equals("—") ? "—" : "n/a") : r.met() ? "yes" : "**no**";
            b.append("| ").append(r.figure()).append(" | ").append(value).append(" | ").append(baseline).append(" | ")
                    .append(ratio).append(" | ").append(r.target()).append(" | ").append(met).append(" | ")
                    .append(r.note() == null ? "" : r.note().replace("|", "\\|")).append(" |\n");
        }
        b.append("\nHTTP load phases:\n\n");
        b.append("| Phase | Requests | Errors | req/s | p50 ms | p95 ms | p99 ms | max ms | CPU used by other processes |\n");
        b.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (LoadGenerator.Result r : http) {
            double others = r.otherCpuShare();
            b.append("| ").append(r.name()).append(" | ").append(r.requests()).append(" | ").append(r.errors()).append(" | ")
                    .append(number(r.requestsPerSecond())).append(" | ").append(number(r.p50Millis())).append(" | ")
                    .append(number(r.p95Millis())).append(" | ").append(number(r.p99Millis())).append(" | ")
                    .append(number(r.maxMillis())).append(" | ")
                    .append(Double.isNaN(others) ? "?" : String.format(Locale.ROOT, "%.0f %%", others * 100)).append(" |\n");
        }
        if (!notes.isEmpty()) {
            b.append("\nNotes:\n\n");
            notes.forEach(n -> b.append("- ").append(n).append('\n'));
        }
        return b.toString();
    }

    private static void appendSection(Path out, String section) throws IOException {
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        String text = Files.exists(out) ? "\n" + section : "# Benchmarks\n\nResults of `bench/` (see bench/README.md). Newest last.\n\n" + section;
        Files.writeString(out, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
