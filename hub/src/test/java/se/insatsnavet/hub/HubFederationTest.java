package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two hubs: a regional one (beta) with the national examples hub as peer, plus a peer that never answers and
 * one that refuses connections. A network query returns both hubs' services, and only the broken peers' results
 * are missing, marked partial.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubFederationTest {

    @TempDir
    static Path nationalData;
    @TempDir
    static Path regionalData;
    @TempDir
    static Path federations;
    Hub national;
    Hub regional;
    ServerSocket silent;
    String nationalUrl;

    @BeforeAll
    void start() throws Exception {
        national = Hub.start(HubOptions.defaults(nationalData).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        await().atMost(Duration.ofMinutes(5)).until(new TestHttp(national.port())::allFederationsImported);
        nationalUrl = "http://127.0.0.1:" + national.port() + "/";
        silent = new ServerSocket(0); // accepts connections, never answers
        int refused;
        try (ServerSocket closed = new ServerSocket(0)) {
            refused = closed.getLocalPort();
        }
        Path dir = Files.createDirectories(federations.resolve("beta"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "beta", "name": {"sv": "Samordningsförbundet Beta"}, "municipalities": ["2180"],
                 "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("lista.csv"), "Id;Namn;Text\nb1;Arbetsträning i Gävle;Prova på ett arbete.\n",
                StandardCharsets.UTF_8);
        // long enough for the national hub to answer on a busy machine; the silent peer is then cut off after it
        System.setProperty("insatsnavet.peers.timeoutMillis", "15000");
        try {
            regional = Hub.start(HubOptions.defaults(regionalData).withPort(0).withHost("127.0.0.1").withFederations(federations)
                    .withImportOnStart(false).withFileWatch(0)
                    .withPeers(List.of(nationalUrl, "http://127.0.0.1:" + silent.getLocalPort() + "/",
                            "http://127.0.0.1:" + refused + "/"))).toCompletionStage().toCompletableFuture().get();
        } finally {
            System.clearProperty("insatsnavet.peers.timeoutMillis");
        }
        regional.syncNow("beta", "test");
    }

    @AfterAll
    void stop() throws Exception {
        regional.stop().get(5, TimeUnit.MINUTES);
        national.stop().get(5, TimeUnit.MINUTES);
        silent.close();
    }

    @Test
    void aNetworkQuerySpansBothHubsAndMarksWhatIsMissing() {
        TestHttp http = new TestHttp(regional.port());
        JsonNode local = http.json("/api/services?q=arbetstr%C3%A4ning&perPage=100");
        assertEquals(1, local.path("total").asInt());
        assertFalse(local.has("peers"));

        JsonNode nationalAnswer = new TestHttp(national.port()).json("/api/services?q=arbetstr%C3%A4ning&perPage=100");
        JsonNode network = http.json("/api/services?q=arbetstr%C3%A4ning&perPage=100&network=true");
        assertEquals(1 + nationalAnswer.path("total").asInt(), network.path("total").asInt(), network.toString());
        Map<String, Integer> byHub = new HashMap<>();
        network.path("items").forEach(i -> byHub.merge(i.path("hub").asText(), 1, Integer::sum));
        assertEquals(nationalAnswer.path("items").size(), byHub.get(nationalUrl));
        assertEquals(1, byHub.values().stream().mapToInt(Integer::intValue).sum() - byHub.get(nationalUrl));
        assertTrue(network.path("partial").asBoolean());
        Map<String, String> status = new HashMap<>();
        network.path("peers").forEach(p -> status.put(p.path("hub").asText(), p.path("status").asText()));
        assertEquals("ok", status.get(nationalUrl));
        assertEquals("timeout", status.get("http://127.0.0.1:" + silent.getLocalPort() + "/"));
        assertTrue(status.values().stream().anyMatch(s -> s.startsWith("error")), status.toString());
        network.path("items").forEach(i -> assertTrue(i.has("federation"), "each result says its federation"));
    }
}
