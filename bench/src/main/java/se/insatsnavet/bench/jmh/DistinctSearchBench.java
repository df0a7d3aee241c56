package se.insatsnavet.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.hub.search.ServiceIndex;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.hub.services.ServicePageResult;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.rdf.ServiceRdf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The harness's "Search, distinct" queries ({@code q={word}&municipality={code}&age={age}}, facets and snippets,
 * the JSON body rendered as {@code /api/services} renders it) run single-threaded against a search index of
 * {@code --services} items, without HTTP and without the response cache: mean and CPU time per query, p50/p99.
 * <p>
 * The items are those of an imported catalogue of {@code --base} generated services (through the hub's
 * pipeline), copied until there are {@code --services}, each copy with its own ids and its municipalities
 * mapped through its own random permutation (so that the catalogue spreads over every municipality).
 * <pre>java -cp bench/target/benchmarks.jar se.insatsnavet.bench.jmh.DistinctSearchBench --services 100000 --seconds 20</pre>
 */
public final class DistinctSearchBench {

    private static final java.util.regex.Pattern MODIFIED = java.util.regex.Pattern.compile("\"modified\":\"[^\"]*\"");
    private static final String[] SEARCH_WORDS = {"arbetsträning", "handlingsplan", "praktik", "hälsa", "studier", "motivation"};

    private DistinctSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int services = 100_000;
        int base = 2000;
        int seconds = 20;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--services" -> services = Integer.parseInt(args[i + 1]);
                case "--base" -> base = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (BenchData data = new BenchData(base, 75)) {
            ServiceRdf rdf = ServiceRdf.of(data.iris);
            ServiceCatalog catalog = new ServiceCatalog(data.imported(), rdf);
            List<ObjectNode> items = new ArrayList<>();
            catalog.forEachItem(items::add);
            // in a fixed order: equally ranked services (copies with the same title) come in index order
            items.sort(java.util.Comparator.comparing(item -> item.path("id").asText()));
            List<String> codes = new ArrayList<>(data.vocabulary.codes(Vocabulary.MUNICIPALITY));
            List<ObjectNode> all = copies(items, services, codes);
            ServiceIndex index = ServiceIndex.open(data.dir.resolve("index"), data.vocabulary, rdf::organisationIri);
            long t0 = System.nanoTime();
            index.rebuild(sink -> all.forEach(sink));
            System.out.printf(Locale.ROOT, "indexed %d services in %.1f s%n", index.size(), (System.nanoTime() - t0) / 1e9);
            catalog.useIndex(index);
            ObjectMapper json = new ObjectMapper();
            // a fingerprint of the answers to 300 fixed queries, to compare versions of the index's query side
            // (without the services' "modified", the time this run imported them)
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            SplittableRandom fixed = new SplittableRandom(1);
            StringBuilder answers = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                String body = MODIFIED.matcher(new String(body(catalog, codes, fixed, json), java.nio.charset.StandardCharsets.UTF_8))
                        .replaceAll("\"modified\":\"\"");
                crc.update(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                answers.append(body).append('\n');
            }
            if (System.getProperty("answers") != null) {
                java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("answers")), answers);
            }
            System.out.printf(Locale.ROOT, "answers fingerprint %08x%n", crc.getValue());
            SplittableRandom random = new SplittableRandom(42);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            run(catalog, codes, random, json, Math.max(3, seconds / 3), null); // warm-up
            long cpu0 = threads.getCurrentThreadCpuTime();
            long[] lat = run(catalog, codes, random, json, seconds, new long[1]);
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            int n = lat.length;
            Arrays.sort(lat);
            double total = Arrays.stream(lat).sum() / 1e6;
            System.out.printf(Locale.ROOT, "services %d: %d queries, mean %.3f ms, CPU %.3f ms/query, p50 %.3f ms, p99 %.3f ms, max %.3f ms (%.0f queries/s single thread)%n",
                    index.size(), n, total / n, cpu / 1e6 / n, lat[n / 2] / 1e6, lat[(int) (n * 0.99)] / 1e6, lat[n - 1] / 1e6, n / (total / 1000));
            index.close();
        }
    }

    private static long[] run(ServiceCatalog catalog, List<String> codes, SplittableRandom random, ObjectMapper json,
                              int seconds, long[] measure) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[] lat = new long[1 << 16];
        int n = 0;
        long bytes = 0;
        while (System.nanoTime() < end && n < lat.length) {
            long t = System.nanoTime();
            bytes += body(catalog, codes, random, json).length;
            lat[n++] = System.nanoTime() - t;
        }
        if (measure != null) {
            System.out.printf(Locale.ROOT, "mean body %d bytes%n", bytes / Math.max(1, n));
        }
        return Arrays.copyOf(lat, n);
    }

    /** One distinct query's answer as {@code /api/services} renders it (facets and snippets). */
    private static byte[] body(ServiceCatalog catalog, List<String> codes, SplittableRandom random, ObjectMapper json) {
        int k = random.nextInt(SEARCH_WORDS.length * codes.size() * 50);
        ServiceFilter filter = new ServiceFilter(List.of(SEARCH_WORDS[k % SEARCH_WORDS.length]),
                codes.get((k / SEARCH_WORDS.length) % codes.size()), null, null, 1, ServiceFilter.DEFAULT_PER_PAGE,
                new ServiceFilter.More(null, 16 + k / (SEARCH_WORDS.length * codes.size()), null, null, null, null, null, null, null, null, null));
        ServicePageResult result = catalog.search(filter, true, true);
        return result.body(true);
    }

    /** {@code count} items: copies of {@code items}, each copy with its own ids and a permutation of the municipalities. */
    private static List<ObjectNode> copies(List<ObjectNode> items, int count, List<String> codes) {
        List<ObjectNode> out = new ArrayList<>(count);
        Random random = new Random(7);
        for (int copy = 0; out.size() < count; copy++) {
            List<String> permuted = new ArrayList<>(codes);
            if (copy > 0) {
                Collections.shuffle(permuted, random);
            }
            for (ObjectNode item : items) {
                if (out.size() == count) {
                    break;
                }
                ObjectNode c = item.deepCopy();
                if (copy > 0) {
                    String id = item.path("id").asText();
                    int dot = id.indexOf('.');
                    c.put("id", id.substring(0, dot) + ".c" + copy + "-" + id.substring(dot + 1));
                    c.put("uri", item.path("uri").asText() + "-c" + copy);
                    ArrayNode municipalities = c.withArray("municipalities");
                    for (int i = 0; i < municipalities.size(); i++) {
                        int at = codes.indexOf(municipalities.get(i).asText());
                        if (at >= 0) {
                            municipalities.set(i, permuted.get(at));
                        }
                    }
                }
                out.add(c);
            }
        }
        return out;
    }
}
