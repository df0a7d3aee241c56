package se.insatsnavet.hub;

import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A start that fails after every feature module started (its port is taken) closes what the modules and the
 * engines opened, in reverse: a hub started next on the same data folder opens the same database, dataset and
 * search indexes and serves.
 */
class FailedStartTest {

    @TempDir
    Path data;

    @Test
    void aHubThatCannotListenClosesWhatItOpenedSoTheNextStartOnTheSameDataServes() throws Exception {
        HubOptions options = HubOptions.defaults(data).withHost("127.0.0.1").withExamples(false);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Future<Hub> failed = Hub.start(options.withPort(taken.getLocalPort()));
            assertTrue(failed.failed(), "a hub started on a taken port");
        }
        Hub hub = Hub.start(options.withPort(0)).toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
        try {
            TestHttp http = new TestHttp(hub.port());
            assertEquals(200, http.get("/health").statusCode());
            assertEquals("up", http.json("/health").path("status").asText());
            assertEquals(0, hub.searchIndex().size());
        } finally {
            hub.stop().get(5, TimeUnit.MINUTES);
        }
    }
}
