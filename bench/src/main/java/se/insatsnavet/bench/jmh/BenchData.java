package se.insatsnavet.bench.jmh;

import org.apache.camel.impl.DefaultCamelContext;
import se.insatsnavet.bench.CatalogueGenerator;
import se.insatsnavet.connectors.descriptor.DescriptorLoader;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.federations.FederationRepository;
import se.insatsnavet.hub.imports.ImportRoutes;
import se.insatsnavet.hub.imports.ImportService;
import se.insatsnavet.hub.imports.RunRepository;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** Shared set-up of the micro-benchmarks: a generated catalogue, its descriptors, and optionally an imported store. */
final class BenchData implements AutoCloseable {

    final Path dir;
    final CatalogueGenerator.Catalogue catalogue;
    final List<FederationDescriptor> descriptors;
    final HubIris iris = HubIris.defaults();
    final Vocabulary vocabulary = Vocabulary.load(iris);
    private Database db;
    CatalogStore store;

    BenchData(int services, int federations) {
        try {
            dir = Files.createTempDirectory("insatsnavet-jmh");
            catalogue = new CatalogueGenerator(CatalogueGenerator.Config.of(services, federations)).generate(dir);
            DescriptorLoader.LoadResult loaded = new DescriptorLoader().loadAll(dir);
            if (!loaded.errors().isEmpty()) {
                throw new IllegalStateException("generated descriptors rejected: " + loaded.errors());
            }
            descriptors = loaded.descriptors();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first federation whose data file has this format. */
    FederationDescriptor federation(String format) {
        return descriptors.stream().filter(d -> d.sources().get(0).format().equals(format)).findFirst().orElseThrow();
    }

    /** The first record of a federation's data file, as its connector would read it. */
    RawRecord firstRecord(FederationDescriptor federation) {
        SourceDescriptor source = federation.sources().get(0);
        try {
            return new RawRecord("row 2", CatalogueGenerator.firstRecordFields(federation.directory().resolve(source.location())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports the whole catalogue through the hub's pipeline into an in-memory store. */
    CatalogStore imported() {
        db = Database.open("jdbc:h2:mem:jmh-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
        store = CatalogStore.inMemory();
        store.replaceGraph(iris.referenceGraph(), vocabulary.model());
        ImportService imports = new ImportService(store, new RunRepository(db), ServiceRdf.of(iris), vocabulary.conceptIndex()::match);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ImportRoutes routes = new ImportRoutes(null, imports, false, 0, 0, 0);
            for (FederationDescriptor f : descriptors) {
                new FederationRepository(db).upsert(f.id(), f.id(), f.directory().toString());
                for (SourceDescriptor s : f.sources()) {
                    var report = routes.syncNow(camel, f, s, "jmh");
                    if (report.counts().rejected() > 0 || report.failure() != null) {
                        throw new IllegalStateException("import of " + f.id() + " failed: " + report.failure());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
        try {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException ignored) {
            // temp files
        }
    }
}
