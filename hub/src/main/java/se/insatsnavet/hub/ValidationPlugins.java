package se.insatsnavet.hub;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import se.insatsnavet.hub.plugins.PluginHost;
import se.insatsnavet.hub.plugins.PluginImports;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The plugins of a {@code validate} run: the hub's own plugin host (embedded Felix with the built-in bundles)
 * in a temporary folder, with copies of the bundles of the {@code --plugins} folder in its plugins folder.
 * Nothing is written outside the temporary folder, which is deleted on {@link #close()}; nothing is published.
 */
final class ValidationPlugins implements AutoCloseable {

    private final Path work;
    private final PluginHost host;

    private ValidationPlugins(Path work, PluginHost host) {
        this.work = work;
        this.host = host;
    }

    /**
     * Starts the host and waits until every bundle of {@code folder} (may be null: only the built-in ones) has
     * started or failed; each failed bundle is named on {@code err} with its reason, each running plugin too.
     */
    static ValidationPlugins start(Path folder, PrintStream err) throws IOException, BundleException {
        Path work = Files.createTempDirectory("insatsnavet-validate-");
        try {
            Path plugins = Files.createDirectories(work.resolve("plugins"));
            if (folder != null) {
                try (Stream<Path> jars = Files.list(folder)) {
                    for (Path jar : jars.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList()) {
                        Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            PluginHost host = PluginHost.start(work,
                    Duration.ofMillis(Long.getLong("insatsnavet.plugins.callTimeoutMillis", 10_000)), 200);
            host.awaitFolder(Duration.ofSeconds(Long.getLong("insatsnavet.validate.pluginWaitSeconds", 20)));
            for (Bundle bundle : host.bundles()) {
                host.bundleError(bundle).ifPresent(reason -> err.println("Plugin bundle "
                        + bundle.getLocation().replaceAll(".*[/\\\\]", "") + " did not start: " + reason));
            }
            for (PluginHost.Entry plugin : host.plugins()) {
                err.println("Plugin '" + plugin.id() + "' (" + String.join(", ", plugin.points()) + ") of bundle "
                        + plugin.bundleName() + " " + plugin.bundleVersion() + (plugin.failed() ? " failed: " + plugin.lastError() : " is running"));
            }
            return new ValidationPlugins(work, host);
        } catch (IOException | BundleException | RuntimeException e) {
            delete(work);
            throw e;
        }
    }

    PluginHost host() {
        return host;
    }

    PluginImports imports() {
        return new PluginImports(host);
    }

    /** Whether a running plugin provides this source kind (a source connector plugin). */
    boolean providesKind(String kind) {
        return host.plugin(kind).filter(e -> e.points().contains("connector")).isPresent();
    }

    @Override
    public void close() {
        try {
            host.close();
        } finally {
            delete(work);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("Could not delete the temporary folder " + dir + ": " + e.getMessage());
        }
    }

    /** The jars of a folder, for a message when it holds none. */
    static List<Path> jars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList();
        }
    }
}
