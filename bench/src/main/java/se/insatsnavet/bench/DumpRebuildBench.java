package se.insatsnavet.bench;

import se.insatsnavet.hub.Hub;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the dump rebuild after a one-record change costs: generates and imports {@code --services} services in
 * {@code --federations} federations under {@code --work}, lets the dumps settle, then {@code --changes} times
 * changes the title of one row of a CSV federation's file (the largest, or with {@code --smallest true} the
 * smallest) and waits until the rebuild that follows has finished ({@code .stale} gone). Prints, per change, the
 * CPU time of the dump thread and the wall time from the run's end to the dumps being current; the hub's log
 * line "Dumps rebuilt" has the split by dump.
 *
 * <pre>java -cp bench/target/benchmarks.jar se.insatsnavet.bench.DumpRebuildBench --work /tmp/d20k --services 20000 --changes 3</pre>
 */
public final class DumpRebuildBench {

    private DumpRebuildBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = null;
        int services = 20_000;
        int federations = 75;
        int changes = 3;
        boolean smallest = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--work" -> work = Path.of(args[i + 1]);
                case "--services" -> services = Integer.parseInt(args[i + 1]);
                case "--federations" -> federations = Integer.parseInt(args[i + 1]);
                case "--changes" -> changes = Integer.parseInt(args[i + 1]);
                case "--smallest" -> smallest = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --work --services --federations --changes --smallest)");
            }
        }
        if (work == null) {
            throw new IllegalArgumentException("--work is required");
        }
        CatalogueGenerator.Catalogue catalogue = ImportedHub.generate(work, services, federations);
        Path fedDir = ImportedHub.federations(work);
        Path dataDir = ImportedHub.dataDir(work);
        Comparator<CatalogueGenerator.Federation> bySize = Comparator.comparingInt(CatalogueGenerator.Federation::services);
        CatalogueGenerator.Federation csv = catalogue.federations().stream().filter(f -> f.format().equals("csv"))
                .max(smallest ? bySize.reversed() : bySize).orElseThrow();
        ImportedHub.Started imported = ImportedHub.start(work, catalogue);
        Hub hub = imported.hub();
        try {
            int port = hub.port();
            log("imported in %.1f s; the dumps settled", imported.importSeconds());
            Path stale = dataDir.resolve("dumps").resolve(".stale");
            while (Files.exists(stale)) {
                Thread.sleep(100);
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long dumpThread = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("insatsnavet-dumps")).findFirst().orElseThrow().getId();
            Path file = fedDir.resolve(csv.id()).resolve("insatser.csv");
            List<String> results = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                String localId = csv.localIds().get(i % csv.localIds().size());
                List<String> rows = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
                for (int k = 1; k < rows.size(); k++) {
                    if (rows.get(k).startsWith(localId + ";")) {
                        String rest = rows.get(k).substring(localId.length() + 1);
                        int end = rest.startsWith("\"") ? rest.indexOf("\";") + 1 : rest.indexOf(';');
                        rows.set(k, localId + ";Ändrad insats " + i + " " + System.nanoTime() + rest.substring(end));
                        break;
                    }
                }
                long cpu0 = threads.getThreadCpuTime(dumpThread);
                Path tmp = file.resolveSibling("insatser.csv.tmp");
                Files.writeString(tmp, String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (!Files.exists(stale) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                long s0 = System.nanoTime();
                while (Files.exists(stale) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                double wall = (System.nanoTime() - s0) / 1e6;
                double cpu = (threads.getThreadCpuTime(dumpThread) - cpu0) / 1e6;
                String r = String.format(Locale.ROOT, "change %d (%s, %d services): dumps current %.0f ms after the run's end "
                        + "(1,000 ms of it the quiet wait), dump thread CPU %.0f ms", i + 1, csv.id(), csv.services(), wall, cpu);
                log("%s", r);
                results.add(r);
            }
            log("load average %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            hub.stop().get(300, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[dump-rebuild-bench %tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
    }
}
