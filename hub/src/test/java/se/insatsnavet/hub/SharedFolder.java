package se.insatsnavet.hub;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's {@code ../shared} folder (official shapes, schemas, samples), as surefire passes it. */
final class SharedFolder {

    private SharedFolder() {
    }

    /** {@code shared/<relative>}; the calling test is skipped, naming the folder, if it is missing. */
    static Path require(String relative) {
        Path shared = Path.of(System.getProperty("insatsnavet.shared", "../../shared"));
        Path p = shared.resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "Skipped: " + p.toAbsolutePath() + " is missing (../shared beside the checkout)");
        return p;
    }
}
