package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consumer keeps a copy of the catalogue in sync by following /changes. */
class ChangesFeedTest {

    private static final String HEADER = "Id;Namn;Beskrivning\n";

    @TempDir
    Path data;
    @TempDir
    Path federations;
    Hub hub;
    TestHttp http;
    final Map<String, JsonNode> copy = new HashMap<>();
    String token = null;

    @BeforeEach
    void startHub() throws Exception {
        Path dir = Files.createDirectories(federations.resolve("alfa"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "alfa", "name": {"sv": "Samordningsförbundet Alfa"}, "municipalities": ["0580"],
                 "sources": [{"id": "main", "kind": "file", "location": "services.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Beskrivning"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        write(HEADER + "a1;Jobbcoach;Stöd till arbete.\na2;Studiecirkel;Stöd till studier.\na3;Hälsa;Friskvård.\n");
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(0, 10).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
    }

    @AfterEach
    void stopHub() throws Exception {
        hub.stop().get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void write(String csv) throws Exception {
        Files.writeString(federations.resolve("alfa").resolve("services.csv"), csv, StandardCharsets.UTF_8);
    }

    /** One consumer sync: apply every change since the last token, page by page. */
    private void follow() {
        while (true) {
            JsonNode page = http.json("/changes?limit=2" + (token == null ? "" : "&since=" + token));
            for (JsonNode change : page.path("items")) {
                String id = change.path("service").asText();
                if (change.path("action").asText().equals("deleted")) {
                    copy.remove(id);
                } else {
                    copy.put(id, http.json("/id/service/" + id + "?format=json"));
                }
            }
            token = page.path("next").asText();
            if (!page.path("more").asBoolean()) {
                return;
            }
        }
    }

    private Map<String, JsonNode> hubState() {
        Map<String, JsonNode> state = new HashMap<>();
        for (JsonNode s : http.json("/api/services?perPage=100").path("items")) {
            state.put(s.path("id").asText(), http.json("/id/service/" + s.path("id").asText() + "?format=json"));
        }
        return state;
    }

    @Test
    void aConsumerFollowingChangesEndsWithExactlyTheHubsCatalogue() throws Exception {
        hub.syncNow("alfa", "test");
        follow();
        assertEquals(hubState(), copy);

        write(HEADER + "a1;Jobbcoach;Stöd till arbete, även kvällar.\na3;Hälsa;Friskvård.\na4;Praktik;Prova på ett jobb.\n");
        hub.syncNow("alfa", "test");
        follow();
        assertEquals(3, copy.size());
        assertTrue(copy.get("alfa.a1").path("description").path("sv").asText().contains("kvällar"));
        assertEquals(hubState(), copy);

        String before = token;
        follow();
        assertEquals(before, token, "no change, same token");
    }

    @Test
    void atomFeedsListTheNewestChangesNationallyAndPerFederation() throws Exception {
        hub.syncNow("alfa", "test");
        write(HEADER + "a1;Jobbcoach;Stöd till arbete.\na2;Studiecirkel;Stöd till studier.\n");
        hub.syncNow("alfa", "test");
        for (String path : new String[] {"/feeds/changes.atom", "/feeds/alfa.atom"}) {
            var r = http.get(path, "application/atom+xml");
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var doc = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
            var entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
            assertEquals(4, entries.getLength(), r.body());
            assertTrue(r.body().contains("Borttagen insats: alfa.a3"), r.body());
        }
        assertEquals(404, http.get("/feeds/nowhere.atom", null).statusCode());
    }

    @Test
    void changesCanBeAskedForSinceATime() {
        hub.syncNow("alfa", "test");
        JsonNode all = http.json("/changes?since=2000-01-01T00:00:00Z");
        assertEquals(3, all.path("items").size());
        assertEquals("added", all.path("items").get(0).path("action").asText());
        assertEquals(0, http.json("/changes?since=2999-01-01T00:00:00Z").path("items").size());
        assertEquals(400, http.get("/changes?since=yesterday").statusCode());
    }
}
