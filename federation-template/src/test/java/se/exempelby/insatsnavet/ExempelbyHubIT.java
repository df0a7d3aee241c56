package se.exempelby.insatsnavet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.plugin.testkit.PluginHub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built bundle in a real hub: dropped into the plugins folder, it maps Exempelby's list; a new version
 * dropped over it changes what is published; a broken bundle beside it harms nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExempelbyHubIT {

    static final Path BUNDLE = Path.of(System.getProperty("plugin.bundle", "target/exempelby-insatsnavet-plugin-1.0.0-SNAPSHOT.jar"));

    @RegisterExtension
    static PluginHub hub = PluginHub.withFederations(Path.of("src/test/hub/federations")).bundle(BUNDLE);

    private List<String> keywords() {
        JsonNode page = hub.json("/api/services?federation=exempelby&perPage=100");
        List<String> words = new java.util.ArrayList<>();
        page.path("items").forEach(s -> s.path("keywords").forEach(k -> words.add(k.asText())));
        return words;
    }

    @Test
    @Order(1)
    void theBundleStartsAndItsMapperPublishesTheOddList() {
        hub.awaitPlugin("exempelby-lista", bundleVersion(BUNDLE));
        List<RunReport> runs = hub.sync("exempelby");
        assertEquals("succeeded", runs.get(0).status().label(), runs.toString());
        JsonNode page = hub.json("/api/services?federation=exempelby&perPage=100");
        assertEquals(3, page.path("total").asInt(), runs.toString());
        JsonNode first = page.path("items").get(0);
        assertEquals("[\"finsam\"]", first.path("funding").toString(), "the enricher ran");
        assertEquals(List.of("exempelby", "exempelby", "exempelby"), keywords());
        // E-3's description is short: the validator's warning is in the run report, the service is published
        assertTrue(runs.get(0).messages().stream().anyMatch(m -> m.message().contains("exempelby-regler")
                && "E-3".equals(m.localId())), runs.toString());
    }

    @Test
    @Order(2)
    void aNewVersionDroppedOverTheOldOneChangesWhatIsPublished() throws IOException {
        Path v2 = rewrite(BUNDLE, "1.0.1", null, "nyckelord=version-tva\n");
        hub.deploy(v2, BUNDLE.getFileName().toString());
        hub.awaitPlugin("exempelby-lista", "1.0.1");
        hub.sync("exempelby");
        assertEquals(List.of("version-tva", "version-tva", "version-tva"), keywords());
    }

    @Test
    @Order(3)
    void aBrokenBundleHarmsNeitherTheHubNorOtherFederations() throws IOException {
        Path broken = rewrite(BUNDLE, "9.9.9", "se.exempelby.insatsnavet.Saknas", null);
        hub.deploy(broken, "trasig.jar");
        await().atMost(Duration.ofMinutes(5)).until(() -> hub.plugins().bundles().stream().anyMatch(b ->
                b.getLocation().endsWith("trasig.jar") && hub.plugins().bundleError(b).isPresent()));
        assertEquals(200, hub.get("/health").statusCode());
        List<RunReport> other = hub.sync("annat");
        assertEquals("succeeded", other.get(0).status().label(), other.toString());
        assertEquals(2, hub.json("/api/services?federation=annat").path("total").asInt());
        List<RunReport> own = hub.sync("exempelby");
        assertEquals("succeeded", own.get(0).status().label(), own.toString());
        assertTrue(hub.plugins().plugin("exempelby-lista").filter(p -> !p.failed()).isPresent());
    }

    private static String bundleVersion(Path jar) {
        try (JarFile in = new JarFile(jar.toFile())) {
            return in.getManifest().getMainAttributes().getValue("Bundle-Version");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A copy of {@code jar} with another Bundle-Version, and optionally another activator (the broken bundle:
     * another symbolic name, an activator class it lacks) or another exempelby.properties.
     */
    private static Path rewrite(Path jar, String version, String activator, String properties) throws IOException {
        Path out = Files.createTempFile("exempelby-" + version, ".jar");
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            main.putValue("Bundle-Version", version);
            if (activator != null) {
                main.putValue("Bundle-Activator", activator);
                main.putValue("Bundle-SymbolicName", "se.exempelby.trasig");
            }
            try (OutputStream file = Files.newOutputStream(out); JarOutputStream zip = new JarOutputStream(file, manifest)) {
                for (JarEntry entry : java.util.Collections.list(in.entries())) {
                    if (entry.getName().equals(JarFile.MANIFEST_NAME) || entry.getName().equals("META-INF/")) {
                        continue;
                    }
                    zip.putNextEntry(new JarEntry(entry.getName()));
                    if (properties != null && entry.getName().equals("exempelby.properties")) {
                        zip.write(properties.getBytes(StandardCharsets.UTF_8));
                    } else {
                        try (InputStream data = in.getInputStream(entry)) {
                            data.transferTo(zip);
                        }
                    }
                    zip.closeEntry();
                }
            }
        }
        return out;
    }
}
