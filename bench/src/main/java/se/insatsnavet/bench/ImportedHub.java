package se.insatsnavet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.insatsnavet.hub.Hub;
import se.insatsnavet.hub.HubOptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A hub on a generated catalogue whose first import has finished and whose dumps have settled: where the small
 * bench mains ({@link FileWatchBench}, {@link DumpRebuildBench}, {@link StartBench}) begin measuring. Everything
 * lives under one work folder: the catalogue in {@code federations/}, the hub's data in {@code hub-data/}.
 */
final class ImportedHub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ImportedHub() {
    }

    /** Generates a fresh catalogue under {@code work} (deleting the last one and the hub's data) with the bench seed. */
    static CatalogueGenerator.Catalogue generate(Path work, int services, int federations) throws IOException {
        Harness.deleteRecursively(federations(work));
        Harness.deleteRecursively(dataDir(work));
        return new CatalogueGenerator(new CatalogueGenerator.Config(services, federations, 20240521L)).generate(federations(work));
    }

    /** The hub's options on {@code work}: port 0 on loopback, the generated federations. */
    static HubOptions options(Path work) {
        return HubOptions.defaults(dataDir(work)).withPort(0).withHost("127.0.0.1").withFederations(federations(work));
    }

    static Path dataDir(Path work) {
        return work.resolve("hub-data");
    }

    static Path federations(Path work) {
        return work.resolve("federations");
    }

    /**
     * Starts a hub on {@code work}, waits until each of the catalogue's federations has a finished (succeeded or
     * failed) run and the dump rebuilds after them have settled, and returns it with the seconds the import took.
     */
    static Started start(Path work, CatalogueGenerator.Catalogue catalogue) throws Exception {
        Hub hub = Hub.start(options(work)).toCompletionStage().toCompletableFuture().get();
        long i0 = System.nanoTime();
        awaitFirstRuns(hub.port(), catalogue.federations().size());
        double seconds = (System.nanoTime() - i0) / 1e9;
        Harness.awaitSettledDumps(hub, () -> { });
        return new Started(hub, seconds);
    }

    /** The started hub and how long its first import took. */
    record Started(Hub hub, double importSeconds) {
    }

    private static void awaitFirstRuns(int port, int expected) throws Exception {
        Set<String> finished = new HashSet<>();
        long lastLog = System.nanoTime();
        while (finished.size() < expected) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/federations"))
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    for (JsonNode f : JSON.readTree(r.body()).path("items")) {
                        String status = f.path("lastRun").path("status").asText("");
                        if (status.equals("succeeded") || status.equals("failed")) {
                            finished.add(f.path("id").asText());
                        }
                    }
                }
            } catch (IOException e) {
                System.out.printf(Locale.ROOT, "[bench] import: %s; asking again%n", e);
            }
            if (System.nanoTime() - lastLog > 30e9) {
                lastLog = System.nanoTime();
                System.out.printf(Locale.ROOT, "[bench] import: %d of %d federations finished%n", finished.size(), expected);
            }
            Thread.sleep(200);
        }
    }
}
