package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.editionbundle.EditionMapper;
import se.insatsnavet.hub.editionbundle.FirstEdition;
import se.insatsnavet.hub.editionbundle.SecondEdition;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A source whose mapper plugin is not running waits for it: no failed run at start or on its schedule, status
 * "waiting for plugin …" in {@code /api/federations}; when the plugin's bundle is dropped into the plugins folder,
 * and again when it is replaced, the source is imported at once without a manual sync. The bundle is packed here
 * from {@code editionbundle} (off the class path Felix sees).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginWaitTest {

    @TempDir
    static Path data;
    @TempDir
    static Path federations;
    @TempDir
    static Path work;
    Hub hub;
    TestHttp http;

    @BeforeAll
    void start() throws Exception {
        Path fed = Files.createDirectories(federations.resolve("vanta"));
        Files.writeString(fed.resolve("federation.json"), """
                {"id": "vanta", "name": {"sv": "Samordningsförbundet Vänta"}, "municipalities": ["0580"],
                 "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                              "mapper": "utgava-lista", "schedule": {"interval": "PT1S"}},
                             {"id": "fil", "kind": "file", "location": "fil.csv", "format": "csv",
                              "schedule": {"interval": "PT1S"},
                              "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Beskrivning"},
                                          "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(fed.resolve("lista.csv"), "Id,Namn\nx1,Ett\nx2,\"Två, med komma\"\n", StandardCharsets.UTF_8);
        Files.writeString(fed.resolve("fil.csv"), "Id,Namn,Beskrivning\na1,Jobbcoach,Stöd till arbete.\n", StandardCharsets.UTF_8);
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
    }

    @AfterAll
    void stop() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    private List<JsonNode> runsOf(String source) {
        List<JsonNode> runs = new ArrayList<>();
        http.json("/api/federations/vanta/runs").path("items").forEach(r -> {
            if (r.path("source").asText().equals(source)) {
                runs.add(r);
            }
        });
        return runs;
    }

    private JsonNode source(String id) {
        for (JsonNode s : http.json("/api/federations").path("items").get(0).path("sources")) {
            if (s.path("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no source " + id);
    }

    private String title(String serviceId) {
        return http.json("/id/service/" + serviceId + "?format=json").path("title").path("sv").asText();
    }

    private long pluginStartedRuns() {
        return runsOf("lista").stream().filter(r -> r.path("trigger").asText().equals("plugin-started")
                && r.path("status").asText().equals("succeeded")).count();
    }

    private void dropBundle(Class<?> activator, String version) throws IOException, URISyntaxException {
        EditionBundle.drop(work, hub.plugins().pluginsDir(), activator, version);
    }

    @Test
    void aSourceWaitsForItsPluginAndIsImportedWhenThePluginStartsAndWhenItIsReplaced() throws Exception {
        // the other source of the federation runs on its schedule, again and again, meanwhile
        await().atMost(Duration.ofMinutes(5)).until(() -> runsOf("fil").size() >= 3);
        assertEquals(List.of(), runsOf("lista"), "no run (failed or other) of a source that waits for its plugin");
        assertEquals("waiting for plugin utgava-lista", source("lista").path("status").asText());
        assertFalse(source("fil").has("status"), source("fil").toString());
        assertEquals(404, http.get("/id/service/vanta.x1?format=json", "application/json").statusCode());

        dropBundle(FirstEdition.class, "1.0.0");
        await().atMost(Duration.ofMinutes(5)).until(() -> pluginStartedRuns() >= 1);
        assertEquals("Ett (utgåva 1)", title("vanta.x1"));
        assertEquals("Två, med komma (utgåva 1)", title("vanta.x2"));
        assertFalse(source("lista").has("status"), "no longer waiting: " + source("lista"));
        assertTrue(runsOf("lista").stream().noneMatch(r -> r.path("status").asText().equals("failed")), runsOf("lista").toString());

        dropBundle(SecondEdition.class, "2.0.0");
        await().atMost(Duration.ofMinutes(5)).until(() -> pluginStartedRuns() >= 2);
        await().atMost(Duration.ofMinutes(5)).until(() -> title("vanta.x1").equals("Ett (utgåva 2)"));
        assertEquals("Två, med komma (utgåva 2)", title("vanta.x2"));
        assertEquals("utgava-lista", hub.plugins().plugin(EditionMapper.ID).orElseThrow().id());
        assertEquals("2.0.0", hub.plugins().plugin(EditionMapper.ID).orElseThrow().bundleVersion());
    }
}
