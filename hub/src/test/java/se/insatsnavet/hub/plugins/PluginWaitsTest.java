package se.insatsnavet.hub.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceRegistration;
import se.insatsnavet.connectors.descriptor.DescriptorLoader;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.hub.imports.ImportRoutes;
import se.insatsnavet.plugin.api.EnricherPlugin;
import se.insatsnavet.plugin.api.PluginActivator;
import se.insatsnavet.plugin.api.PluginFactory;
import se.insatsnavet.plugin.api.RecordContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which plugins a source waits for, in a real plugin host (the built-in bundles running): a connector kind no
 * built-in connector has, the mapper, enrichers and validators, in that order; the first one not running is the
 * one waited for; a plugin's start is told to the listeners with its id.
 */
class PluginWaitsTest {

    @TempDir
    Path data;
    @TempDir
    Path feds;
    private PluginHost host;
    private PluginWaits waits;
    private FederationDescriptor federation;

    @BeforeEach
    void start() throws Exception {
        host = PluginHost.start(data, Duration.ofSeconds(30), 1_000);
        waits = new PluginWaits(host, ImportRoutes::builtInKind);
        Path dir = Files.createDirectories(feds.resolve("prov"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "prov", "name": {"sv": "Samordningsförbundet Prov"}, "municipalities": ["0580"],
                 "sources": [{"id": "kalla", "kind": "prov-kalla", "location": "https://prov.example.se/lista",
                              "enrichers": ["prov-berika"], "validators": ["prov-regler"]},
                             {"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                              "mapper": "prov-lista", "validators": ["prov-regler"]},
                             {"id": "fil", "kind": "file", "location": "fil.csv", "format": "csv",
                              "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"}}},
                             {"id": "flode", "kind": "jsonfeed", "location": "feed.json",
                              "mapping": {"fields": {"localId": "id", "title": "title", "description": "content_text"}}}]}
                """, StandardCharsets.UTF_8);
        for (String file : List.of("lista.csv", "fil.csv")) {
            Files.writeString(dir.resolve(file), "Id,Namn,Text\n1,Ett,Stöd.\n", StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("feed.json"), "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}",
                StandardCharsets.UTF_8);
        federation = new DescriptorLoader().load(dir.resolve("federation.json"));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private SourceDescriptor source(String id) {
        return federation.sources().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** An enricher that changes nothing, registered straight into the framework. */
    static final class QuietEnricher implements EnricherPlugin {
        @Override
        public String id() {
            return "prov-berika";
        }

        @Override
        public ObjectNode enrich(ObjectNode service, RecordContext context) {
            return service;
        }
    }

    @Test
    void aSourceNamesItsConnectorPluginThenItsOtherPluginsAndWaitsForTheFirstNotRunning() {
        assertEquals(List.of("prov-kalla", "prov-berika", "prov-regler"), waits.named(source("kalla")));
        assertEquals(List.of("prov-lista", "prov-regler"), waits.named(source("lista")), "file is built in");
        assertEquals(List.of(), waits.named(source("fil")));
        assertEquals(List.of("jsonfeed"), waits.named(source("flode")), "a built-in plugin bundle, not a built-in connector");

        assertEquals(Optional.of("waiting for plugin prov-kalla"), waits.status(federation, source("kalla")));
        assertEquals(Optional.of("prov-lista"), waits.waitingFor(federation, source("lista")));
        assertEquals(Optional.empty(), waits.waitingFor(federation, source("fil")));
        assertEquals(Optional.empty(), waits.waitingFor(federation, source("flode")), "the built-in jsonfeed runs");

        assertEquals(List.of("kalla", "lista"), waits.sourcesNaming("prov-regler", List.of(federation)).stream()
                .map(e -> e.getValue().id()).toList());
        assertEquals(List.of(), waits.sourcesNaming("prov-okand", List.of(federation)));
    }

    @Test
    void aPluginsStartIsToldToTheListenersWithItsId() {
        List<String> started = new CopyOnWriteArrayList<>();
        host.onPluginStarted(started::add);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(PluginActivator.PLUGIN_ID, "prov-berika");
        ServiceRegistration<?> registration = host.context().registerService(
                new String[]{PluginFactory.class.getName(), EnricherPlugin.class.getName()}, new QuietEnricher(), properties);
        try {
            assertEquals(List.of("prov-berika"), started);
            assertEquals(List.of(Map.entry("prov", "kalla")), waits.sourcesNaming("prov-berika", List.of(federation)).stream()
                    .map(e -> Map.entry(e.getKey().id(), e.getValue().id())).toList());
            // still waiting, for the connector (the first named that is not running)
            assertEquals(Optional.of("prov-kalla"), waits.waitingFor(federation, source("kalla")));
        } finally {
            registration.unregister();
        }
        assertEquals(List.of("prov-berika"), started, "a plugin's stop is no start");
    }
}
