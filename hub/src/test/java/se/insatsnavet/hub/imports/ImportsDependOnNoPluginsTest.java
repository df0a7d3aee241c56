package se.insatsnavet.hub.imports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dependencies run one way: the import pipeline reaches plugins only through {@link RecordPlugins}, which the
 * plugin host implements; no source file of {@code imports} names the {@code plugins} package.
 */
class ImportsDependOnNoPluginsTest {

    /** The main sources of this package (the tests run in the hub module's folder). */
    private static final Path IMPORTS = Path.of("src/main/java/se/insatsnavet/hub/imports");

    @Test
    void noMainSourceOfImportsNamesThePluginsPackage() throws IOException {
        assertTrue(Files.isRegularFile(IMPORTS.resolve("ImportService.java")),
                "the imports sources are not where this test looks: " + IMPORTS.toAbsolutePath());
        List<String> offending;
        try (Stream<Path> files = Files.walk(IMPORTS)) {
            offending = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains("se.insatsnavet.hub.plugins"))
                    .map(f -> IMPORTS.relativize(f).toString())
                    .sorted().toList();
        }
        assertEquals(List.of(), offending, "imports must reach plugins through RecordPlugins only");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
