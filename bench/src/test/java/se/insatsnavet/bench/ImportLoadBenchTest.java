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
 * Reads during imports on a tiny catalogue (3 federations, 60 services, 3-second phases): no read fails, every
 * import's change is seen by id and by search, every phase answered, and the section is written. No timing is
 * asserted.
 */
class ImportLoadBenchTest {

    @Test
    // a bound for a hang, not a speed limit: on a busy machine (CI beside another build) this takes minutes
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void readsDuringImportsNeverFailAndNeverStayStale(@TempDir Path tmp) throws Exception {
        ImportLoadBench.Options options = new ImportLoadBench.Options(60, 3, 3, 2, tmp.resolve("BENCHMARKS.md"), tmp.resolve("work"), 7L);

        ImportLoadBench.Report report = ImportLoadBench.run(options);

        assertEquals(0, report.errors(), report.markdown());
        assertTrue(!report.imports().isEmpty(), "at least one import ran under load: " + report.markdown());
        assertEquals(0, report.staleForGood(), report.markdown());
        for (List<LoadGenerator.Result> phase : List.of(report.idleBefore(), report.duringImports(), report.idleAfter())) {
            assertEquals(4, phase.size());
            phase.forEach(r -> assertTrue(r.requests() > 0, r.name() + " answered nothing: " + r));
        }
        ImportLoadBench.append(options.out(), report.markdown());
        String written = Files.readString(options.out());
        assertTrue(written.contains("## Reads during imports") && written.contains("| during imports | search |"), written);
    }
}
