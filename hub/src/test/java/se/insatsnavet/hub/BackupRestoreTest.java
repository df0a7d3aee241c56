package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A backup taken while the hub serves restores into an empty folder as the identical catalogue. */
class BackupRestoreTest {

    @TempDir
    Path data;
    @TempDir
    Path restored;

    private static Map<String, Model> graphs(Hub hub) {
        Map<String, Model> out = new HashMap<>();
        hub.store().inOneRead(() -> {
            hub.store().graphNames().forEach(name -> out.put(name, hub.store().graph(name)));
            return null;
        });
        return out;
    }

    @Test
    void aBackupWhileServingRestoresTheIdenticalCatalogue() throws Exception {
        Hub hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        Map<String, Model> before;
        JsonNode runsBefore;
        String backup;
        try {
            TestHttp http = new TestHttp(hub.port());
            await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
            String admin = hub.tokens().create(null, "backup test").secret();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + hub.port() + "/admin/backup")).header("Authorization", "Bearer " + admin)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode answer = TestHttp.JSON.readTree(r.body());
            backup = answer.path("backup").asText();
            assertTrue(answer.path("quads").asLong() > 1000, r.body());
            assertEquals(401, HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + hub.port() + "/admin/backup")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            before = graphs(hub);
            runsBefore = http.json("/api/federations/vasteras/runs");
        } finally {
            hub.stop().get(5, TimeUnit.MINUTES);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, RestoreCommand.run(new String[]{"--from", backup, "--data", restored.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err), out.toString(StandardCharsets.UTF_8));

        Hub again = Hub.start(HubOptions.defaults(restored).withPort(0).withHost("127.0.0.1").withImportOnStart(false))
                .toCompletionStage().toCompletableFuture().get();
        try {
            Map<String, Model> after = graphs(again);
            assertEquals(before.keySet(), after.keySet());
            List<String> different = new ArrayList<>();
            before.forEach((name, model) -> {
                if (!model.isIsomorphicWith(after.get(name))) {
                    different.add(name);
                }
            });
            assertTrue(different.isEmpty(), "graphs differ: " + different);
            assertEquals(runsBefore.path("items").size(),
                    new TestHttp(again.port()).json("/api/federations/vasteras/runs").path("items").size(), "the database came back too");
        } finally {
            again.stop().get(5, TimeUnit.MINUTES);
        }
    }
}
