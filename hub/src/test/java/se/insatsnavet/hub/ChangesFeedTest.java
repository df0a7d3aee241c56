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
        hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
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

    @Test
    void anEmptyPageAnswersATokenToResumeFromNeverAnEarlierOne() throws Exception {
        assertEquals("0", http.json("/changes/latest").path("next").asText(), "an empty log");
        hub.syncNow("alfa", "test");
        String latest = http.json("/changes/latest").path("next").asText();
        JsonNode all = http.json("/changes");
        assertEquals(all.path("items").get(2).path("seq").asText(), latest, "the newest change's token");
        assertEquals(latest, all.path("next").asText());

        JsonNode future = http.json("/changes?since=2999-01-01T00:00:00Z");
        assertEquals(0, future.path("items").size());
        assertEquals(latest, future.path("next").asText(), "after a time with no change: the newest token, not 0");
        assertEquals(latest, http.json("/changes?since=" + latest).path("next").asText(), "an empty page keeps the token");
        assertEquals(400, http.get("/changes/latest?federation=alfa").statusCode(), "no parameter is ignored");

        write(HEADER + "a1;Jobbcoach;Stöd till arbete, även kvällar.\na2;Studiecirkel;Stöd till studier.\na3;Hälsa;Friskvård.\n");
        hub.syncNow("alfa", "test");
        JsonNode resumed = http.json("/changes?since=" + future.path("next").asText());
        assertEquals(1, resumed.path("items").size(), resumed.toString());
        assertEquals("alfa.a1", resumed.path("items").get(0).path("service").asText());
    }

    @Test
    void atomEntriesAreTitledByTheServicesName() throws Exception {
        hub.syncNow("alfa", "test");
        String atom = http.get("/feeds/changes.atom", "application/atom+xml").body();
        assertTrue(atom.contains("<title>Ny insats: Jobbcoach</title>"), atom);
        assertTrue(!atom.contains("<title>Ny insats: alfa.a1</title>"), atom);
    }

    @Test
    void aServiceAsJsonCarriesTheSameIdentifiersAsInTheList() {
        hub.syncNow("alfa", "test");
        JsonNode listed = http.json("/api/services?perPage=100").path("items").get(0);
        String id = listed.path("id").asText();
        JsonNode one = http.json("/id/service/" + id + "?format=json");
        assertEquals(id, one.path("id").asText());
        assertEquals(listed.path("uri").asText(), one.path("uri").asText());
        assertEquals("alfa", one.path("federation").asText());
        assertEquals(listed.path("title"), one.path("title"));
    }

    /** A linked-data consumer: follows the event stream's fragments and applies its activities to a copy. */
    private final class EventStreamReplica {
        final Map<String, String> titles = new HashMap<>();
        final java.util.Set<String> seen = new java.util.HashSet<>();
        String lastFragment = "/ldes";
        int fragments;

        void follow() {
            String next = lastFragment;
            while (next != null) {
                lastFragment = next;
                fragments++;
                var r = http.get(next, "text/turtle");
                assertEquals(200, r.statusCode(), next);
                org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
                org.apache.jena.riot.RDFParser.fromString(r.body(), org.apache.jena.riot.Lang.TURTLE).parse(m);
                var members = new java.util.ArrayList<org.apache.jena.rdf.model.Resource>();
                m.listObjectsOfProperty(se.insatsnavet.schema.vocab.TREE.member)
                        .forEachRemaining(o -> members.add(o.asResource()));
                members.sort(java.util.Comparator.comparingLong(a -> Long.parseLong(a.getURI().replaceAll(".*/", ""))));
                for (var activity : members) {
                    if (!seen.add(activity.getURI())) {
                        continue;
                    }
                    var service = activity.getPropertyResourceValue(se.insatsnavet.schema.vocab.AS.object);
                    if (activity.hasProperty(org.apache.jena.vocabulary.RDF.type, se.insatsnavet.schema.vocab.AS.Delete)) {
                        titles.remove(service.getURI());
                    } else if (service.hasProperty(org.apache.jena.vocabulary.DCTerms.title)) {
                        titles.put(service.getURI(), service.getProperty(org.apache.jena.vocabulary.DCTerms.title, "sv").getString());
                    }
                }
                var relation = m.listObjectsOfProperty(se.insatsnavet.schema.vocab.TREE.relation).toList();
                next = relation.isEmpty() ? null : relation.get(0).asResource()
                        .getPropertyResourceValue(se.insatsnavet.schema.vocab.TREE.node).getURI()
                        .replaceFirst("^https?://[^/]+", "");
            }
        }
    }

    private Map<String, String> hubTitles() {
        Map<String, String> state = new HashMap<>();
        for (int page = 1; ; page++) {
            JsonNode items = http.json("/api/services?perPage=100&page=" + page).path("items");
            items.forEach(s -> state.put(s.path("uri").asText(), s.path("title").path("sv").asText()));
            if (items.size() < 100) {
                return state;
            }
        }
    }

    @Test
    void aLinkedDataConsumerReplicatesTheCatalogueFromTheEventStream() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 150; i++) {
            csv.append("s").append(i).append(";Insats ").append(i).append(";Stöd nummer ").append(i).append(".\n");
        }
        write(csv.toString());
        hub.syncNow("alfa", "test");
        EventStreamReplica replica = new EventStreamReplica();
        replica.follow();
        assertEquals(2, replica.fragments, "150 changes make two fragments of 100");
        assertEquals(150, replica.titles.size());
        assertEquals(hubTitles(), replica.titles);

        write(csv.toString().replace("s1;Insats 1;", "s1;Insats ett;").replace("s2;Insats 2;Stöd nummer 2.\n", ""));
        hub.syncNow("alfa", "test");
        replica.follow();
        assertEquals(149, replica.titles.size());
        assertEquals(hubTitles(), replica.titles);

        String stream = http.get("/ldes", "text/turtle").body();
        assertTrue(stream.contains("ldes:EventStream") && stream.contains("ldes:LatestVersionSubset"), stream);
        var event = http.get("/ldes/event/1", "application/ld+json");
        assertEquals(200, event.statusCode());
        assertTrue(event.body().contains("activitystreams"), event.body());
        assertEquals(404, http.get("/ldes/event/99999", "text/turtle").statusCode());
        assertEquals(406, http.get("/ldes", "text/html").statusCode());
        assertEquals(400, http.get("/ldes?after=x", "text/turtle").statusCode());
    }

    @Test
    void anOrganisationThatNoLongerProvidesAnyServiceIsGone() throws Exception {
        syncWithProviderColumn("Id;Namn;Beskrivning;Anordnare\na1;Jobbcoach;Stöd till arbete.;Jobbhuset\na2;Studiecirkel;Stöd till studier.;Folkbildarna\n");
        assertEquals(200, http.get("/id/organisation/folkbildarna", "text/turtle").statusCode());
        write("Id;Namn;Beskrivning;Anordnare\na1;Jobbcoach;Stöd till arbete.;Jobbhuset\na2;Studiecirkel;Stöd till studier.;Jobbhuset\n");
        hub.syncNow("alfa", "test");
        assertEquals(410, http.get("/id/organisation/folkbildarna", "text/turtle").statusCode());
        assertEquals(200, http.get("/id/organisation/jobbhuset", "text/turtle").statusCode());
        assertEquals(404, http.get("/id/organisation/aldrig-publicerad", "text/turtle").statusCode());
    }

    @Test
    void anOrganisationFirstNamedByALaterRunIsGoneOnceItProvidesNothing() throws Exception {
        syncWithProviderColumn("Id;Namn;Beskrivning;Anordnare\na1;Jobbcoach;Stöd till arbete.;Jobbhuset\na2;Studiecirkel;Stöd till studier.;Jobbhuset\n");
        // a later run of the same hub names a new provider: recorded from the description that run wrote
        write("Id;Namn;Beskrivning;Anordnare\na1;Jobbcoach;Stöd till arbete.;Jobbhuset\na2;Studiecirkel;Stöd till studier.;Kunskapsbron\n");
        hub.syncNow("alfa", "test");
        assertEquals(200, http.get("/id/organisation/kunskapsbron", "text/turtle").statusCode());
        write("Id;Namn;Beskrivning;Anordnare\na1;Jobbcoach;Stöd till arbete.;Jobbhuset\na2;Studiecirkel;Stöd till studier.;Jobbhuset\n");
        hub.syncNow("alfa", "test");
        assertEquals(410, http.get("/id/organisation/kunskapsbron", "text/turtle").statusCode());
        assertEquals(200, http.get("/id/organisation/jobbhuset", "text/turtle").statusCode());
    }

    /**
     * Maps alfa's "Anordnare" column to the provider's name, writes {@code csv} as its source, restarts the hub
     * (without the file watch or an import at start) and syncs alfa once.
     */
    private void syncWithProviderColumn(String csv) throws Exception {
        Path dir = federations.resolve("alfa");
        Files.writeString(dir.resolve("federation.json"), Files.readString(dir.resolve("federation.json"))
                .replace("\"description\": \"Beskrivning\"", "\"description\": \"Beskrivning\", \"provider.name\": \"Anordnare\""));
        write(csv);
        hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(0, 10).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        hub.syncNow("alfa", "test");
    }
}
