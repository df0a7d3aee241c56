package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.jena.vocabulary.RDF;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.schema.vocab.CPSV;
import se.insatsnavet.schema.vocab.HubIris;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 in the middle of an import, with the hub in a real child process: after a restart the catalogue is
 * the last committed state (nothing of the interrupted run), the run is marked interrupted, and a re-run
 * completes; the runs table tells the truth (a run seen started is there, interrupted; a run seen succeeded stays
 * succeeded).
 */
class CrashTest {

    static final int ROWS = 4000;

    @TempDir
    Path data;
    @TempDir
    Path federations;

    @Test
    void killedMidImportTheHubRestartsOnTheLastCommittedState() throws Exception {
        writeFederation();
        int port = freePort();
        Process child = startChild(port);
        TestHttp http = new TestHttp(port);
        try {
            // the run exists from its start; its changes commit in one transaction at its end
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).ignoreExceptions().until(() ->
                    http.json("/api/federations/stor/runs").path("items").size() > 0);
        } finally {
            kill(child);
        }

        Hub hub = restart();
        try {
            TestHttp restarted = new TestHttp(hub.port());
            JsonNode run = restarted.json("/api/federations/stor/runs").path("items").path(0);
            long published = restarted.json("/api/services?federation=stor&perPage=1").path("total").asLong();
            System.out.println("CrashTest: the killed run is " + run.path("status").asText("not recorded"));
            assertFalse(run.isMissingNode(), "a run's start is on disk as soon as it is seen");
            if (run.path("status").asText().equals("interrupted")) {
                assertEquals(0, published, "nothing of the interrupted run is published: the old state (empty)");
                assertFalse(run.path("finishedAt").isMissingNode() || run.path("finishedAt").isNull(), run.toString());
            } else {
                assertEquals("succeeded", run.path("status").asText(), run.toString());
                assertEquals(ROWS, published, "the run had committed before the kill: the new state, whole");
            }
            List<RunReport> rerun = hub.syncNow("stor", "test");
            assertEquals("succeeded", rerun.get(0).status().label(), rerun.toString());
            assertEquals(ROWS, restarted.json("/api/services?federation=stor&perPage=1").path("total").asLong());
            assertEquals(ROWS, (int) hub.store().graph(HubIris.defaults().federationGraph("stor"))
                    .listSubjectsWithProperty(RDF.type, CPSV.PublicService).toList().size(), "the graph holds each service once");
        } finally {
            hub.stop().get(5, TimeUnit.MINUTES);
        }
    }

    @Test
    void aRunSeenSucceededBeforeAKillIsStillSucceededAfterIt() throws Exception {
        writeFederation();
        int port = freePort();
        Process child = startChild(port);
        TestHttp http = new TestHttp(port);
        long runId;
        try {
            // the hub logs the run as succeeded once its record is written: from then on it must survive a kill
            Path log = childLog();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() ->
                    Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("of stor/lista: succeeded"));
            runId = http.json("/api/federations/stor/runs").path("items").path(0).path("id").asLong();
        } finally {
            kill(child); // at once: well within H2's write delay of the run's finish
        }

        Hub hub = restart();
        try {
            TestHttp restarted = new TestHttp(hub.port());
            JsonNode run = restarted.json("/api/federations/stor/runs").path("items").path(0);
            assertEquals(runId, run.path("id").asLong(), run.toString());
            assertEquals("succeeded", run.path("status").asText(), run.toString());
            assertEquals(ROWS, run.path("counts").path("added").asInt(ROWS), run.toString());
            assertEquals(ROWS, restarted.json("/api/services?federation=stor&perPage=1").path("total").asLong());
        } finally {
            hub.stop().get(5, TimeUnit.MINUTES);
        }
    }

    private void writeFederation() throws Exception {
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
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process startChild(int port) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "se.insatsnavet.hub.Main",
                "--port", Integer.toString(port), "--host", "127.0.0.1", "--data", data.toString(),
                "--federations", federations.toString(),
                // the restarted hub's base (HubOptions.defaults): the same published IRIs before and after the kill
                "--base-uri", HubOptions.defaults(data).baseUri())
                .redirectErrorStream(true).redirectOutput(childLog().toFile()).start();
    }

    private Path childLog() {
        return data.resolveSibling(data.getFileName() + "-child.log");
    }

    private static void kill(Process child) throws Exception {
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
        assertTrue(child.waitFor(5, TimeUnit.MINUTES));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
    }

    private Hub restart() throws Exception {
        return Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
    }
}
