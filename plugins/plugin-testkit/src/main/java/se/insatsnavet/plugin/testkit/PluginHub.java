package se.insatsnavet.plugin.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import se.insatsnavet.hub.Hub;
import se.insatsnavet.hub.HubOptions;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.plugins.PluginHost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The testkit's integration mode, a JUnit 5 extension: a real hub on port 0 in a temporary data folder, with
 * your federations and your plugin bundles in its plugins folder, started before the test class and stopped
 * after it.
 *
 * <pre>
 * &#64;RegisterExtension
 * static PluginHub hub = PluginHub.withFederations(Path.of("src/test/hub/federations"))
 *         .bundle(Path.of(System.getProperty("plugin.bundle")));
 * </pre>
 *
 * Imports run only when the test asks ({@link #sync}); hot deployment is exercised with {@link #deploy} and
 * {@link #undeploy}.
 */
public final class PluginHub implements BeforeAllCallback, AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Path federations;
    private final List<Path> bundles = new ArrayList<>();
    private Path data;
    private Hub hub;

    private PluginHub(Path federations) {
        this.federations = federations;
    }

    /** A hub reading the federation descriptors in {@code federations} ({@code <id>/federation.json}). */
    public static PluginHub withFederations(Path federations) {
        return new PluginHub(federations);
    }

    /** A bundle to have in the plugins folder when the hub starts. */
    public PluginHub bundle(Path jar) {
        bundles.add(jar);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        data = Files.createTempDirectory("insatsnavet-plugin-hub");
        Path plugins = Files.createDirectories(data.resolve("plugins"));
        for (Path jar : bundles) {
            Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (hub != null) {
            hub.stop().get(5, TimeUnit.MINUTES);
        }
        if (data != null) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The running hub. */
    public Hub hub() {
        return hub;
    }

    /** The hub's plugin host (bundles, plugins, their errors). */
    public PluginHost plugins() {
        return hub.plugins();
    }

    /** Imports every source of a federation now; the runs' reports. */
    public List<RunReport> sync(String federationId) {
        return hub.syncNow(federationId, "test");
    }

    /**
     * Puts {@code jar} into the plugins folder as {@code fileName} (replacing a jar of that name: an update),
     * atomically, as an operator would.
     */
    public void deploy(Path jar, String fileName) {
        try {
            Path target = hub.plugins().pluginsDir().resolve(fileName);
            Path tmp = Files.createTempFile(data, "deploy", ".tmp");
            Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a jar from the plugins folder (its bundle is uninstalled). */
    public void undeploy(String fileName) {
        try {
            Files.deleteIfExists(hub.plugins().pluginsDir().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a plugin with this id runs from a bundle of this version (e.g. "1.0.0.SNAPSHOT"). */
    public void awaitPlugin(String pluginId, String bundleVersion) {
        await().atMost(Duration.ofMinutes(5)).until(() -> hub.plugins().plugin(pluginId)
                .filter(e -> !e.failed() && e.bundleVersion().equals(bundleVersion)).isPresent());
    }

    /** GET a path of the hub as JSON. */
    public JsonNode json(String path) {
        HttpResponse<String> r = get(path);
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET a path of the hub. */
    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
