package se.insatsnavet.schema;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the third-party files in {@code ../shared} (system property {@code insatsnavet.shared}). */
public final class TestSupport {

    private TestSupport() {
    }

    /** The shared folder: property {@code insatsnavet.shared}, else {@code ../shared} beside the checkout. */
    public static Path shared() {
        String prop = System.getProperty("insatsnavet.shared");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return module.getParent().resolve("../shared").normalize();
    }

    /** {@code <shared>/standards/cpsv-ap-3.2.0}, or skips the test naming the missing folder. */
    public static Path cpsvApOrSkip() {
        Path dir = shared().resolve("standards").resolve("cpsv-ap-3.2.0");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("shacl").resolve("cpsv-ap-SHACL.ttl")),
                "skipped: CPSV-AP 3.2.0 standards folder not found: " + dir
                        + " (set system property insatsnavet.shared)");
        return dir;
    }

    /** {@code <shared>/reference/swedish-geodata}, or skips the test naming the missing folder. */
    public static Path geodataOrSkip() {
        Path dir = shared().resolve("reference").resolve("swedish-geodata");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("municipalities.csv")),
                "skipped: swedish-geodata folder not found: " + dir + " (set system property insatsnavet.shared)");
        return dir;
    }
}
