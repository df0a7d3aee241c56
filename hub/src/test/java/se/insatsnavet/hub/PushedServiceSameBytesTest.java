package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service a node has just imported is published as the store holds it, not as the run's own model had it: two
 * pushed records name the same provider, the first with its municipality, the second without; the store describes
 * that provider once, with the municipality, so the second service's provider has it too. The search answers, the
 * JSON and HSDS of the node that took the push are byte for byte what the same hub answers after its search index
 * is rebuilt from the store (what every other node of a cluster answers).
 */
class PushedServiceSameBytesTest {

    static final String FIRST = """
            {"title": {"sv": "Arbetsträning i verkstad"}, "description": {"sv": "Stöd till arbete."},
             "municipalities": ["1980"], "provider": {"name": {"sv": "Västerås stad"}, "type": "municipality", "municipality": "1980"}}""";
    static final String SECOND = """
            {"title": {"sv": "Studiecirkel om hästskötsel"}, "description": {"sv": "Stöd till studier."},
             "municipalities": ["1980"], "provider": {"name": {"sv": "Västerås stad"}, "type": "municipality"}}""";
    static final List<String> PATHS = List.of("/api/services?q=h%C3%A4stsk%C3%B6tsel", "/api/services?federation=vast",
            "/hsds/services?search=h%C3%A4stsk%C3%B6tsel", "/id/service/vast.p2?format=json", "/id/service/vast.p2?format=ttl");

    @TempDir
    Path data;
    @TempDir
    Path federations;
    Hub hub;

    @BeforeEach
    void startHub() throws Exception {
        Path dir = Files.createDirectories(federations.resolve("vast"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "vast", "name": {"sv": "Samordningsförbundet Väst"}, "municipalities": ["1980"],
                 "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("lista.csv"), "Id;Namn;Text\n", StandardCharsets.UTF_8);
        hub = start();
    }

    @AfterEach
    void stopHub() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    private Hub start() throws Exception {
        return Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    }

    @Test
    void theNodeThatTookAPushAnswersTheBytesOfTheStoredDescription() throws Exception {
        String token = hub.tokens().create("vast", "test").secret();
        assertEquals(200, push(hub, token, "p1", FIRST).statusCode());
        assertEquals(200, push(hub, token, "p2", SECOND).statusCode());

        TestHttp http = new TestHttp(hub.port());
        JsonNode found = http.json(PATHS.get(0)).path("items");
        assertEquals(1, found.size(), found.toString());
        assertEquals("1980", found.get(0).path("provider").path("municipality").asText(),
                "the provider as the store describes it (the first record gave its municipality): " + found);
        ObjectNode stored = new ServiceCatalog(hub.store(), ServiceRdf.of(HubIris.of(hub.options().baseUri())))
                .itemOfId("vast.p2").orElseThrow();
        assertEquals(stored.path("provider"), found.get(0).path("provider"));

        List<HttpResponse<byte[]>> before = PATHS.stream().map(p -> http.getRaw(p)).toList();
        hub.stop().get(5, TimeUnit.MINUTES);
        try (Stream<Path> files = Files.walk(data.resolve("index"))) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        hub = start();
        TestHttp rebuilt = new TestHttp(hub.port());
        for (int i = 0; i < PATHS.size(); i++) {
            HttpResponse<byte[]> after = rebuilt.getRaw(PATHS.get(i));
            assertEquals(200, after.statusCode(), PATHS.get(i));
            assertArrayEquals(before.get(i).body(), after.body(), PATHS.get(i) + ": " + new String(before.get(i).body(),
                    StandardCharsets.UTF_8) + "\n vs rebuilt\n" + new String(after.body(), StandardCharsets.UTF_8));
            assertEquals(before.get(i).headers().firstValue("ETag"), after.headers().firstValue("ETag"), PATHS.get(i));
        }
    }

    static HttpResponse<String> push(Hub hub, String token, String localId, String service) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + hub.port() + "/api/federations/vast/services/" + localId))
                .timeout(TestHttp.REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(service)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
