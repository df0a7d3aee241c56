package se.insatsnavet.hub.dumps;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A start keeps the dumps on disk when they are current, rebuilds them when they may be behind, and lists true digests. */
class DumpsAtStartTest {

    @TempDir
    Path dir;
    private final HubIris iris = HubIris.of("http://localhost/");
    private CatalogStore store;
    private ServiceCatalog catalog;

    @BeforeEach
    void openStore() {
        store = CatalogStore.inMemory();
        Model m = ModelFactory.createDefaultModel();
        m.createResource(iris.organisation("steget")).addProperty(RDFS.label, "Steget");
        store.replaceGraph(iris.federationGraph("steget"), m);
        catalog = new ServiceCatalog(store, ServiceRdf.of(iris));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Dumps dumps() {
        return new Dumps(dir, store, catalog, iris, List.of());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void currentDumpsAreKeptAtStartWithTheirDigestsAndNotRebuilt() throws Exception {
        try (Dumps first = dumps()) {
            first.rebuild(List.of("steget"));
        }
        try (Dumps next = dumps()) {
            next.loadExisting();
            assertFalse(next.rebuildAtStartIfBehind(List.of("steget"), false));
            assertEquals(List.of("catalogue.nq.gz", "services.ndjson", "steget.ttl"),
                    next.list().stream().map(Dumps.DumpInfo::name).toList());
            for (Dumps.DumpInfo d : next.list()) {
                assertEquals(sha256(dir.resolve(d.name())), d.sha256(), d.name());
            }
        }
    }

    @Test
    void aChangeNotYetDumpedAMissingDumpOrAChangeAtStartRebuildsThem() throws Exception {
        try (Dumps first = dumps()) {
            first.rebuild(List.of("steget"));
            first.requestRebuild(List.of("steget")); // a run changed the catalogue; the hub stops before the rebuild
        }
        try (Dumps next = dumps()) {
            next.loadExisting();
            assertTrue(next.rebuildAtStartIfBehind(List.of("steget"), false));
        }
        Files.deleteIfExists(dir.resolve(Dumps.STALE_MARKER)); // (the rebuild asked for may have run and cleared it)
        Files.delete(dir.resolve("steget.ttl"));
        try (Dumps next = dumps()) {
            next.loadExisting();
            assertTrue(next.rebuildAtStartIfBehind(List.of("steget"), false));
        }
        Files.deleteIfExists(dir.resolve(Dumps.STALE_MARKER));
        try (Dumps next = dumps()) {
            next.rebuild(List.of("steget"));
        }
        try (Dumps next = dumps()) {
            next.loadExisting();
            assertTrue(next.rebuildAtStartIfBehind(List.of("steget"), true));
        }
    }

    @Test
    void aDumpChangedBehindTheHubsBackIsHashedAgain() throws Exception {
        try (Dumps first = dumps()) {
            first.rebuild(List.of("steget"));
        }
        Files.writeString(dir.resolve("services.ndjson"), "{\"id\":\"x\"}\n");
        try (Dumps next = dumps()) {
            next.loadExisting();
            assertEquals(sha256(dir.resolve("services.ndjson")), next.info("services.ndjson").orElseThrow().sha256());
            assertTrue(next.list().stream().noneMatch(d -> d.name().startsWith(".")));
        }
    }
}
