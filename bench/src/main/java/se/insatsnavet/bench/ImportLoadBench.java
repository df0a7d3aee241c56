package se.insatsnavet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.insatsnavet.hub.Hub;
import se.insatsnavet.hub.HubOptions;
import se.insatsnavet.hub.imports.RunReport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Reads while imports run: one hub (in this JVM, loopback only) on a generated catalogue, four closed-loop load
 * generators at once (by id as JSON, search, the by-id resource as Turtle, {@code /changes}), first with the hub
 * idle, then while the largest federation's source is changed and re-imported again and again (alternately
 * picked up by the file watch and by {@code POST /api/federations/{id}/sync}), then idle again. Records every
 * error, the latency percentiles of each phase, and for each import the time from its commit (the run's end)
 * until the changed record's new title is seen by id and by search: a record never seen within
 * {@link #STALE_LIMIT} counts as stale for good. Appends a dated section to a markdown file.
 *
 * <pre>java -cp bench/target/benchmarks.jar se.insatsnavet.bench.ImportLoadBench --services 10000 --seconds 30 --out BENCHMARKS.md</pre>
 */
public final class ImportLoadBench {

    /** Longest a changed record may take to be seen after its import committed before it counts as stale for good. */
    static final Duration STALE_LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"arbete", "studier", "stöd", "praktik", "coachning", "hälsa", "unga", "språk"};
    private static final String LETTERS = "bcdfghjklmnpqrstvwxz";

    /** The options of one run. */
    public record Options(int services, int federations, double seconds, int concurrency, Path out, Path work, long seed) {

        static Options parse(String[] args) {
            int services = 10_000;
            int federations = 75;
            double seconds = 30;
            int concurrency = 16;
            Path out = Path.of("BENCHMARKS.md");
            Path work = null;
            long seed = 42;
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--services" -> services = Integer.parseInt(v);
                    case "--federations" -> federations = Integer.parseInt(v);
                    case "--seconds" -> seconds = Double.parseDouble(v);
                    case "--concurrency" -> concurrency = Integer.parseInt(v);
                    case "--out" -> out = Path.of(v);
                    case "--work" -> work = Path.of(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--services N --federations F --seconds S --concurrency C --out FILE --work DIR --seed N)");
                }
                i++;
            }
            return new Options(services, federations, seconds, concurrency, out, work, seed);
        }
    }

    /** One import of the changing record: how it was triggered, how long it took, when the change was seen. */
    public record ImportSample(int n, String trigger, long importMillis, long reportedAfterCommitMillis, boolean seenAtFirstLook,
                               Long byIdAfterCommitMillis, Long searchAfterCommitMillis, Long changeToVisibleMillis) {

        boolean staleForGood() {
            return byIdAfterCommitMillis == null || searchAfterCommitMillis == null;
        }
    }

    /** What a run measured. */
    public record Report(Options options, String changedService, int changedFederationSize, List<LoadGenerator.Result> idleBefore,
                         List<LoadGenerator.Result> duringImports, List<LoadGenerator.Result> idleAfter,
                         List<ImportSample> imports, String startedAt) {

        public long errors() {
            return java.util.stream.Stream.of(idleBefore, duringImports, idleAfter).flatMap(List::stream)
                    .mapToLong(LoadGenerator.Result::errors).sum();
        }

        public long staleForGood() {
            return imports.stream().filter(ImportSample::staleForGood).count();
        }

        /** The markdown section. */
        public String markdown() {
            StringBuilder md = new StringBuilder();
            md.append("\n## Reads during imports (").append(startedAt).append(")\n\n");
            md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
                    .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append(", Java ")
                    .append(System.getProperty("java.version")).append(", max heap ")
                    .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB.  \n");
            md.append("Command: `java -cp bench/target/benchmarks.jar se.insatsnavet.bench.ImportLoadBench --services ")
                    .append(options.services()).append(" --federations ").append(options.federations()).append(" --seconds ")
                    .append(fmt(options.seconds())).append(" --concurrency ").append(options.concurrency()).append("`  \n");
            md.append("Catalogue: ").append(options.services()).append(" generated services in ").append(options.federations())
                    .append(" federations; the changing record is `").append(changedService).append("` of a federation of ")
                    .append(changedFederationSize).append(" services. ").append(options.concurrency())
                    .append(" closed-loop clients per endpoint, four endpoints at once, ").append(fmt(options.seconds()))
                    .append(" s per phase.\n\n");
            md.append("| Phase | Endpoint | Requests | Errors | req/s | p50 ms | p95 ms | p99 ms | max ms | CPU used by others |\n");
            md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            rows(md, "idle (before)", idleBefore);
            rows(md, "during imports", duringImports);
            rows(md, "idle (after)", idleAfter);
            md.append('\n');
            md.append("Imports during the load: ").append(imports.size()).append(" (")
                    .append(imports.stream().filter(i -> i.trigger().equals("file-changed")).count()).append(" by the file watch, ")
                    .append(imports.stream().filter(i -> i.trigger().equals("api")).count()).append(" by `POST …/sync`), ")
                    .append("each changing one record's title; import time p50 ")
                    .append(fmtL(pct(imports.stream().map(ImportSample::importMillis).toList(), 50))).append(" ms, max ")
                    .append(fmtL(pct(imports.stream().map(ImportSample::importMillis).toList(), 100))).append(" ms.  \n");
            md.append("Errors in all phases: **").append(errors()).append("**. Changed records still stale after ")
                    .append(STALE_LIMIT.toSeconds()).append(" s: **").append(staleForGood()).append("**.  \n");
            md.append("Seen by id and by search at the first look, right after the run's end was reported: **")
                    .append(imports.stream().filter(ImportSample::seenAtFirstLook).count()).append(" of ").append(imports.size())
                    .append("** imports (the run's listeners report it ")
                    .append(fmtL(pct(imports.stream().map(ImportSample::reportedAfterCommitMillis).toList(), 50)))
                    .append(" ms after its end, p50).  \n");
            md.append("Time from an import's commit (its run's end) until the new title is seen, ms, including that report delay "
                    + "and the polling requests' own latency: by id p50 ")
                    .append(fmtL(pct(imports.stream().map(ImportSample::byIdAfterCommitMillis).toList(), 50))).append(", max ")
                    .append(fmtL(pct(imports.stream().map(ImportSample::byIdAfterCommitMillis).toList(), 100)))
                    .append("; in search p50 ")
                    .append(fmtL(pct(imports.stream().map(ImportSample::searchAfterCommitMillis).toList(), 50))).append(", max ")
                    .append(fmtL(pct(imports.stream().map(ImportSample::searchAfterCommitMillis).toList(), 100)))
                    .append(". From the source file's change until seen everywhere: p50 ")
                    .append(fmtL(pct(imports.stream().map(ImportSample::changeToVisibleMillis).toList(), 50))).append(", max ")
                    .append(fmtL(pct(imports.stream().map(ImportSample::changeToVisibleMillis).toList(), 100)))
                    .append(" (includes reading, mapping and importing the whole source).\n");
            return md.toString();
        }

        private static void rows(StringBuilder md, String phase, List<LoadGenerator.Result> results) {
            for (LoadGenerator.Result r : results) {
                md.append("| ").append(phase).append(" | ").append(r.name()).append(" | ").append(r.requests()).append(" | ")
                        .append(r.errors()).append(r.firstError() == null ? "" : " (" + r.firstError().replace('|', '/') + ")")
                        .append(" | ").append(fmt(r.requestsPerSecond())).append(" | ").append(fmt(r.p50Millis())).append(" | ")
                        .append(fmt(r.p95Millis())).append(" | ").append(fmt(r.p99Millis())).append(" | ").append(fmt(r.maxMillis()))
                        .append(" | ").append(Double.isNaN(r.otherCpuShare()) ? "–" : fmt(100 * r.otherCpuShare()) + " %").append(" |\n");
            }
        }
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ImportLoadBench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Harness.quietLogging();
        Options options = Options.parse(args);
        Report report = run(options);
        String md = report.markdown();
        System.out.println(md);
        append(options.out(), md);
        System.out.println("Appended to " + options.out().toAbsolutePath());
        System.exit(report.errors() == 0 && report.staleForGood() == 0 ? 0 : 1);
    }

    /** Runs the three phases and returns what they measured (nothing is written). */
    public static Report run(Options options) throws Exception {
        System.setProperty("insatsnavet.limits.searchPerMinute", "1000000000");
        System.setProperty("insatsnavet.limits.sparqlPerMinute", "1000000000");
        return new ImportLoadBench(options).execute();
    }

    static void append(Path out, String section) throws IOException {
        if (!Files.exists(out)) {
            Files.writeString(out, "# Benchmarks\n", StandardCharsets.UTF_8);
        }
        Files.writeString(out, section, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    private Report execute() throws Exception {
        String startedAt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(ZoneOffset.UTC));
        Path work = options.work() != null ? Files.createDirectories(options.work()) : Files.createTempDirectory("import-load");
        try {
            CatalogueGenerator.Catalogue catalogue = new CatalogueGenerator(
                    new CatalogueGenerator.Config(options.services(), options.federations(), options.seed())).generate(work.resolve("federations"));
            log("catalogue of %d services written", catalogue.services());
            HubOptions hubOptions = HubOptions.defaults(work.resolve("data")).withPort(0).withHost("127.0.0.1")
                    .withFederations(catalogue.dir()).withFileWatch(1_000);
            Hub hub = Hub.start(hubOptions).toCompletionStage().toCompletableFuture().get();
            try {
                return measure(hub, catalogue, startedAt);
            } finally {
                hub.stop().get(120, TimeUnit.SECONDS);
            }
        } finally {
            if (options.work() == null) {
                deleteTree(work);
            }
        }
    }

    private Report measure(Hub hub, CatalogueGenerator.Catalogue catalogue, String startedAt) throws Exception {
        int port = hub.port();
        BlockingQueue<RunReport> finished = new LinkedBlockingQueue<>();
        hub.imports().onRunFinished(finished::add);
        awaitFirstImports(port, catalogue);
        log("first import done");
        String token = hub.tokens().create(null, "import load bench").secret();

        CatalogueGenerator.Federation changing = catalogue.largest();
        Path dataFile = changing.descriptor().resolveSibling("insatser." + changing.format());
        String serviceId = changing.id() + "." + changing.localIds().get(0);
        String title = json(port, "/id/service/" + serviceId).path("title").path("sv").asText();

        // the rebuilds set off by the first import end first, so that the idle phase is idle
        Harness.awaitSettledDumps(hub, () -> { });
        List<String> ids = catalogue.serviceIds();
        double warmup = Math.min(3, options.seconds() / 5);
        List<LoadGenerator.Result> idleBefore = load(port, ids, warmup);
        log("idle phase done");

        AtomicBoolean stop = new AtomicBoolean();
        List<ImportSample> samples = new ArrayList<>();
        ExecutorService importer = Executors.newSingleThreadExecutor();
        finished.clear();
        String[] current = {title};
        Future<?> importing = importer.submit(() -> {
            int n = 0;
            while (!stop.get()) {
                n++;
                samples.add(changeAndImport(hub, port, token, changing, dataFile, serviceId, current, n, finished));
            }
            return null;
        });
        List<LoadGenerator.Result> during = load(port, ids, 0);
        stop.set(true);
        importing.get(10, TimeUnit.MINUTES);
        importer.shutdown();
        log("load during imports done (%d imports)", samples.size());
        List<LoadGenerator.Result> idleAfter = load(port, ids, 0);
        return new Report(options, serviceId, changing.services(), idleBefore, during, idleAfter, List.copyOf(samples), startedAt);
    }

    /** Changes the record's title in the source file, has it imported, and times until it is seen. */
    private ImportSample changeAndImport(Hub hub, int port, String token, CatalogueGenerator.Federation federation, Path dataFile,
                                         String serviceId, String[] current, int n, BlockingQueue<RunReport> finished) throws Exception {
        String marker = marker(n);
        String newTitle = "Belastningsprov " + marker;
        String content = Files.readString(dataFile, StandardCharsets.UTF_8);
        int at = content.indexOf(current[0]);
        if (at < 0) {
            throw new IllegalStateException("the title '" + current[0] + "' is not in " + dataFile);
        }
        // same size and a fresh time are not needed: the watch compares content fingerprints
        Path tmp = dataFile.resolveSibling(dataFile.getFileName() + ".tmp");
        Files.writeString(tmp, content.substring(0, at) + newTitle + content.substring(at + current[0].length()), StandardCharsets.UTF_8);
        Files.move(tmp, dataFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        current[0] = newTitle;
        Instant changed = Instant.now();
        boolean bySync = n % 2 == 0;
        if (bySync) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/federations/"
                    + federation.id() + "/sync")).header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("sync answered " + r.statusCode() + ": " + r.body());
            }
        }
        // the run that committed the change: the sync's, or the watch's (which may also get there first)
        RunReport committed = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (committed == null && System.nanoTime() < deadline) {
            RunReport r = finished.poll(1, TimeUnit.SECONDS);
            if (r != null && r.federationId().equals(federation.id()) && r.counts().updated() > 0) {
                committed = r;
            }
        }
        if (committed == null) {
            throw new IllegalStateException("no import of " + federation.id() + " changed the catalogue within 5 minutes");
        }
        Instant commit = committed.finishedAt();
        long reported = Math.max(0, Duration.between(commit, Instant.now()).toMillis());
        Long byId = null;
        Long search = null;
        boolean firstLook = true;
        boolean seenAtFirstLook = false;
        long limit = System.nanoTime() + STALE_LIMIT.toNanos();
        while ((byId == null || search == null) && System.nanoTime() < limit) {
            if (byId == null && newTitle.equals(json(port, "/id/service/" + serviceId).path("title").path("sv").asText())) {
                byId = Math.max(0, Duration.between(commit, Instant.now()).toMillis());
            }
            if (search == null) {
                for (JsonNode item : json(port, "/api/services?status=all&q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8)).path("items")) {
                    if (item.path("id").asText().equals(serviceId) && newTitle.equals(item.path("title").path("sv").asText())) {
                        search = Math.max(0, Duration.between(commit, Instant.now()).toMillis());
                    }
                }
            }
            if (firstLook) {
                seenAtFirstLook = byId != null && search != null;
                firstLook = false;
            }
            if (byId == null || search == null) {
                Thread.sleep(10);
            }
        }
        Long toVisible = byId == null || search == null ? null : Duration.between(changed, Instant.now()).toMillis();
        return new ImportSample(n, committed.trigger(), Duration.between(committed.startedAt(), committed.finishedAt()).toMillis(),
                reported, seenAtFirstLook, byId, search, toVisible);
    }

    /** A made-up word (consonants only, so no stemming or synonym touches it) unique to import {@code n}. */
    static String marker(int n) {
        StringBuilder s = new StringBuilder("zq");
        int v = n;
        do {
            s.append(LETTERS.charAt(v % LETTERS.length()));
            v /= LETTERS.length();
        } while (v > 0);
        return s.append("x").toString();
    }


    /** The four endpoints at once, each with its own closed-loop generator, for {@code options.seconds()}. */
    private List<LoadGenerator.Result> load(int port, List<String> ids, double warmup) throws Exception {
        Random random = new Random(options.seed());
        Supplier<Integer> word = LoadGenerator.cycle(WORDS.length);
        Map<String, Supplier<LoadGenerator.Request>> endpoints = new java.util.LinkedHashMap<>();
        endpoints.put("by id, JSON", () -> new LoadGenerator.Request("/id/service/" + ids.get(pick(random, ids.size())),
                Map.of("Accept", "application/json")));
        endpoints.put("by id, Turtle", () -> new LoadGenerator.Request("/id/service/" + ids.get(pick(random, ids.size())),
                Map.of("Accept", "text/turtle")));
        endpoints.put("search", () -> new LoadGenerator.Request("/api/services?q="
                + URLEncoder.encode(WORDS[word.get()], StandardCharsets.UTF_8), Map.of("Accept", "application/json")));
        endpoints.put("changes", () -> new LoadGenerator.Request("/changes?limit=100", Map.of("Accept", "application/json")));
        ExecutorService pool = Executors.newFixedThreadPool(endpoints.size());
        try {
            List<Future<LoadGenerator.Result>> running = new ArrayList<>();
            for (Map.Entry<String, Supplier<LoadGenerator.Request>> e : endpoints.entrySet()) {
                running.add(pool.submit(() -> {
                    try (LoadGenerator generator = new LoadGenerator(options.concurrency())) {
                        return generator.run(e.getKey(), port, e.getValue(), warmup, options.seconds());
                    }
                }));
            }
            List<LoadGenerator.Result> out = new ArrayList<>();
            for (Future<LoadGenerator.Result> f : running) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static synchronized int pick(Random random, int bound) {
        return random.nextInt(bound);
    }

    private void awaitFirstImports(int port, CatalogueGenerator.Catalogue catalogue) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
        while (System.nanoTime() < deadline) {
            JsonNode federations;
            try {
                federations = json(port, "/api/federations");
            } catch (IOException | IllegalStateException busy) {
                // the first import keeps every worker busy on a small machine: ask again
                Thread.sleep(1_000);
                continue;
            }
            long done = 0;
            for (JsonNode f : federations.path("items")) {
                String status = f.path("lastRun").path("status").asText("");
                if (status.equals("succeeded") || status.equals("failed")) {
                    done++;
                }
            }
            if (done >= catalogue.federations().size()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the first import did not finish within an hour");
    }

    private JsonNode json(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static Long pct(List<Long> values, double p) {
        long[] sorted = values.stream().filter(java.util.Objects::nonNull).mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return null;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmtL(Long v) {
        return v == null ? "–" : v.toString();
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[import-load] %s%n", String.format(Locale.ROOT, format, args));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
