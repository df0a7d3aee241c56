package se.insatsnavet.bench;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import se.insatsnavet.connectors.descriptor.DescriptorLoader;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.federations.FederationRepository;
import se.insatsnavet.hub.imports.ImportRoutes;
import se.insatsnavet.hub.imports.ImportService;
import se.insatsnavet.hub.imports.RunRepository;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The TDB2 write path of a first import: the services' descriptions as the import converts them (one change
 * set per federation) written into an empty on-disk TDB2 dataset by the hub's store
 * ({@link CatalogStore#applyChanges}: deletes of each service's owned triples, adds, orphans), by plain adds in
 * one write transaction per federation, and by Jena's TDB2 loaders (basic, sequential, phased) with the
 * federation's graph as their graph. Each way gets a fresh dataset per round; times include opening the
 * loader. The rates count the triples of the descriptions (those the services share repeat in each description;
 * the hub's store writes each of a change set's triples once; the loaders and one of the plain ways get each
 * distinct triple once too). Prints the times; nothing is asserted.
 *
 * <pre>java -cp bench/target/benchmarks.jar se.insatsnavet.bench.TdbWriteBench --services 3000 --federations 10 --rounds 3</pre>
 */
public final class TdbWriteBench {

    private TdbWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        int services = 3000;
        int federations = 10;
        int rounds = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--services" -> services = Integer.parseInt(args[i + 1]);
                case "--federations" -> federations = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (known: --services --federations --rounds)");
            }
        }
        Path dir = Files.createTempDirectory("insatsnavet-tdbwrite");
        Map<String, Map<String, Model>> byGraph = convert(dir, services, federations);
        long triples = byGraph.values().stream().flatMap(m -> m.values().stream()).mapToLong(Model::size).sum();
        long distinct = byGraph.values().stream().mapToLong(m -> {
            java.util.Set<org.apache.jena.graph.Triple> set = new java.util.HashSet<>();
            m.values().forEach(model -> model.getGraph().find().forEachRemaining(set::add));
            return set.size();
        }).sum();
        System.out.printf(Locale.ROOT, "%d services in %d graphs: %,d triples in their descriptions, %,d distinct per graph%n",
                services, byGraph.size(), triples, distinct);

        Map<String, BiConsumer<Path, Map<String, Map<String, Model>>>> ways = new LinkedHashMap<>();
        ways.put("store.applyChanges (the hub's path)", (d, data) -> {
            try (CatalogStore store = CatalogStore.openTdb2(d)) {
                data.forEach((g, upserts) -> store.applyChanges(g, upserts, List.of()));
            }
        });
        ways.put("plain adds of every description's triples", (d, data) -> adds(d, data, false));
        ways.put("plain adds, each distinct triple once", (d, data) -> adds(d, data, true));
        ways.put("LoaderFactory.basicLoader per graph, distinct", (d, data) -> load(d, data, LoaderFactory::basicLoader));
        ways.put("LoaderFactory.sequentialLoader per graph, distinct", (d, data) -> load(d, data, LoaderFactory::sequentialLoader));
        ways.put("LoaderFactory.phasedLoader per graph, distinct", (d, data) -> load(d, data, LoaderFactory::phasedLoader));

        for (int r = 1; r <= rounds; r++) {
            for (Map.Entry<String, BiConsumer<Path, Map<String, Map<String, Model>>>> way : ways.entrySet()) {
                Path d = dir.resolve("tdb-" + r + "-" + UUID.randomUUID());
                long t0 = System.nanoTime();
                way.getValue().accept(d, byGraph);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "round %d  %-52s %7.2f s  %,9.0f triples/s%n", r, way.getKey(), s, triples / s);
            }
        }
    }

    /** One write transaction per graph adding the descriptions' triples (each once if {@code distinct}). */
    private static void adds(Path d, Map<String, Map<String, Model>> data, boolean distinct) {
        Dataset ds = TDB2Factory.connectDataset(d.toString());
        data.forEach((g, upserts) -> {
            Node gn = NodeFactory.createURI(g);
            java.util.Set<org.apache.jena.graph.Triple> seen = new java.util.HashSet<>();
            Txn.executeWrite(ds, () -> {
                DatasetGraph dsg = ds.asDatasetGraph();
                upserts.values().forEach(m -> m.getGraph().find().forEachRemaining(t -> {
                    if (!distinct || seen.add(t)) {
                        dsg.add(gn, t.getSubject(), t.getPredicate(), t.getObject());
                    }
                }));
            });
        });
        ds.close();
    }

    @FunctionalInterface
    private interface Loaders {
        DataLoader create(DatasetGraph dsg, Node graph, org.apache.jena.system.progress.MonitorOutput out);
    }

    private static void load(Path d, Map<String, Map<String, Model>> data, Loaders loaders) {
        Dataset ds = TDB2Factory.connectDataset(d.toString());
        data.forEach((g, upserts) -> {
            DataLoader loader = loaders.create(ds.asDatasetGraph(), NodeFactory.createURI(g), (fmt, args) -> { });
            loader.startBulk();
            try {
                StreamRDF sink = loader.stream();
                sink.start();
                java.util.Set<org.apache.jena.graph.Triple> seen = new java.util.HashSet<>();
                upserts.values().forEach(m -> m.getGraph().find().forEachRemaining(t -> {
                    if (seen.add(t)) {
                        sink.triple(t);
                    }
                }));
                sink.finish();
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
        });
        ds.close();
    }

    /** The generated catalogue imported into memory; the descriptions each federation's run wrote, by graph. */
    private static Map<String, Map<String, Model>> convert(Path dir, int services, int federations) throws Exception {
        new CatalogueGenerator(CatalogueGenerator.Config.of(services, federations)).generate(dir.resolve("federations"));
        List<FederationDescriptor> descriptors = new DescriptorLoader().loadAll(dir.resolve("federations")).descriptors();
        HubIris iris = HubIris.defaults();
        Vocabulary vocabulary = Vocabulary.load(iris);
        Map<String, Map<String, Model>> byGraph = new LinkedHashMap<>();
        try (Database db = Database.open("jdbc:h2:mem:tdbwrite-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
             CatalogStore store = CatalogStore.inMemory();
             DefaultCamelContext camel = new DefaultCamelContext()) {
            ImportService imports = new ImportService(store, new RunRepository(db), ServiceRdf.of(iris), vocabulary.conceptIndex()::match);
            List<ImportService.Committed> committed = new ArrayList<>();
            imports.onCommitted(committed::add);
            camel.start();
            ImportRoutes routes = new ImportRoutes(null, imports, false, 0, 0, 0);
            for (FederationDescriptor f : descriptors) {
                new FederationRepository(db).upsert(f.id(), f.id(), f.directory().toString());
                for (SourceDescriptor s : f.sources()) {
                    committed.clear();
                    routes.syncNow(camel, f, s, "bench");
                    Map<String, Model> upserts = byGraph.computeIfAbsent(iris.federationGraph(f.id()), g -> new LinkedHashMap<>());
                    committed.forEach(c -> c.models().forEach((id, m) -> upserts.put(iris.service(id), m)));
                }
            }
        }
        return byGraph;
    }
}
