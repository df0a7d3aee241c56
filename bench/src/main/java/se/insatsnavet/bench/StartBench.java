package se.insatsnavet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.insatsnavet.hub.Hub;
import se.insatsnavet.hub.HubOptions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Start to serving on a kept data folder, measured as the harness's "second start" is (Hub.start() until
 * {@code GET /health} answers 200), repeated in one JVM; the first time (no {@code hub-data} under the work
 * folder) it generates the catalogue, imports it once and waits for the dumps to settle.
 *
 * <pre>java -cp bench/target/benchmarks.jar se.insatsnavet.bench.StartBench --work /tmp/w100k --services 100000 --federations 75 --starts 5</pre>
 */
public final class StartBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StartBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = null;
        int services = 100_000;
        int federations = 75;
        int starts = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--work" -> work = Path.of(args[i + 1]);
                case "--services" -> services = Integer.parseInt(args[i + 1]);
                case "--federations" -> federations = Integer.parseInt(args[i + 1]);
                case "--starts" -> starts = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (known: --work --services --federations --starts)");
            }
        }
        if (work == null) {
            throw new IllegalArgumentException("--work is required (a folder kept between runs)");
        }
        HubOptions options = ImportedHub.options(work);
        if (!Files.isDirectory(ImportedHub.dataDir(work))) {
            long g0 = System.nanoTime();
            CatalogueGenerator.Catalogue catalogue = ImportedHub.generate(work, services, federations);
            log("generated %d services in %d federations in %.1f s", catalogue.services(), catalogue.federations().size(),
                    (System.nanoTime() - g0) / 1e9);
            ImportedHub.Started imported = ImportedHub.start(work, catalogue);
            log("imported in %.1f s; the dumps settled", imported.importSeconds());
            imported.hub().stop().get(300, TimeUnit.SECONDS);
            log("stopped; data folder ready");
        }
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            long r0 = System.nanoTime();
            Hub hub = Hub.start(options).toCompletionStage().toCompletableFuture().get();
            double listening = (System.nanoTime() - r0) / 1e9;
            double serving = Double.NaN;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < until) {
                if (get(hub.port(), "/health").statusCode() == 200) {
                    serving = (System.nanoTime() - r0) / 1e9;
                    break;
                }
                Thread.sleep(10);
            }
            long q0 = System.nanoTime();
            JsonNode one = JSON.readTree(get(hub.port(), "/api/services?perPage=1&status=all").body());
            double firstQuery = (System.nanoTime() - q0) / 1e6;
            long s0 = System.nanoTime();
            JsonNode search = JSON.readTree(get(hub.port(), "/api/search?q=st%C3%B6d").body());
            double firstSearch = (System.nanoTime() - s0) / 1e6;
            log("start %d: listening %.2f s, serving %.2f s; first /api/services %.0f ms (total %d), first search %.0f ms (total %s)",
                    i + 1, listening, serving, firstQuery, one.path("total").asLong(), firstSearch, search.path("total").asText("?"));
            seconds.add(serving);
            long t0 = System.nanoTime();
            hub.stop().get(300, TimeUnit.SECONDS);
            log("stopped in %.1f s", (System.nanoTime() - t0) / 1e9);
        }
        log("serving (s): %s", seconds);
        System.exit(0);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[start-bench %tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
    }
}
