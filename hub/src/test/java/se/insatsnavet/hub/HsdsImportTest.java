package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunStatus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Open Referral's own HSDS samples (1.1 and 3.1 CSV packages), imported as federations and republished. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HsdsImportTest {

    @TempDir
    static Path data;
    @TempDir
    static Path federations;
    Hub hub;
    TestHttp http;

    @BeforeAll
    void start() throws Exception {
        federation("hsds-elva", SharedFolder.require("standards/hsds-1.1-sample"));
        federation("hsds-tre", SharedFolder.require("standards/hsds-3.1/examples/csv"));
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
    }

    @AfterAll
    void stop() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    private static void federation(String id, Path sample) throws Exception {
        Path dir = Files.createDirectories(federations.resolve(id));
        Path pkg = Files.createDirectories(dir.resolve("paket"));
        try (Stream<Path> files = Files.list(sample)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, pkg.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "%s", "name": {"sv": "Exempelförbund %s", "en": "Example federation"},
                 "municipalities": ["0180"],
                 "sources": [{"id": "hsds", "kind": "hsds", "location": "paket", "language": "en"}]}
                """.formatted(id, id), StandardCharsets.UTF_8);
    }

    private RunReport sync(String federation) {
        List<RunReport> runs = hub.syncNow(federation, "test");
        assertEquals(1, runs.size());
        return runs.get(0);
    }

    @Test
    void theHsds11SampleIsImportedServiceByService() throws Exception {
        RunReport run = sync("hsds-elva");
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.toString());
        assertEquals(13, run.counts().read());
        assertEquals(13, run.counts().valid() + run.counts().rejected(), run.toString());
        assertEquals(run.counts().valid(), http.json("/api/services?federation=hsds-elva&limit=50&status=all").path("total").asInt());
        JsonNode helpline = http.json("/id/service/hsds-elva.c89eb05c-62dd-4b64-b494-0cc347b6ea7f?format=json");
        assertEquals("Never Homeless Helpline", helpline.path("title").path("en").asText(), helpline.toString());
        assertEquals("Sanctuary Example City", helpline.path("provider").path("name").path("en").asText());
        assertEquals("adult", helpline.path("admission").path("criteria").get(0).path("en").asText(), helpline.toString());
        assertTrue(run.messages().stream().anyMatch(m -> "title".equals(m.field()) && m.message().contains("No Swedish title")));
    }

    @Test
    void theHsds31CsvSampleIsImportedWithOrganisationContactAndAges() throws Exception {
        RunReport run = sync("hsds-tre");
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.toString());
        assertEquals(1, run.counts().added(), run.toString());
        JsonNode service = http.json("/id/service/hsds-tre.ac148810-d857-441c-9679-408f346de14b?format=json");
        assertEquals("Community Counselling", service.path("title").path("en").asText());
        assertEquals("Example Organization Inc.", service.path("provider").path("name").path("en").asText());
        assertEquals("email@example.com", service.path("contact").path("email").asText());
        assertEquals(12, service.path("ageRange").path("min").asInt());
        assertEquals(100, service.path("ageRange").path("max").asInt());
        String page = http.get("/?q=Counselling").body();
        assertTrue(page.contains("Community Counselling"), page);
    }
}
