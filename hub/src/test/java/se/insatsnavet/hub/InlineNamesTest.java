package se.insatsnavet.hub;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Main code of hub, connectors and schema imports its types rather than writing fully-qualified names inline
 * (issue 22, item 4); a qualified name stays only where two types share a simple name in one file.
 */
class InlineNamesTest {

    /** The modules whose main sources are scanned, relative to the checkout (tests run in {@code hub/}). */
    private static final List<String> MODULES = List.of("hub", "connectors", "schema");

    /** File → the qualified names it may keep, because another type in that file has the same simple name. */
    private static final Map<String, Set<String>> SHARED_SIMPLE_NAMES = Map.of(
            // SQLExceptionOverride.Override (the pool's enum) is used beside the annotation.
            "hub/src/main/java/se/insatsnavet/hub/db/BrokenConnections.java", Set.of("java.lang.Override"),
            // The schema's own class Shapes hands out Jena's Shapes.
            "schema/src/main/java/se/insatsnavet/schema/Shapes.java", Set.of("org.apache.jena.shacl.Shapes"));

    @Test
    void mainSourcesImportTheirTypesInsteadOfWritingQualifiedNamesInline() {
        Map<String, List<InlineNameScanner.Finding>> unexpected = new TreeMap<>(notAllowedInlineNamesByFile());
        assertEquals(Map.of(), unexpected, "Import these types (or list a true clash of simple names)");
    }

    @Test
    void allowedSharedNamesAreStillWrittenInline() {
        Map<String, List<InlineNameScanner.Finding>> found = inlineNamesByFile();
        SHARED_SIMPLE_NAMES.forEach((file, names) -> {
            Set<String> inFile = found.getOrDefault(file, List.of()).stream()
                    .map(InlineNameScanner.Finding::name).collect(Collectors.toSet());
            assertTrue(inFile.containsAll(names), file + " no longer writes " + names + ": remove it from the list");
        });
    }

    @Test
    void scannerFindsQualifiedNamesInCode() {
        List<InlineNameScanner.Finding> found = InlineNameScanner.scan(List.of(
                "class A {",
                "    private final java.util.function.Function<String, se.insatsnavet.hub.quality.QualityReport> f;",
                "    @java.lang.Override public String toString() { return org.apache.jena.rdf.model.Model.class.getName(); }",
                "    Object c = new com.fasterxml.jackson.databind.ObjectMapper(); io.vertx.core.Future<Void> v;",
                "}"));
        assertEquals(List.of(
                new InlineNameScanner.Finding(2, "java.util.function.Function"),
                new InlineNameScanner.Finding(2, "se.insatsnavet.hub.quality.QualityReport"),
                new InlineNameScanner.Finding(3, "java.lang.Override"),
                new InlineNameScanner.Finding(3, "org.apache.jena.rdf.model.Model"),
                new InlineNameScanner.Finding(4, "com.fasterxml.jackson.databind.ObjectMapper"),
                new InlineNameScanner.Finding(4, "io.vertx.core.Future")), found);
    }

    @Test
    void scannerSkipsImportsCommentsLiteralsAndMemberAccess() {
        List<InlineNameScanner.Finding> found = InlineNameScanner.scan(List.of(
                "package se.insatsnavet.hub.quality;",
                "import java.util.function.Function;",
                "import static org.junit.jupiter.api.Assertions.assertEquals;",
                "/** Uses {@link java.util.Map} and",
                " * {@link se.insatsnavet.hub.Hub}. */",
                "class A { // java.util.List here is a comment",
                "    String s = \"java.util.Set is text\" + 'j'; /* org.apache.jena.Foo */ String t = \"\"\"",
                "        com.fasterxml.Bar in a text block",
                "        \"\"\"; int n = this.io.vertx.Size + se.length;",
                "}"));
        assertEquals(List.of(), found);
    }

    /** The inline names of each file, less those {@link #SHARED_SIMPLE_NAMES} allows; files without any left out. */
    private static Map<String, List<InlineNameScanner.Finding>> notAllowedInlineNamesByFile() {
        Map<String, List<InlineNameScanner.Finding>> left = new TreeMap<>();
        inlineNamesByFile().forEach((file, findings) -> {
            Set<String> allowed = SHARED_SIMPLE_NAMES.getOrDefault(file, Set.of());
            List<InlineNameScanner.Finding> notAllowed = findings.stream().filter(f -> !allowed.contains(f.name())).toList();
            if (!notAllowed.isEmpty()) {
                left.put(file, notAllowed);
            }
        });
        return left;
    }

    private static Map<String, List<InlineNameScanner.Finding>> inlineNamesByFile() {
        Path checkout = Path.of("").toAbsolutePath().getParent();
        Map<String, List<InlineNameScanner.Finding>> byFile = new TreeMap<>();
        for (String module : MODULES) {
            Path sources = checkout.resolve(module).resolve("src/main/java");
            assertTrue(Files.isDirectory(sources), "No main sources at " + sources);
            for (Path file : javaFiles(sources)) {
                List<InlineNameScanner.Finding> findings = InlineNameScanner.scan(lines(file));
                if (!findings.isEmpty()) {
                    byFile.put(checkout.relativize(file).toString().replace('\\', '/'), findings);
                }
            }
        }
        return byFile;
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return new ArrayList<>(walk.filter(p -> p.toString().endsWith(".java")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
