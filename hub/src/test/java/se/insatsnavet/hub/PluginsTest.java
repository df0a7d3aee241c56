package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceRegistration;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunStatus;
import se.insatsnavet.plugin.api.PluginActivator;
import se.insatsnavet.plugin.api.PluginFactory;
import se.insatsnavet.plugin.api.RecordContext;
import se.insatsnavet.plugin.api.RecordMapperPlugin;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin host in a running hub: the built-in bundles (the JSON Feed connector and the CSV feed format)
 * deliver their capabilities through the plugin API; a plugin that throws or hangs is contained.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginsTest {

    @TempDir
    static Path data;
    @TempDir
    static Path federations;
    Hub hub;
    TestHttp http;
    String admin;

    @BeforeAll
    void start() throws Exception {
        Path feed = Files.createDirectories(federations.resolve("flode"));
        Files.writeString(feed.resolve("federation.json"), """
                {"id": "flode", "name": {"sv": "Samordningsförbundet Flöde"}, "municipalities": ["0580"],
                 "sources": [{"id": "webb", "kind": "jsonfeed", "location": "feed.json",
                   "mapping": {"fields": {"localId": "id", "title": "title", "description": "content_text",
                                          "homepage": "url"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(feed.resolve("feed.json"), """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Insatser i Flöde",
                 "items": [
                   {"id": "f1", "url": "https://flode.example.se/jobbcoach", "title": "Jobbcoach",
                    "content_html": "<p>Stöd att hitta ett <b>arbete</b>.</p>"},
                   {"id": "f2", "url": "https://flode.example.se/studier", "title": "Studiestöd",
                    "content_text": "Stöd att börja studera."}]}
                """, StandardCharsets.UTF_8);
        Path other = Files.createDirectories(federations.resolve("annat"));
        Files.writeString(other.resolve("federation.json"), """
                {"id": "annat", "name": {"sv": "Samordningsförbundet Annat"}, "municipalities": ["0180"],
                 "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapper": "test-mapper"},
                   {"id": "fil", "kind": "file", "location": "fil.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Beskrivning"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(other.resolve("lista.csv"), "Id,Namn\nx1,Ett\nboom,Två\nslow,Tre\n", StandardCharsets.UTF_8);
        Files.writeString(other.resolve("fil.csv"), "Id,Namn,Beskrivning\na1,Jobbcoach,Stöd till arbete.\n", StandardCharsets.UTF_8);
        System.setProperty("insatsnavet.plugins.callTimeoutMillis", "1000");
        try {
            hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                    .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        } finally {
            System.clearProperty("insatsnavet.plugins.callTimeoutMillis");
        }
        http = new TestHttp(hub.port());
        admin = hub.tokens().create(null, "plugins test").secret();
    }

    @AfterAll
    void stop() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    @Test
    void theBuiltInJsonFeedConnectorImportsAFeed() {
        RunReport run = hub.syncNow("flode", "test").get(0);
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.toString());
        assertEquals(2, run.counts().valid(), run.toString());
        assertEquals(2, http.json("/api/services?federation=flode").path("total").asInt());
        JsonNode coach = http.json("/id/service/flode.f1?format=json");
        assertEquals("Stöd att hitta ett arbete .", coach.path("description").path("sv").asText());
    }

    @Test
    void theBuiltInCsvFeedFormatServesEveryServiceAndIsInTheCatalogue() {
        hub.syncNow("flode", "test");
        HttpResponse<String> byFormat = http.get("/id/service/flode.f2?format=csv", null);
        assertEquals(200, byFormat.statusCode(), byFormat.body());
        assertTrue(byFormat.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(byFormat.body().startsWith("\"id\",\"uri\""), byFormat.body());
        assertTrue(byFormat.body().contains("\"flode.f2\"") && byFormat.body().contains("\"Studiestöd\""), byFormat.body());
        assertEquals(byFormat.body(), http.get("/id/service/flode.f2", "text/csv").body(), "Accept: text/csv gives the same");
        assertTrue(http.get("/id/service/flode.f2", "text/turtle").body().contains("cpsv:PublicService"), "Turtle still first for its Accept");
        assertTrue(http.get("/catalog", "text/turtle").body().contains("#format-csv"), "listed in DCAT");
    }

    @Test
    void adminPluginsListsTheBundlesAndTheirExtensionPoints() {
        assertEquals(401, http.get("/admin/plugins", "application/json").statusCode());
        JsonNode list = http.jsonWithToken("/admin/plugins", admin);
        java.util.Set<String> points = new java.util.TreeSet<>();
        for (JsonNode bundle : list.path("bundles")) {
            for (JsonNode plugin : bundle.path("plugins")) {
                plugin.path("extensionPoints").forEach(p -> points.add(plugin.path("id").asText() + ":" + p.asText()));
                assertTrue(bundle.path("builtIn").asBoolean(), bundle.toString());
                assertEquals("active", bundle.path("state").asText());
            }
        }
        assertTrue(points.containsAll(List.of("jsonfeed:connector", "feed-csv:feed-format")), points.toString());
    }

    /** A mapper registered straight into the framework: it throws on "boom" and hangs on "slow". */
    static final class TroublesomeMapper implements RecordMapperPlugin {
        @Override
        public String id() {
            return "test-mapper";
        }

        @Override
        public ObjectNode map(Map<String, Object> record, RecordContext context) {
            String id = record.get("Id").toString();
            if (id.equals("boom")) {
                throw new IllegalStateException("kaboom");
            }
            ObjectNode s = TestHttp.JSON.createObjectNode().put("localId", id);
            s.putObject("title").put("sv", record.get("Namn").toString());
            s.putObject("description").put("sv", "Beskrivning av " + id);
            s.putArray("municipalities").add("0180");
            return s;
        }
    }

    static final class HangingMapper implements RecordMapperPlugin {
        @Override
        public String id() {
            return "hanging-mapper";
        }

        @Override
        public ObjectNode map(Map<String, Object> record, RecordContext context) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    @Test
    void aPluginThatThrowsIsMarkedFailedAndHarmsNoOtherSource() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(PluginActivator.PLUGIN_ID, "test-mapper");
        ServiceRegistration<?> registration = hub.plugins().context().registerService(
                new String[]{PluginFactory.class.getName(), RecordMapperPlugin.class.getName()}, new TroublesomeMapper(), properties);
        try {
            // the plugin's start imports the source that names it (no sync needed), and its failure is contained there
            RunReport lista = await().atMost(Duration.ofMinutes(5)).until(() -> hub.imports().runs().runs("annat", 20).stream()
                    .filter(r -> r.sourceId().equals("lista") && r.trigger().equals("plugin-started")
                            && r.status() != RunStatus.RUNNING).findFirst(), java.util.Optional::isPresent)
                    .flatMap(r -> hub.imports().runs().run("annat", r.id())).orElseThrow();
            RunReport fil = hub.syncNow("annat", "test").stream().filter(r -> r.sourceId().equals("fil")).findFirst().orElseThrow();
            assertEquals(RunStatus.SUCCEEDED, fil.status(), "the federation's other source is untouched: " + fil);
            assertEquals(1, lista.counts().added(), lista.toString());
            assertTrue(lista.messages().stream().anyMatch(m -> m.message().contains("test-mapper") && m.message().contains("kaboom")),
                    lista.toString());
            assertTrue(hub.plugins().plugin("test-mapper").orElseThrow().failed());
            assertEquals(RunStatus.SUCCEEDED, hub.syncNow("flode", "test").get(0).status(), "other federations import");
            assertEquals(200, http.get("/health", "application/json").statusCode());
        } finally {
            registration.unregister();
        }
        assertFalse(hub.plugins().plugin("test-mapper").isPresent(), "unregistered with its service");
    }

    @Test
    void aPluginThatHangsTimesOut() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(PluginActivator.PLUGIN_ID, "hanging-mapper");
        ServiceRegistration<?> registration = hub.plugins().context().registerService(
                new String[]{PluginFactory.class.getName(), RecordMapperPlugin.class.getName()}, new HangingMapper(), properties);
        try {
            var mapper = new se.insatsnavet.hub.plugins.PluginImports(hub.plugins());
            var federation = hub.federations().get("annat").orElseThrow();
            var source = new se.insatsnavet.connectors.descriptor.SourceDescriptor("lista", "file", "lista.csv", "csv", "sv",
                    Map.of(), null, null, 50, new se.insatsnavet.connectors.descriptor.SourceDescriptor.PluginRefs(
                    "hanging-mapper", List.of(), List.of()));
            var result = mapper.mapper(federation, source).apply(new se.insatsnavet.connectors.source.RawRecord("row 2",
                    Map.of("Id", "x", "Namn", "X")));
            assertTrue(result.hasErrors());
            assertTrue(result.errors().get(0).message().contains("within 1000 ms"), result.errors().toString());
            assertTrue(hub.plugins().plugin("hanging-mapper").orElseThrow().failed());
        } finally {
            registration.unregister();
        }
    }
}
