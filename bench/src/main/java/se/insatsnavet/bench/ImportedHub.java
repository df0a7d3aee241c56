package se.insatsnavet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.insatsnavet.hub.Hub;
import se.insatsnavet.hub.HubOptions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A hub started on a generated catalogue whose first import has finished and whose dumps have settled: where the
 * small bench mains ({@link FileWatchBench}, {@link DumpRebuildBench}) begin measuring.
 */
final class ImportedHub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ImportedHub() {
    }

    /**
     * Starts a hub on port 0 over {@code federations}, waits until each of the {@code expected} federations has a
     * finished (succeeded or failed) run and the dump rebuilds after them have settled, and returns it with the
     * seconds the import took.
     */
    static Started start(Path federations, Path dataDir, int expected) throws Exception {
        HubOptions options = HubOptions.defaults(dataDir).withPort(0).withHost("127.0.0.1").withFederations(federations);
        Hub hub = Hub.start(options).toCompletionStage().toCompletableFuture().get();
        long i0 = System.nanoTime();
        while (finished(hub.port()) < expected) {
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - i0) / 1e9;
        Harness.awaitSettledDumps(hub, () -> { });
        return new Started(hub, seconds);
    }

    /** The started hub and how long its first import took. */
    record Started(Hub hub, double importSeconds) {
    }

    private static long finished(int port) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/federations"))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        long done = 0;
        for (JsonNode f : JSON.readTree(r.body()).path("items")) {
            String s = f.path("lastRun").path("status").asText("");
            done += s.equals("succeeded") || s.equals("failed") ? 1 : 0;
        }
        return done;
    }
}
