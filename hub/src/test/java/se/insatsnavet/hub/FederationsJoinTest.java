package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.editionbundle.EditionMapper;
import se.insatsnavet.hub.editionbundle.FirstEdition;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A federation joins a running hub as docs/operations.md walks it, while the hub serves another federation's
 * reads without one error: its plugin dropped into {@code plugins/}, its descriptor dropped into the watched
 * folder (services appear), changed (the change takes effect), replaced by an invalid one (refused, shown in
 * {@code /api/federations}, the previous one keeps running), removed (services withdrawn, deletions in
 * {@code /changes} and the Atom feed) and put back (services back). No restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationsJoinTest {

    private static final Duration WAIT = Duration.ofMinutes(5);
    @TempDir
    static Path data;
    @TempDir
    static Path folder;
    @TempDir
    static Path work;
    Hub hub;
    TestHttp http;

    @BeforeAll
    void start() throws Exception {
        Path alfa = Files.createDirectories(folder.resolve("alfa"));
        Files.writeString(alfa.resolve("tjanster.csv"), "Id,Namn,Beskrivning\na1,Jobbcoach,Stöd till arbete.\n", StandardCharsets.UTF_8);
        Files.writeString(alfa.resolve("federation.json"), """
                {"id": "alfa", "name": {"sv": "Samordningsförbundet Alfa"}, "municipalities": ["0580"],
                 "sources": [{"id": "fil", "kind": "file", "location": "tjanster.csv", "format": "csv",
                              "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Beskrivning"},
                                          "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        // the reader loop below reads as fast as the hub answers: above the search rate limit per address
        System.setProperty("insatsnavet.limits.searchPerMinute", "1000000");
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(folder)
                .withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        await().atMost(WAIT).until(() -> http.get("/id/service/alfa.a1?format=json", "application/json").statusCode() == 200
                && http.json("/api/services?federation=alfa").path("total").asInt() == 1);
    }

    @AfterAll
    void stop() throws Exception {
        System.clearProperty("insatsnavet.limits.searchPerMinute");
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    private static String descriptor(String name, String csv) {
        return """
                {"id": "nyby", "name": {"sv": "%s"}, "municipalities": ["0581"],
                 "sources": [{"id": "lista", "kind": "file", "location": "%s", "format": "csv", "mapper": "utgava-lista"}]}
                """.formatted(name, csv);
    }

    /** Writes the descriptor beside the folder and moves it in at once, as docs/operations.md advises. */
    private static void send(String json) throws Exception {
        Path dir = Files.createDirectories(folder.resolve("nyby"));
        Path part = work.resolve("federation.json.part");
        Files.writeString(part, json, StandardCharsets.UTF_8);
        Files.move(part, dir.resolve("federation.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    private Optional<JsonNode> federation(String id) {
        for (JsonNode f : http.json("/api/federations").path("items")) {
            if (f.path("id").asText().equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private int status(String serviceId) {
        return http.get("/id/service/" + serviceId + "?format=json", "application/json").statusCode();
    }

    private String title(String serviceId) {
        return http.json("/id/service/" + serviceId + "?format=json").path("title").path("sv").asText();
    }

    @Test
    void aFederationJoinsChangesIsRefusedLeavesAndComesBackWhileOtherReadsNeverFail() throws Exception {
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Instant readUntil = Instant.now().plus(Duration.ofMinutes(15)); // bounded even if the test hangs
        Thread reader = new Thread(() -> {
            TestHttp own = new TestHttp(hub.port());
            while (reading.get() && Instant.now().isBefore(readUntil)) {
                for (String path : new String[] {"/id/service/alfa.a1?format=json", "/api/services?federation=alfa"}) {
                    try {
                        var r = own.get(path, "application/json");
                        reads.incrementAndGet();
                        if (r.statusCode() != 200 || !r.body().contains("alfa.a1")) {
                            failures.add(path + " -> " + r.statusCode() + " " + r.body());
                        }
                    } catch (RuntimeException e) {
                        failures.add(path + " -> " + e);
                    }
                }
            }
        }, "alfa-reader");
        reader.start();
        try {
            // 1. the plugin, then the descriptor with its data: the services appear
            EditionBundle.drop(work, hub.plugins().pluginsDir(), FirstEdition.class, "1.0.0");
            await().atMost(WAIT).until(() -> hub.plugins().plugin(EditionMapper.ID).filter(p -> !p.failed()).isPresent());
            Path dir = Files.createDirectories(folder.resolve("nyby"));
            Files.writeString(dir.resolve("lista.csv"), "Id,Namn\nx1,Ett\nx2,Två\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("lista2.csv"), "Id,Namn\nx1,Ett\nx2,Två\nx3,Tre\n", StandardCharsets.UTF_8);
            long sent = System.nanoTime();
            send(descriptor("Samordningsförbundet Nyby", "lista.csv"));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> status("nyby.x1") == 200);
            System.out.printf("FederationsJoinTest: descriptor dropped -> first service served in %d ms%n",
                    (System.nanoTime() - sent) / 1_000_000);
            assertEquals("Ett (utgåva 1)", title("nyby.x1"));
            JsonNode nyby = federation("nyby").orElseThrow();
            assertEquals("folder", nyby.path("origin").asText());
            assertEquals("active", nyby.path("status").asText());
            assertEquals("Samordningsförbundet Nyby", nyby.path("name").path("sv").asText());
            await().atMost(WAIT).until(() -> http.json("/api/federations/nyby/runs").path("items").size() >= 1
                    && http.json("/api/federations/nyby/runs").path("items").get(0).path("status").asText().equals("succeeded"));
            assertEquals("descriptor", http.json("/api/federations/nyby/runs").path("items").get(0).path("trigger").asText());

            // 2. a changed descriptor takes effect: another name, another file with a third service
            send(descriptor("Samordningsförbundet Nyby-Ås", "lista2.csv"));
            await().atMost(WAIT).until(() -> status("nyby.x3") == 200);
            assertEquals("Tre (utgåva 1)", title("nyby.x3"));
            assertEquals("Samordningsförbundet Nyby-Ås", federation("nyby").orElseThrow().path("name").path("sv").asText());

            // 3. an invalid descriptor is refused and shown; the previous one keeps running
            send("{\"id\": \"nyby\", \"name\": {\"sv\": \"Trasig\"}, \"sources\": [{\"id\": \"lista\"}]}");
            await().atMost(WAIT).until(() -> federation("nyby").orElseThrow().path("status").asText().equals("refused"));
            JsonNode refused = federation("nyby").orElseThrow();
            assertEquals("Samordningsförbundet Nyby-Ås", refused.path("name").path("sv").asText(), "the previous descriptor runs");
            assertEquals("folder:nyby/federation.json", refused.path("refused").path("file").asText());
            assertTrue(refused.path("refused").path("errors").size() > 0, refused.toString());
            assertEquals("the previous descriptor", refused.path("refused").path("running").asText());
            JsonNode list = http.json("/api/federations");
            assertEquals("nyby", list.path("refused").get(0).path("id").asText());
            assertEquals("refused", list.path("refused").get(0).path("status").asText());
            assertEquals(200, status("nyby.x3"));
            assertEquals(List.of(), failedRuns(), "a refused descriptor runs nothing");

            // 4. removed: the services are withdrawn through the change log
            String before = http.json("/changes/latest").path("next").asText();
            long removed = System.nanoTime();
            Files.delete(folder.resolve("nyby").resolve("federation.json"));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> status("nyby.x1") == 410 && status("nyby.x3") == 410); // gone, as any removed service
            System.out.printf("FederationsJoinTest: descriptor removed -> services gone in %d ms%n", (System.nanoTime() - removed) / 1_000_000);
            assertTrue(federation("nyby").isEmpty());
            assertEquals(0, http.json("/api/federations").path("refused").size(), "the refused file went with it");
            List<String> deleted = new ArrayList<>();
            http.json("/changes?since=" + before).path("items").forEach(c -> {
                if (c.path("action").asText().equals("deleted")) {
                    deleted.add(c.path("service").asText());
                }
            });
            assertEquals(List.of("nyby.x1", "nyby.x2", "nyby.x3"), deleted.stream().sorted().toList());
            String atom = http.get("/feeds/changes.atom", "application/atom+xml").body();
            assertTrue(atom.contains("Borttagen insats") && atom.contains("nyby.x3"), atom);
            assertEquals(0, http.json("/api/services?federation=nyby").path("total").asInt(-1));

            // 5. put back: the services are back
            send(descriptor("Samordningsförbundet Nyby", "lista.csv"));
            await().atMost(WAIT).until(() -> status("nyby.x1") == 200);
            assertEquals("Ett (utgåva 1)", title("nyby.x1"));
            assertEquals(410, status("nyby.x3"), "only what the descriptor's source holds");
        } finally {
            reading.set(false);
            reader.join(TestHttp.REQUEST_TIMEOUT.toMillis());
        }
        assertTrue(reads.get() > 0);
        assertEquals(List.of(), failures, "reads of another federation while one joined and left");
        assertFalse(reader.isAlive());
    }

    private List<String> failedRuns() {
        List<String> out = new ArrayList<>();
        http.json("/api/federations/nyby/runs").path("items").forEach(r -> {
            if (r.path("status").asText().equals("failed")) {
                out.add(r.toString());
            }
        });
        return out;
    }
}
