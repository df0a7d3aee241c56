package se.insatsnavet.hub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reindex} rebuilds the search index from the Jena dataset alone. */
class ReindexCommandTest {

    @TempDir
    Path data;

    @Test
    void aLostIndexIsRebuiltFromTheDatasetWithOneCommand() throws Exception {
        Hub hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        TestHttp http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
        int total = http.json("/api/services?perPage=1&status=all").path("total").asInt();
        int found = http.json("/api/services?q=arbete").path("total").asInt();
        hub.stop().get(5, TimeUnit.MINUTES);

        try (var files = Files.walk(data.resolve("index"))) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ReindexCommand.run(new String[]{"--data", data.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Indexed " + total + " services"), out.toString(StandardCharsets.UTF_8));

        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withImportOnStart(false))
                .toCompletionStage().toCompletableFuture().get();
        try {
            http = new TestHttp(hub.port());
            assertEquals(found, http.json("/api/services?q=arbete").path("total").asInt());
        } finally {
            hub.stop().get(5, TimeUnit.MINUTES);
        }
    }
}
