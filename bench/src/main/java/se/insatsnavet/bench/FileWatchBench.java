package se.insatsnavet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.insatsnavet.hub.Hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A change visible in feeds and search for a file source, as the harness measures it (a row of the largest CSV
 * federation's file changed by an atomic move; then {@code /changes} and search polled every 2 ms), repeated
 * {@code --changes} times, each broken down by the run's own times: move to run start, the run, run end to
 * visible. Generates and imports the catalogue under {@code --work} first: by default one CSV federation of 20,389
 * services (19 MB), the size of the largest federation of the harness's 100,000-service catalogue.
 *
 * <pre>java -cp bench/target/benchmarks.jar se.insatsnavet.bench.FileWatchBench --work /tmp/w20k --changes 15</pre>
 */
public final class FileWatchBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FileWatchBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = null;
        // by default one federation as large as the 100k harness's largest (one CSV of 20,389 services, 19 MB)
        int services = 20_389;
        int federations = 1;
        int changes = 9;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--work" -> work = Path.of(args[i + 1]);
                case "--services" -> services = Integer.parseInt(args[i + 1]);
                case "--federations" -> federations = Integer.parseInt(args[i + 1]);
                case "--changes" -> changes = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (known: --work --services --federations --changes)");
            }
        }
        if (work == null) {
            throw new IllegalArgumentException("--work is required");
        }
        CatalogueGenerator.Catalogue catalogue = ImportedHub.generate(work, services, federations);
        Path fedDir = ImportedHub.federations(work);
        CatalogueGenerator.Federation csv = catalogue.federations().stream().filter(f -> f.format().equals("csv"))
                .max(java.util.Comparator.comparingInt(CatalogueGenerator.Federation::services)).orElseThrow();
        ImportedHub.Started imported = ImportedHub.start(work, catalogue);
        Hub hub = imported.hub();
        try {
            int port = hub.port();
            log("imported in %.1f s; the dumps settled", imported.importSeconds());
            Path file = fedDir.resolve(csv.id()).resolve("insatser.csv");
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                String localId = csv.localIds().get(i % csv.localIds().size());
                String word = "zyxmät" + (char) ('a' + i % 26) + Long.toString(System.nanoTime() % 1_000_000, 26).replaceAll("[0-9]", "q");
                List<String> rows = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
                for (int k = 1; k < rows.size(); k++) {
                    if (rows.get(k).startsWith(localId + ";")) {
                        String rest = rows.get(k).substring(localId.length() + 1);
                        int end = rest.startsWith("\"") ? rest.indexOf("\";") + 1 : rest.indexOf(';');
                        rows.set(k, localId + ";Ändrad insats " + word + rest.substring(end));
                        break;
                    }
                }
                String since = Instant.now().minusMillis(1).toString();
                Path tmp = file.resolveSibling("insatser.csv.tmp");
                Files.writeString(tmp, String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
                Instant moved = Instant.now();
                long v0 = System.nanoTime();
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                double ms = Harness.untilVisible(HTTP, port, v0, since, csv.id(), csv.id() + "." + localId, word);
                Instant visible = moved.plusNanos((long) (ms * 1e6));
                JsonNode run = JSON.readTree(get(port, "/api/federations/" + csv.id() + "/runs?limit=1").body()).path("items").path(0);
                Instant started = Instant.parse(run.path("startedAt").asText());
                Instant finished = Instant.parse(run.path("finishedAt").asText());
                log("change %d (%s, %d services): visible %.0f ms = move to run start %d ms + run %d ms (%s) + run end to visible %d ms",
                        i + 1, csv.id(), csv.services(), ms, Duration.between(moved, started).toMillis(),
                        Duration.between(started, finished).toMillis(), run.path("trigger").asText(),
                        Duration.between(finished, visible).toMillis());
                times.add(ms);
                Thread.sleep(300);
            }
            List<Double> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            log("file change visible (ms): median %.0f, min %.0f, max %.0f: %s", sorted.get(sorted.size() / 2), sorted.get(0),
                    sorted.get(sorted.size() - 1), times);
        } finally {
            hub.stop().get(300, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[file-watch-bench %tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
    }
}
