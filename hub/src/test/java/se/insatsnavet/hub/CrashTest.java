package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 in the middle of an import, with the hub in a real child process: after a restart the catalogue is
 * the last committed state (nothing of the interrupted run), the run is marked interrupted, and a re-run
 * completes.
 */
class CrashTest {

    static final int ROWS = 4000;

    @TempDir
    Path data;
    @TempDir
    Path federations;

    @Test
    void killedMidImportTheHubRestartsOnTheLastCommittedState() throws Exception {
        Path dir = Files.createDirectories(federations.resolve("stor"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "stor", "name": {"sv": "Samordningsförbundet Stor"}, "municipalities": ["0580"],
                 "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder("Id;Namn;Text\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("s").append(i).append(";Insats nummer ").append(i).append(";Stöd till arbete och studier, del ").append(i).append(".\n");
        }
        Files.writeString(dir.resolve("lista.csv"), csv.toString(), StandardCharsets.UTF_8);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "se.insatsnavet.hub.Main",
                "--port", Integer.toString(port), "--host", "127.0.0.1", "--data", data.toString(),
                "--federations", federations.toString())
                .redirectErrorStream(true).redirectOutput(data.resolveSibling(data.getFileName() + "-child.log").toFile()).start();
        TestHttp http = new TestHttp(port);
        try {
            // the run exists from its start; its changes commit in one transaction at its end
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).ignoreExceptions().until(() ->
                    http.json("/api/federations/stor/runs").path("items").size() > 0);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        Hub hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        try {
            TestHttp restarted = new TestHttp(hub.port());
            JsonNode run = restarted.json("/api/federations/stor/runs").path("items").path(0);
            long published = restarted.json("/api/services?federation=stor&perPage=1").path("total").asLong();
            System.out.println("CrashTest: the killed run is " + run.path("status").asText("not recorded"));
            if (run.isMissingNode()) {
                // killed within H2's write delay of the run's start: its row never reached the disk, and nothing
                // of it was committed to the dataset either (that happens at the run's end, long after)
                assertEquals(0, published, "no run recorded: the old state (empty)");
            } else if (run.path("status").asText().equals("interrupted")) {
                assertEquals(0, published, "nothing of the interrupted run is published: the old state (empty)");
            } else {
                assertEquals("succeeded", run.path("status").asText(), run.toString());
                assertEquals(ROWS, published, "the run had committed before the kill: the new state, whole");
            }
            List<se.insatsnavet.hub.imports.RunReport> rerun = hub.syncNow("stor", "test");
            assertEquals("succeeded", rerun.get(0).status().label(), rerun.toString());
            assertEquals(ROWS, restarted.json("/api/services?federation=stor&perPage=1").path("total").asLong());
            assertEquals(ROWS, (int) hub.store().graph(
                    se.insatsnavet.schema.vocab.HubIris.defaults().federationGraph("stor"))
                    .listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, se.insatsnavet.schema.vocab.CPSV.PublicService)
                    .toList().size(), "the graph holds each service once");
        } finally {
            hub.stop().get(60, TimeUnit.SECONDS);
        }
    }
}
