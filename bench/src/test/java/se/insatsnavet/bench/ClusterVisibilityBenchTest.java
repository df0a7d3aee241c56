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
 * The cluster visibility bench, tiny (20 records, one repetition): node B finds every change pushed to node A, each
 * sample is timed, and the section is written. No timing is asserted.
 */
class ClusterVisibilityBenchTest {

    @Test
    // a bound for a hang, not a speed limit: on a busy machine (CI beside another build) this takes minutes
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void nodeBFindsWhatWasPushedToNodeAAndTheFiguresAreWritten(@TempDir Path tmp) throws Exception {
        ClusterVisibilityBench.Report report = ClusterVisibilityBench.run(
                new ClusterVisibilityBench.Options(20, 1, tmp.resolve("BENCHMARKS.md"), tmp.resolve("work")));

        for (List<ClusterVisibilityBench.Sample> samples : List.of(report.single(), report.large())) {
            assertEquals(1, samples.size(), report.markdown());
            assertTrue(samples.get(0).visibleMillis() > 0 && samples.get(0).pushMillis() > 0, samples.toString());
        }
        assertEquals(1, report.single().get(0).records());
        assertEquals(20, report.large().get(0).records());
        String written = Files.readString(tmp.resolve("BENCHMARKS.md"));
        assertTrue(written.contains("## Cluster: from a commit on node A to search on node B")
                && written.contains("| 20 records changed (`PUT …/services`) |"), written);
    }
}
