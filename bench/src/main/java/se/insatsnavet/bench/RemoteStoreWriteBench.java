package se.insatsnavet.bench;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import se.insatsnavet.hub.Hub;
import se.insatsnavet.hub.HubOptions;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.vocab.CPSV;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Writes and bulk reads of a hub on a remote SPARQL store (an in-process Fuseki, in-memory transactional
 * dataset) next to a hub on embedded TDB2, on the same generated catalogue: the first import of every
 * federation, every service's description read in one go (as a re-index does, {@code describeEach}), a few
 * hundred descriptions read one by one ({@code describe}), and one change set deleting every service (so every
 * provider, place … they linked to goes as an orphan). Prints the times; nothing is asserted.
 *
 * <pre>java -cp bench/target/benchmarks.jar se.insatsnavet.bench.RemoteStoreWriteBench --services 3000 --federations 3</pre>
 */
public final class RemoteStoreWriteBench {

    private static final int SINGLE_READS = 200;

    private RemoteStoreWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        int services = 3000;
        int federations = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--services" -> services = Integer.parseInt(args[i + 1]);
                case "--federations" -> federations = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--services N --federations F)");
            }
        }
        Path work = Files.createTempDirectory("remote-store-bench");
        CatalogueGenerator.Catalogue catalogue = new CatalogueGenerator(CatalogueGenerator.Config.of(services, federations))
                .generate(work.resolve("federations"));
        System.out.printf(Locale.ROOT, "catalogue: %d services in %d federations%n", catalogue.services(), catalogue.federations().size());
        Map<String, Map<String, Double>> results = new LinkedHashMap<>();
        results.put("TDB2", run(catalogue, HubOptions.defaults(work.resolve("tdb2")), null));
        FusekiServer fuseki = FusekiServer.create().port(0).loopback(true).add("/ds", DatasetGraphFactory.createTxnMem()).build().start();
        try {
            String url = "http://localhost:" + fuseki.getHttpPort() + "/ds";
            results.put("Fuseki", run(catalogue, HubOptions.defaults(work.resolve("remote"))
                    .withSparqlStore(new HubOptions.SparqlStore(url, null, null)), fuseki));
        } finally {
            fuseki.stop();
        }
        System.out.println();
        System.out.println("| Step | " + String.join(" | ", results.keySet()) + " |");
        System.out.println("| --- |" + " ---: |".repeat(results.size()));
        for (String step : results.values().iterator().next().keySet()) {
            StringBuilder row = new StringBuilder("| " + step + " |");
            results.values().forEach(r -> row.append(String.format(Locale.ROOT, " %.1f s |", r.get(step) / 1000)));
            System.out.println(row);
        }
        System.exit(0);
    }

    private static Map<String, Double> run(CatalogueGenerator.Catalogue catalogue, HubOptions options, FusekiServer fuseki) throws Exception {
        String name = fuseki == null ? "TDB2" : "Fuseki";
        Hub hub = Hub.start(options.withPort(0).withHost("127.0.0.1").withFederations(catalogue.dir())
                .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        Map<String, Double> times = new LinkedHashMap<>();
        try {
            long t0 = System.nanoTime();
            for (CatalogueGenerator.Federation f : catalogue.federations()) {
                for (RunReport r : hub.syncNow(f.id(), "bench")) {
                    if (!"succeeded".equals(r.status().label())) {
                        throw new IllegalStateException("import of " + f.id() + " did not succeed: " + r);
                    }
                }
            }
            times.put("first import, all federations (Hub.syncNow)", ms(t0));
            System.out.printf(Locale.ROOT, "%s: first import %.0f ms%n", name, times.values().iterator().next());

            CatalogStore store = hub.store();
            Map<String, List<String>> byGraph = servicesByGraph(store);
            List<String> all = new ArrayList<>();
            byGraph.values().forEach(all::addAll);
            all.sort(null);
            t0 = System.nanoTime();
            int[] described = {0};
            store.describeEach(all, (iri, m) -> described[0]++);
            times.put("describeEach, " + all.size() + " services", ms(t0));
            System.out.printf(Locale.ROOT, "%s: describeEach of %d (%d described) %.0f ms%n", name, all.size(), described[0], ms(t0));

            t0 = System.nanoTime();
            for (String iri : all.subList(0, Math.min(SINGLE_READS, all.size()))) {
                store.describe(iri).orElseThrow();
            }
            times.put("describe, " + Math.min(SINGLE_READS, all.size()) + " services one by one", ms(t0));
            System.out.printf(Locale.ROOT, "%s: %d describe %.0f ms%n", name, SINGLE_READS, ms(t0));

            long before = store.size();
            t0 = System.nanoTime();
            for (Map.Entry<String, List<String>> e : byGraph.entrySet()) {
                store.applyChanges(e.getKey(), Map.of(), e.getValue());
            }
            times.put("delete every service (applyChanges, one per federation)", ms(t0));
            System.out.printf(Locale.ROOT, "%s: delete all %.0f ms (quads %d → %d)%n", name, ms(t0), before, store.size());
        } finally {
            hub.stop().get(120, TimeUnit.SECONDS);
        }
        return times;
    }

    private static Map<String, List<String>> servicesByGraph(CatalogStore store) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(
                "SELECT ?g ?s WHERE { GRAPH ?g { ?s ?type ?service } } ORDER BY ?g ?s");
        pss.setIri("type", RDF.type.getURI());
        pss.setIri("service", CPSV.PublicService.getURI());
        return store.query(pss.asQuery(), qe -> {
            Map<String, List<String>> out = new TreeMap<>();
            qe.execSelect().forEachRemaining(row -> out.computeIfAbsent(row.getResource("g").getURI(), g -> new ArrayList<>())
                    .add(row.getResource("s").getURI()));
            return out;
        });
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
