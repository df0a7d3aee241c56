package se.insatsnavet.bench;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.connectors.descriptor.DescriptorLoader;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.federations.FederationRepository;
import se.insatsnavet.hub.imports.ImportRoutes;
import se.insatsnavet.hub.imports.ImportService;
import se.insatsnavet.hub.imports.RunMessage;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunRepository;
import se.insatsnavet.hub.imports.RunStatus;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueGeneratorTest {

    @Test
    void sizesAreSkewedAndAddUp() {
        int[] sizes = CatalogueGenerator.sizes(100_000, 75);
        assertEquals(100_000, Arrays.stream(sizes).sum());
        assertTrue(Arrays.stream(sizes).allMatch(n -> n >= 1));
        assertTrue(sizes[0] > 10 * sizes[74], "a few large, most small: " + Arrays.toString(sizes));
        assertEquals(60, Arrays.stream(CatalogueGenerator.sizes(60, 3)).sum());
    }

    @Test
    void usesAllScbMunicipalities() {
        assertEquals(290, CatalogueGenerator.loadMunicipalities(Vocabulary.load(HubIris.defaults())).size());
    }

    @Test
    void isDeterministic(@TempDir Path a, @TempDir Path b) throws Exception {
        CatalogueGenerator.Config config = CatalogueGenerator.Config.of(90, 4);
        new CatalogueGenerator(config).generate(a);
        new CatalogueGenerator(config).generate(b);
        for (String fed : List.of("bench-001", "bench-002", "bench-003", "bench-004")) {
            try (var files = Files.walk(a.resolve(fed))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f))), f.toString());
                }
            }
        }
    }

    /**
     * Every generated record, of every source format and the push bodies, goes through the hub's real import
     * pipeline (connector, mapping, JSON Schema, SHACL) unrejected.
     */
    @Test
    void generatedFilesImportWithoutRejectedRecords(@TempDir Path dir) throws Exception {
        CatalogueGenerator.Catalogue catalogue = new CatalogueGenerator(CatalogueGenerator.Config.of(240, 6)).generate(dir);
        assertEquals(240, catalogue.services());
        assertEquals(Set.of("csv", "json", "ndjson", "hsds"),
                catalogue.federations().stream().map(CatalogueGenerator.Federation::format).collect(Collectors.toSet()));

        DescriptorLoader.LoadResult loaded = new DescriptorLoader().loadAll(dir);
        assertEquals(List.of(), loaded.errors().stream().map(Throwable::getMessage).toList());
        assertEquals(6, loaded.descriptors().size());

        HubIris iris = HubIris.defaults();
        try (Database db = Database.open("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
             CatalogStore store = CatalogStore.inMemory();
             DefaultCamelContext camel = new DefaultCamelContext()) {
            RunRepository runs = new RunRepository(db);
            ImportService imports = new ImportService(store, runs, ServiceRdf.of(iris), Vocabulary.load(iris).conceptIndex()::match);
            camel.start();
            ImportRoutes routes = new ImportRoutes(null, imports, false, 0, 0, 0);
            for (FederationDescriptor federation : loaded.descriptors()) {
                new FederationRepository(db).upsert(federation.id(), federation.id(), federation.directory().toString());
                CatalogueGenerator.Federation generated = catalogue.federations().stream()
                        .filter(f -> f.id().equals(federation.id())).findFirst().orElseThrow();
                for (var source : federation.sources()) {
                    RunReport report = routes.syncNow(camel, federation, source, "test");
                    List<String> errors = report.messages().stream().filter(m -> RunMessage.ERROR.equals(m.level()))
                            .map(m -> m.localId() + " " + m.field() + " " + m.value() + ": " + m.message()).limit(5).toList();
                    assertEquals(RunStatus.SUCCEEDED, report.status(), federation.id() + ": " + report.failure() + " " + errors);
                    assertEquals(0, report.counts().rejected(), federation.id() + " rejected: " + errors);
                    assertEquals(generated.services(), report.counts().added(), federation.id());
                }
                List<se.insatsnavet.connectors.source.RawRecord> pushed = new java.util.ArrayList<>();
                com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
                for (String line : Files.readAllLines(generated.pushFile())) {
                    @SuppressWarnings("unchecked")
                    java.util.Map<String, Object> fields = json.readValue(line, java.util.LinkedHashMap.class);
                    pushed.add(new se.insatsnavet.connectors.source.RawRecord("line " + (pushed.size() + 1), fields));
                }
                RunReport push = imports.importBatch(federation, se.insatsnavet.hub.imports.PushSource.DESCRIPTOR,
                        new se.insatsnavet.connectors.source.SourceBatch(federation.id(), "push", pushed, List.of(), "test",
                                java.time.Instant.now()), "test");
                List<String> pushErrors = push.messages().stream().filter(m -> RunMessage.ERROR.equals(m.level()))
                        .map(m -> m.localId() + " " + m.field() + " " + m.value() + ": " + m.message()).limit(5).toList();
                assertEquals(0, push.counts().rejected(), federation.id() + " push rejected: " + pushErrors);
                assertEquals(Math.max(1, generated.services() / 10), push.counts().added(), federation.id() + " push");
            }
        }
    }
}
