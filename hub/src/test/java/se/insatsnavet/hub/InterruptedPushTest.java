package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.imports.ImportService;
import se.insatsnavet.hub.imports.RunRepository;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A push under way when its hub stops: it finishes within the stop's grace period and is answered as usual, or,
 * past it, is answered 503 with {@code Retry-After}, commits nothing, and is marked interrupted with the message
 * that it must be sent again (the hub does not keep a pushed body), which the metrics count.
 */
class InterruptedPushTest {

    // just over ImportService.PROGRESS_STEP, so that the import reports progress (the test's pause point)
    static final int RECORDS = ImportService.PROGRESS_STEP + 1;

    @TempDir
    Path data;
    @TempDir
    Path federations;
    Hub hub;
    final CountDownLatch paused = new CountDownLatch(1);
    final CountDownLatch resume = new CountDownLatch(1);

    @BeforeEach
    void startHub() throws Exception {
        Path dir = Files.createDirectories(federations.resolve("vast"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "vast", "name": {"sv": "Samordningsförbundet Väst"}, "municipalities": ["1980"],
                 "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"}}}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("lista.csv"), "Id;Namn;Text\n", StandardCharsets.UTF_8);
        hub = start();
    }

    @AfterEach
    void stopHub() throws Exception {
        resume.countDown();
        if (hub != null) {
            hub.stop().get(5, TimeUnit.MINUTES);
        }
    }

    private Hub start() throws Exception {
        return Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    }

    @Test
    void aPushPastTheGracePeriodIsAnswered503WithRetryAfterAndMarkedToBeSentAgain() throws Exception {
        CompletableFuture<HttpResponse<String>> push = pushPaused();
        ImportService imports = hub.imports();
        CompletableFuture<Void> stopped = stopWithGrace(0);
        await().atMost(Duration.ofMinutes(5)).until(imports::stopping);
        resume.countDown();

        HttpResponse<String> answer = push.get(5, TimeUnit.MINUTES);
        assertEquals(503, answer.statusCode(), answer.body());
        assertEquals("10", answer.headers().firstValue("Retry-After").orElse(null));
        assertTrue(TestHttp.JSON.readTree(answer.body()).path("error").asText().contains("Send it again"), answer.body());
        stopped.get(5, TimeUnit.MINUTES);

        hub = start();
        TestHttp http = new TestHttp(hub.port());
        JsonNode run = http.json("/api/federations/vast/runs").path("items").get(0);
        assertEquals("push", run.path("source").asText(), run.toString());
        assertEquals("interrupted", run.path("status").asText(), run.toString());
        assertEquals(RunRepository.PUSH_INTERRUPTED, run.path("failure").asText());
        assertEquals(0, http.json("/api/services?federation=vast").path("total").asInt(), "nothing of the push was published");
        String metrics = http.get("/metrics", "text/plain").body();
        assertTrue(metrics.contains("\ninsatsnavet_import_runs_interrupted_total 1.0\n"), metrics);
        assertTrue(metrics.contains("\ninsatsnavet_import_runs_resumed_total 0.0\n"), metrics);
    }

    @Test
    void aPushUnderWayWhenTheHubStopsFinishesWithinTheGracePeriodAndIsAnswered() throws Exception {
        CompletableFuture<HttpResponse<String>> push = pushPaused();
        CompletableFuture<Void> stopped = stopWithGrace(300);
        resume.countDown();

        HttpResponse<String> answer = push.get(5, TimeUnit.MINUTES);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(RECORDS, TestHttp.JSON.readTree(answer.body()).path("counts").path("added").asInt(), answer.body());
        stopped.get(5, TimeUnit.MINUTES);

        hub = start();
        TestHttp http = new TestHttp(hub.port());
        assertEquals("succeeded", http.json("/api/federations/vast/runs").path("items").get(0).path("status").asText());
        assertEquals(RECORDS, http.json("/api/services?federation=vast").path("total").asInt());
    }

    /** Sends a push of {@link #RECORDS} services and waits until its import pauses at its first progress report. */
    private CompletableFuture<HttpResponse<String>> pushPaused() throws Exception {
        hub.imports().onProgress((federation, source, stage, done, total) -> {
            if (paused.getCount() > 0) {
                paused.countDown();
                try {
                    resume.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < RECORDS; i++) {
            body.append(i == 0 ? "" : ",").append("""
                    {"localId": "p%d", "title": {"sv": "Insats %d"}, "description": {"sv": "Stöd till arbete."}, "municipalities": ["1980"]}"""
                    .formatted(i, i));
        }
        String token = hub.tokens().create("vast", "test").secret();
        CompletableFuture<HttpResponse<String>> push = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().sendAsync(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + hub.port() + "/api/federations/vast/services"))
                .timeout(TestHttp.REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body.append("]").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(paused.await(5, TimeUnit.MINUTES), "the push is importing");
        return push;
    }

    private CompletableFuture<Void> stopWithGrace(int seconds) {
        System.setProperty("insatsnavet.stop.graceSeconds", Integer.toString(seconds));
        try {
            Hub stopping = hub;
            hub = null;
            return stopping.stop();
        } finally {
            System.clearProperty("insatsnavet.stop.graceSeconds");
        }
    }
}
