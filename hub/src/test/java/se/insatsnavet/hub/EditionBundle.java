package se.insatsnavet.hub;

import se.insatsnavet.hub.editionbundle.EditionMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** The test plugin bundle of {@code editionbundle} (mapper {@value EditionMapper#ID}), packed and dropped into a plugins folder. */
final class EditionBundle {

    private EditionBundle() {
    }

    /**
     * Packs the bundle (activator {@code activator}, version {@code version}) in {@code work} and moves it into
     * {@code pluginsDir} at once (copied beside it first: the same file system).
     */
    static void drop(Path work, Path pluginsDir, Class<?> activator, String version) throws IOException, URISyntaxException {
        Path classes = Path.of(EditionMapper.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = EditionMapper.class.getPackageName().replace('.', '/');
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "se.insatsnavet.test.utgava");
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Activator", activator.getName());
        main.putValue("Import-Package", "se.insatsnavet.plugin.api,com.fasterxml.jackson.databind,"
                + "com.fasterxml.jackson.databind.node,org.osgi.framework");
        Path jarFile = work.resolve("utgava-" + version + ".jar");
        try (OutputStream file = Files.newOutputStream(jarFile);
             JarOutputStream jar = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.list(classes.resolve(pkg))) {
            for (Path c : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                jar.putNextEntry(new JarEntry(pkg + "/" + c.getFileName()));
                jar.write(Files.readAllBytes(c));
                jar.closeEntry();
            }
        }
        Path staged = pluginsDir.resolveSibling("utgava.jar.part");
        Files.copy(jarFile, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, pluginsDir.resolve("utgava.jar"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
