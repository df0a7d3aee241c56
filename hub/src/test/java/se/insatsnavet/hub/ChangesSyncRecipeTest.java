package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumers' recipe of docs/consumers.md, while two federations import at the same time: take the token
 * first, then copy, then follow; the copy ends identical to the hub's catalogue.
 */
class ChangesSyncRecipeTest {

    private static final String HEADER = "Id;Namn;Beskrivning\n";
    private static final int ROUNDS = 8;

    @TempDir
    Path data;
    @TempDir
    Path federations;
    Hub hub;
    TestHttp http;
    ExecutorService importers;

    @BeforeEach
    void startHub() throws Exception {
        for (String f : List.of("alfa", "beta")) {
            Path dir = Files.createDirectories(federations.resolve(f));
            Files.writeString(dir.resolve("federation.json"), """
                    {"id": "%s", "name": {"sv": "Samordningsförbundet %s"}, "municipalities": ["0580"],
                     "sources": [{"id": "main", "kind": "file", "location": "services.csv", "format": "csv",
                       "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Beskrivning"},
                                   "defaults": {"municipalities": "$federation.municipalities"}}}]}
                    """.formatted(f, f), StandardCharsets.UTF_8);
            write(f, 0);
        }
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(0, 10).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        importers = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopHub() throws Exception {
        importers.shutdownNow();
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    /** Round {@code r} of a federation's list: some services kept, some changed, some gone, some new. */
    private void write(String federation, int round) throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = round; i < round + 12; i++) {
            String text = i % 3 == 0 ? "Stöd i omgång " + round : "Stöd till arbete";
            csv.append(federation).append(i).append(';').append("Insats ").append(federation).append(' ').append(i)
                    .append(';').append(text).append(".\n");
        }
        Files.writeString(federations.resolve(federation).resolve("services.csv"), csv.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void aConsumerTakingTheTokenFirstThenCopyingThenFollowingEndsIdenticalWhileImportsRun() throws Exception {
        hub.syncNow("alfa", "test");
        hub.syncNow("beta", "test");

        // both federations change, round after round, each round importing them side by side
        CompletableFuture<Void> imports = CompletableFuture.runAsync(() -> {
            try {
                for (int round = 1; round <= ROUNDS; round++) {
                    write("alfa", round);
                    write("beta", round);
                    CompletableFuture<?> a = CompletableFuture.runAsync(() -> hub.syncNow("alfa", "test"), importers);
                    CompletableFuture<?> b = CompletableFuture.runAsync(() -> hub.syncNow("beta", "test"), importers);
                    CompletableFuture.allOf(a, b).join();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // 1. the token first
        String token = http.json("/changes/latest").path("next").asText();
        // 2. then the copy (one page: a consistent snapshot)
        Map<String, JsonNode> copy = new HashMap<>();
        for (JsonNode item : http.json("/api/services?perPage=100&status=all").path("items")) {
            copy.put(item.path("id").asText(), item);
        }
        // 3. then follow, while the imports go on, and once more after they end
        int polls = 0;
        while (!imports.isDone()) {
            token = follow(token, copy);
            polls++;
        }
        imports.join();
        token = follow(token, copy);

        Map<String, JsonNode> hubState = new HashMap<>();
        for (JsonNode item : http.json("/api/services?perPage=100&status=all").path("items")) {
            hubState.put(item.path("id").asText(), item);
        }
        assertEquals(24, hubState.size(), "12 services of each federation");
        assertEquals(hubState.keySet(), copy.keySet());
        for (String id : hubState.keySet()) {
            assertEquals(hubState.get(id).path("description"), copy.get(id).path("description"), id);
            assertEquals(hubState.get(id).path("title"), copy.get(id).path("title"), id);
        }
        assertTrue(copy.containsKey("alfa.alfa" + (ROUNDS + 11)) && !copy.containsKey("alfa.alfa0"), copy.keySet().toString());
        System.out.println("ChangesSyncRecipeTest: " + polls + " polls while importing, final token " + token);
    }

    /** One poll: every change since the token applied in order, page by page; returns the new token. */
    private String follow(String token, Map<String, JsonNode> copy) {
        while (true) {
            JsonNode page = http.json("/changes?limit=5&since=" + token);
            for (JsonNode change : page.path("items")) {
                String id = change.path("service").asText();
                if (change.path("action").asText().equals("deleted")) {
                    copy.remove(id);
                    continue;
                }
                HttpResponse<String> r = http.get("/id/service/" + id + "?format=json", "application/json");
                if (r.statusCode() == 200) {
                    copy.put(id, read(r.body()));
                } else {
                    assertTrue(r.statusCode() == 404 || r.statusCode() == 410, r.statusCode() + " " + r.body());
                    copy.remove(id); // gone since: its deletion is a later change of this log
                }
            }
            String next = page.path("next").asText();
            assertTrue(Long.parseLong(next) >= Long.parseLong(token), "next never goes back: " + token + " -> " + next);
            token = next;
            if (!page.path("more").asBoolean()) {
                return token;
            }
        }
    }

    private static JsonNode read(String body) {
        try {
            return TestHttp.JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
