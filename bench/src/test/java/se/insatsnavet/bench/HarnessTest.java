package se.insatsnavet.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole harness on a tiny catalogue (3 federations, 60 services, 2-second load phases): every figure row is
 * produced with a number, and the section lands in the given file. No timing is asserted.
 */
class HarnessTest {

    @Test
    // a bound for a hang, not a speed limit: on a busy machine (CI beside another build) this takes minutes
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void producesEveryFigure(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("BENCHMARKS.md");
        Harness.Options options = new Harness.Options(60, 3, out, 2, 0.5, 8, tmp.resolve("work"), 7L, 60, 0, "HarnessTest");

        // the hub merges its index at most once a minute: on this tiny catalogue the search phases need not wait for it
        System.setProperty("insatsnavet.bench.mergeWaitSeconds", "5");
        Harness.Report report;
        try {
            report = Harness.run(options);
        } finally {
            System.clearProperty("insatsnavet.bench.mergeWaitSeconds");
        }

        List<String> expected = List.of("Full import", "Import throughput", "Import throughput, runs only", "Re-sync of an unchanged federation, largest",
                "Re-sync of an unchanged federation, median", "HTTP hello world", "By id, JSON", "By id, Turtle", "Search, repeated",
                "Search p99 latency, repeated", "Search, distinct", "Search p99 latency, distinct", "Search p99 latency, distinct queries offered", "HSDS page", "SPARQL lookup", "Heap used", "Process RSS", "Dump generation", "Dump size",
                "First start", "Second start");
        for (String figure : expected) {
            Harness.Row row = report.rows().stream().filter(r -> r.figure().startsWith(figure)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row '" + figure + "' in " + report.rows()));
            assertTrue(Double.isFinite(row.value()), row.figure() + " has no number: " + row);
        }
        for (String withBaseline : List.of("Full import", "Import throughput", "By id, JSON", "SPARQL lookup")) {
            Harness.Row row = report.rows().stream().filter(r -> r.figure().startsWith(withBaseline)).findFirst().orElseThrow();
            assertTrue(Double.isFinite(row.baseline()), row.figure() + " has no baseline: " + row);
        }
        assertEquals(10, report.http().size(), "hello, 8 hub phases (one at a fixed rate, two of HSDS pages), Fuseki");
        report.http().forEach(r -> assertTrue(r.requests() > 0, r.name() + " answered nothing: " + r));

        assertTrue(!Files.exists(tmp.resolve("BENCHMARKS.md.partial")), "the partial file is removed once the section is written");
        String written = Files.readString(out);
        assertTrue(written.startsWith("# Benchmarks"), written);
        assertTrue(written.contains("| Figure | Value | Baseline | Ratio | Target | Met? |"), written);
        assertTrue(!written.contains("not measured"), written);
    }
}
