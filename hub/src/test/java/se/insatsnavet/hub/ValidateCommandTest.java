package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.federations.BundledExamples;
import se.insatsnavet.hub.validatebundle.ListActivator;
import se.insatsnavet.hub.validatebundle.ListMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The validate command a federation runs before connecting: the real pipeline, nothing published, with the
 * plugins of a folder (a bundle packed here from {@code validatebundle}, off the class path Felix sees) and the
 * built-in plugin bundles.
 */
class ValidateCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int validate(Path descriptor) {
        return command("--federation", descriptor.toString());
    }

    private int command(String... args) {
        return ValidateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The run reports printed on standard output, one JSON object per source. */
    private List<JsonNode> reports() throws IOException {
        List<JsonNode> reports = new ArrayList<>();
        TestHttp.JSON.readerFor(JsonNode.class).readValues(out.toString(StandardCharsets.UTF_8))
                .forEachRemaining(n -> reports.add((JsonNode) n));
        return reports;
    }

    /** A federation whose list only the {@code provlista} mapper plugin can read: one good row, one it rejects. */
    private Path listFederation() throws IOException {
        Path fed = Files.createDirectories(dir.resolve("feds").resolve("provby"));
        Files.writeString(fed.resolve("federation.json"), """
                {"id": "provby", "name": {"sv": "Samordningsförbundet Provby"}, "municipalities": ["0580"],
                 "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                              "options": {"delimiter": ";"}, "mapper": "provlista"}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(fed.resolve("lista.csv"), """
                Nr;Rubrik;Text
                #p1;JOBBCOACH;Stöd att hitta och behålla ett arbete, med en coach som följer med hela vägen.
                x2;STUDIER;Stöd att börja studera.
                """, StandardCharsets.UTF_8);
        return fed.resolve("federation.json");
    }

    /** The bundle jar of {@link ListActivator} and {@link ListMapper}, in a folder of its own. */
    private Path pluginsFolder() throws IOException, URISyntaxException {
        return pluginsFolder(ListActivator.class.getName());
    }

    private Path pluginsFolder(String activator) throws IOException, URISyntaxException {
        Path classes = Path.of(ListMapper.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = ListMapper.class.getPackageName().replace('.', '/');
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "se.insatsnavet.test.provlista");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", activator);
        main.putValue("Import-Package", "se.insatsnavet.plugin.api,com.fasterxml.jackson.databind,"
                + "com.fasterxml.jackson.databind.node,org.osgi.framework");
        Path folder = Files.createDirectories(dir.resolve("plugins"));
        try (OutputStream file = Files.newOutputStream(folder.resolve("provlista.jar"));
             JarOutputStream jar = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.list(classes.resolve(pkg))) {
            for (Path c : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                jar.putNextEntry(new JarEntry(pkg + "/" + c.getFileName()));
                jar.write(Files.readAllBytes(c));
                jar.closeEntry();
            }
        }
        return folder;
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(f -> folder.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void aSourceNamingAMapperPluginIsMappedThroughTheBundleOfThePluginsFolder() throws Exception {
        Path descriptor = listFederation();
        Path plugins = pluginsFolder();
        List<String> before = listing(dir);
        assertEquals(1, command("--federation", descriptor.toString(), "--plugins", plugins.toString()), errors());
        assertTrue(errors().contains("Plugin 'provlista' (mapper) of bundle se.insatsnavet.test.provlista 1.0.0 is running"), errors());
        List<JsonNode> reports = reports();
        assertEquals(1, reports.size(), out.toString(StandardCharsets.UTF_8));
        JsonNode run = reports.get(0);
        assertEquals("succeeded", run.path("status").asText(), run.toString());
        assertEquals(2, run.path("counts").path("read").asInt(), run.toString());
        assertEquals(1, run.path("counts").path("valid").asInt(), run.toString());
        assertEquals(1, run.path("counts").path("rejected").asInt(), run.toString());
        JsonNode error = run.path("errors").get(0);
        assertEquals("localId", error.path("field").asText(), run.toString());
        assertEquals("x2", error.path("value").asText(), run.toString());
        assertTrue(error.path("message").asText().contains("must start with '#'"), run.toString());
        // nothing written beside the descriptor or in the plugins folder: the host ran in a temporary folder
        assertEquals(before, listing(dir));
    }

    @Test
    void theReportHasTheShapeOfTheRunsApi() throws Exception {
        assertEquals(1, command("--federation", listFederation().toString(), "--plugins", pluginsFolder().toString()), errors());
        JsonNode run = reports().get(0);
        List<String> fields = new ArrayList<>();
        run.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "federation", "source", "trigger", "status", "startedAt", "finishedAt", "durationMs",
                "counts", "href", "errors", "warnings", "notCarried"), fields);
        assertEquals("/api/federations/provby/runs/" + run.path("id").asLong(), run.path("href").asText());
        List<String> counts = new ArrayList<>();
        run.path("counts").fieldNames().forEachRemaining(counts::add);
        assertEquals(List.of("read", "valid", "added", "updated", "deleted", "unchanged", "rejected", "warnings"), counts);
        JsonNode error = run.path("errors").get(0);
        assertEquals("provby", error.path("federation").asText());
        assertTrue(error.has("record") || error.has("locator"), error.toString());
    }

    @Test
    void aBundleThatDoesNotStartIsNamedWithItsReason() throws Exception {
        Path plugins = pluginsFolder(ListActivator.class.getPackageName() + ".Missing");
        assertEquals(1, command("--federation", listFederation().toString(), "--plugins", plugins.toString()), errors());
        assertTrue(errors().contains("Plugin bundle provlista.jar did not start") && errors().contains("Missing"), errors());
        assertEquals("failed", reports().get(0).path("status").asText());
    }

    @Test
    void withoutThePluginsFolderASourceNamingAPluginFailsNamingIt() throws Exception {
        assertEquals(1, validate(listFederation()), errors());
        JsonNode run = reports().get(0);
        assertEquals("failed", run.path("status").asText(), run.toString());
        assertTrue(run.path("failure").asText().contains("'provlista'"), run.toString());
        assertTrue(errors().contains("give the folder of its bundle with --plugins DIR"), errors());
    }

    @Test
    void aSourceOfAConnectorKindBuiltIntoTheHubIsRead() throws Exception {
        Path fed = Files.createDirectories(dir.resolve("flode"));
        Files.writeString(fed.resolve("federation.json"), """
                {"id": "flode", "name": {"sv": "Samordningsförbundet Flöde"}, "municipalities": ["0580"],
                 "sources": [{"id": "webb", "kind": "jsonfeed", "location": "feed.json",
                   "mapping": {"fields": {"localId": "id", "title": "title", "description": "content_text"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(fed.resolve("feed.json"), """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Insatser i Flöde",
                 "items": [{"id": "f1", "title": "Jobbcoach", "content_text": "Stöd att hitta ett arbete nära hemmet."},
                           {"id": "f2", "title": "Studiestöd", "content_text": "Stöd att börja studera på komvux."}]}
                """, StandardCharsets.UTF_8);
        assertEquals(0, validate(fed.resolve("federation.json")), errors());
        JsonNode run = reports().get(0);
        assertEquals(2, run.path("counts").path("valid").asInt(), run.toString());
        assertTrue(errors().contains("Plugin 'jsonfeed' (connector)"), errors());
    }

    @Test
    void anUnknownOptionIsAnErrorWithTheUsage() throws Exception {
        Path descriptor = listFederation();
        assertEquals(2, command("--federation", descriptor.toString(), "--data", dir.toString()));
        assertTrue(errors().contains("unknown option --data") && errors().contains("usage: java -jar insatsnavet.jar validate"), errors());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing validated");
        err.reset();
        assertEquals(2, command("--federation", descriptor.toString(), "--plugins"));
        assertTrue(errors().contains("--plugins needs a value"), errors());
        err.reset();
        assertEquals(2, command("--federation", descriptor.toString(), "--plugins", dir.resolve("nowhere").toString()));
        assertTrue(errors().contains("is not a folder"), errors());
        assertFalse(Files.exists(dir.resolve("nowhere")));
        err.reset();
        assertEquals(2, command("--plugins", dir.toString()));
        assertTrue(errors().contains("--federation is required"), errors());
    }

    @Test
    void aBundledExampleIsReadAndItsInvalidRecordReported() {
        Path examples = BundledExamples.extractTo(dir.resolve("examples"));
        int code = validate(examples.resolve("centrala-ostergotland").resolve("federation.json"));
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(report.contains("\"record\" : \"sco-017\""), report);
        assertTrue(report.contains("\"field\" : \"title\""), report);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("17 valid, 1 rejected"), err.toString(StandardCharsets.UTF_8));
        // its indicators source is checked too, after the services its rows name
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("centrala-ostergotland/indikatorer: succeeded, 10 read"),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(report.contains("\"record\" : \"sco-018\"") && report.contains("\"field\" : \"workOrStudiesAtExit\""), report);
    }

    @Test
    void anInvalidDescriptorIsRejectedNamingFileAndField() throws Exception {
        Path fed = Files.createDirectories(dir.resolve("trasig"));
        Files.writeString(fed.resolve("federation.json"),
                "{\"id\":\"trasig\",\"name\":{\"sv\":\"Trasig\"},\"municipalities\":[\"0580\"],\"sources\":[{\"id\":\"a\",\"location\":\"x.csv\"}]}");
        assertEquals(2, validate(fed.resolve("federation.json")));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("trasig/federation.json") && message.contains("sources[0].kind"), message);
    }
}
