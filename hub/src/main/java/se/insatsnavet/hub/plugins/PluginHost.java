package se.insatsnavet.hub.plugins;

import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.linkeddata.ExtraFormats;
import se.insatsnavet.plugin.api.EnricherPlugin;
import se.insatsnavet.plugin.api.FeedFormatPlugin;
import se.insatsnavet.plugin.api.ImportListener;
import se.insatsnavet.plugin.api.PluginFactory;
import se.insatsnavet.plugin.api.RecordMapperPlugin;
import se.insatsnavet.plugin.api.SourceConnectorPlugin;
import se.insatsnavet.plugin.api.ValidatorPlugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The embedded Apache Felix and the plugins running in it.
 *
 * <p>At start: the framework (cache in {@code <data>/felix-cache}, cleaned on start), the packages a plugin may
 * import exported by the system bundle (the plugin API and Jackson, nothing else of the hub), Felix
 * FileInstall watching {@code <data>/plugins/} (jars there are installed and started, and updated or
 * uninstalled when replaced or removed), the hub's built-in plugin bundles, and a tracker of
 * {@link PluginFactory} services. A tracked plugin gets {@code init(config)} (config from
 * {@code <data>/plugin-config/<id>.properties}, if any) and {@code postInit()}, then serves; it gets
 * {@code close()} when its bundle stops.
 *
 * <p>Containment: every call into a plugin goes through {@link PluginCalls}; a plugin that throws or times out
 * is marked failed with the reason (shown by {@code GET /admin/plugins} and in run reports) and is not called
 * again until its bundle is updated or restarted.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    /** Bundles inside the hub jar ({@code /bundles/…}): Felix FileInstall first, then the built-in plugins. */
    static final List<String> BUNDLED = List.of("org.apache.felix.fileinstall.jar", "insatsnavet-feed-csv.jar",
            "insatsnavet-connector-jsonfeed.jar");
    /** Extension points, as listed by {@code /admin/plugins}. */
    static final Map<Class<?>, String> POINTS = Map.of(RecordMapperPlugin.class, "mapper", EnricherPlugin.class,
            "enricher", ValidatorPlugin.class, "validator", ImportListener.class, "listener",
            SourceConnectorPlugin.class, "connector", FeedFormatPlugin.class, "feed-format");

    /** A plugin the host tracks, and how it is doing. */
    public static final class Entry {
        final PluginFactory plugin;
        final Bundle bundle;
        final Instant since = Instant.now();
        volatile String lastError;
        /** A feed-format plugin's name, media type and title, asked once when it started (null for others). */
        volatile ExtraFormats.Format format;

        Entry(PluginFactory plugin, Bundle bundle) {
            this.plugin = plugin;
            this.bundle = bundle;
        }

        public String id() {
            return plugin.id();
        }

        public boolean failed() {
            return lastError != null;
        }

        /** Why the plugin failed, or null. */
        public String lastError() {
            return lastError;
        }

        /** The version of the bundle providing it. */
        public String bundleVersion() {
            return bundle.getVersion().toString();
        }

        /** The symbolic name of the bundle providing it. */
        public String bundleName() {
            return bundle.getSymbolicName();
        }

        public List<String> points() {
            List<String> points = new ArrayList<>();
            POINTS.forEach((type, name) -> {
                if (type.isInstance(plugin)) {
                    points.add(name);
                }
            });
            points.sort(null);
            return points;
        }
    }

    private final Felix felix;
    private final Path pluginsDir;
    private final Path configDir;
    private final PluginCalls calls;
    private final Map<String, Entry> plugins = new ConcurrentHashMap<>();
    private final Map<String, String> bundleErrors = new ConcurrentHashMap<>();
    private final List<Consumer<String>> startListeners = new CopyOnWriteArrayList<>();
    private ServiceTracker<PluginFactory, Entry> tracker;

    private PluginHost(Felix felix, Path pluginsDir, Path configDir, PluginCalls calls) {
        this.felix = felix;
        this.pluginsDir = pluginsDir;
        this.configDir = configDir;
        this.calls = calls;
    }

    /**
     * Starts the framework with FileInstall on {@code <dataDir>/plugins} and the built-in bundles.
     *
     * @param callTimeout  how long one call into a plugin may take
     * @param pollMillis   how often the plugins folder is checked for new, changed and removed jars
     */
    public static PluginHost start(Path dataDir, Duration callTimeout, long pollMillis) throws IOException, BundleException {
        Path pluginsDir = Files.createDirectories(dataDir.resolve("plugins")).toAbsolutePath();
        Path configDir = dataDir.resolve("plugin-config").toAbsolutePath();
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, dataDir.resolve("felix-cache").toAbsolutePath().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, HostPackages.exports());
        config.put("felix.log.level", "1");
        config.put("felix.fileinstall.dir", pluginsDir.toString());
        config.put("felix.fileinstall.poll", String.valueOf(pollMillis));
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.filter", ".*\\.jar");
        config.put("felix.fileinstall.bundles.new.start", "true");
        config.put("felix.fileinstall.log.level", "1");
        config.put("felix.fileinstall.tmpdir", Files.createDirectories(dataDir.resolve("felix-tmp")).toAbsolutePath().toString());
        Felix felix = new Felix(config);
        felix.init();
        PluginHost host = new PluginHost(felix, pluginsDir, configDir, new PluginCalls(callTimeout));
        host.tracker = new ServiceTracker<>(felix.getBundleContext(), PluginFactory.class, host.new Tracking());
        host.tracker.open();
        felix.getBundleContext().addBundleListener(event -> {
            if (event.getType() == BundleEvent.UPDATED
                    || event.getType() == BundleEvent.UNINSTALLED) {
                host.bundleErrors.remove(event.getBundle().getLocation());
            }
        });
        felix.start();
        for (String name : BUNDLED) {
            host.installBundled(name);
        }
        return host;
    }

    private void installBundled(String name) throws IOException, BundleException {
        try (InputStream in = PluginHost.class.getResourceAsStream("/bundles/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The hub jar lacks the bundle /bundles/" + name);
            }
            Bundle bundle = felix.getBundleContext().installBundle("insatsnavet:bundled/" + name, in);
            bundle.start();
        }
    }

    /**
     * Waits (at most {@code max}) until FileInstall has installed every jar now in the plugins folder and each
     * has started or failed, so that imports at start-up find the plugins they name.
     */
    public void awaitFolder(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            List<Path> jars;
            try (var files = Files.list(pluginsDir)) {
                jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList();
            } catch (IOException e) {
                return;
            }
            boolean settled = jars.stream().allMatch(jar -> bundles().stream().anyMatch(b ->
                    b.getLocation().endsWith(jar.getFileName().toString())
                            && (b.getState() == Bundle.ACTIVE || waitedLong(deadline, max) && bundleError(b).isPresent())));
            if (settled) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warn("Plugins folder {} not settled within {}; plugins may start after the first imports", pluginsDir, max);
    }

    private static boolean waitedLong(long deadline, Duration max) {
        return System.nanoTime() > deadline - max.toNanos() / 2;
    }

    /**
     * The framework's own context, for an embedding application (or a test) that registers plugin services
     * directly; plugins normally come as bundles.
     */
    public BundleContext context() {
        return felix.getBundleContext();
    }

    /** The folder watched for plugin jars. */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /** How long one call into a plugin may take. */
    public Duration callTimeout() {
        return calls.timeout();
    }

    /**
     * Tells {@code listener} the id of every plugin that starts from now on (a new bundle, or a bundle updated
     * or restarted), once it has had {@code init} and {@code postInit} and serves.
     */
    public void onPluginStarted(Consumer<String> listener) {
        startListeners.add(listener);
    }

    /** The running plugin with this id, if any. */
    public Optional<Entry> plugin(String id) {
        return Optional.ofNullable(plugins.get(id));
    }

    /** Every tracked plugin. */
    public List<Entry> plugins() {
        List<Entry> list = new ArrayList<>(plugins.values());
        list.sort(Comparator.comparingInt((Entry e) -> e.plugin.order()).thenComparing(Entry::id));
        return list;
    }

    /** The plugins of one extension point that have not failed, in {@code order()}. */
    public <T extends PluginFactory> List<T> active(Class<T> point) {
        List<T> list = new ArrayList<>();
        for (Entry e : plugins()) {
            if (!e.failed() && point.isInstance(e.plugin)) {
                list.add(point.cast(e.plugin));
            }
        }
        return list;
    }

    /** The installed bundles (the system bundle excluded). */
    public List<Bundle> bundles() {
        List<Bundle> list = new ArrayList<>();
        for (Bundle b : felix.getBundleContext().getBundles()) {
            if (b.getBundleId() != 0) {
                list.add(b);
            }
        }
        return list;
    }

    /**
     * The last error of a bundle (it does not resolve, its activator threw, a plugin failed), if any. A bundle
     * that is installed but not active is started once more to learn why.
     */
    public Optional<String> bundleError(Bundle bundle) {
        String known = bundleErrors.get(bundle.getLocation());
        if (known == null && bundle.getState() != Bundle.ACTIVE && bundle.getState() != Bundle.UNINSTALLED
                && bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
            try {
                bundle.start();
            } catch (BundleException | RuntimeException e) {
                known = "Cannot start: " + e.getMessage() + (e.getCause() != null ? " (" + e.getCause() + ")" : "");
                bundleErrors.put(bundle.getLocation(), known);
            }
        }
        return Optional.ofNullable(known);
    }

    /**
     * Calls a plugin: a failure marks it failed (and its bundle with the reason) and is rethrown as a
     * {@link PluginCalls.PluginFailure}. A plugin already failed is not called again.
     */
    public <T> T call(String pluginId, String what, Callable<T> work) {
        Entry entry = plugins.get(pluginId);
        if (entry == null) {
            throw new PluginCalls.PluginFailure("No plugin '" + pluginId + "' is running", null);
        }
        if (entry.failed()) {
            throw new PluginCalls.PluginFailure("Plugin '" + pluginId + "' has failed and is not called until"
                    + " its bundle is updated: " + entry.lastError, null);
        }
        try {
            return calls.call(pluginId, what, work);
        } catch (PluginCalls.PluginFailure e) {
            entry.lastError = e.getMessage();
            bundleErrors.put(entry.bundle.getLocation(), e.getMessage());
            LOG.warn("{}", e.getMessage());
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            if (tracker != null) {
                tracker.close();
            }
            felix.stop();
            felix.waitForStop(30_000);
        } catch (Exception e) {
            LOG.warn("Stopping the plugin framework", e);
        } finally {
            calls.close();
        }
    }

    /** Starts and stops tracked plugins: init and postInit when they come, close when they go. */
    private final class Tracking implements ServiceTrackerCustomizer<PluginFactory, Entry> {

        @Override
        public Entry addingService(ServiceReference<PluginFactory> reference) {
            BundleContext context = felix.getBundleContext();
            PluginFactory plugin = context.getService(reference);
            if (plugin == null) {
                return null;
            }
            Bundle bundle = reference.getBundle();
            Entry entry = new Entry(plugin, bundle);
            String id;
            try {
                id = calls.call("?", "id()", plugin::id);
                Map<String, String> config = PluginConfig.read(configDir, id);
                calls.call(id, "init", () -> {
                    plugin.init(config);
                    return null;
                });
                calls.call(id, "postInit", () -> {
                    plugin.postInit();
                    return null;
                });
                if (plugin instanceof FeedFormatPlugin feed) {
                    // asked once here, so that serving a request never calls into the plugin to learn its format
                    entry.format = calls.call(id, "describe format",
                            () -> new ExtraFormats.Format(feed.formatName(), feed.mediaType(), feed.title()));
                }
            } catch (RuntimeException e) {
                String reason = "Plugin of bundle " + bundle.getSymbolicName() + " failed to start: " + e.getMessage();
                LOG.warn("{}", reason);
                bundleErrors.put(bundle.getLocation(), reason);
                context.ungetService(reference);
                return null;
            }
            bundleErrors.remove(bundle.getLocation());
            Entry replaced = plugins.put(id, entry);
            if (replaced != null && replaced.bundle != bundle) {
                LOG.warn("Plugin id '{}' of bundle {} replaces the one of bundle {}", id, bundle.getSymbolicName(),
                        replaced.bundle.getSymbolicName());
            }
            LOG.info("Plugin '{}' ({}) of bundle {} {} is running", id, String.join(", ", entry.points()),
                    bundle.getSymbolicName(), bundle.getVersion());
            startListeners.forEach(listener -> listener.accept(id));
            return entry;
        }

        @Override
        public void modifiedService(ServiceReference<PluginFactory> reference, Entry entry) {
        }

        @Override
        public void removedService(ServiceReference<PluginFactory> reference, Entry entry) {
            plugins.remove(entry.id(), entry);
            try {
                calls.call(entry.id(), "close", () -> {
                    entry.plugin.close();
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Closing plugin '{}': {}", entry.id(), e.getMessage());
            }
            try {
                felix.getBundleContext().ungetService(reference);
            } catch (IllegalStateException stopping) {
                // the framework is stopping
            }
            LOG.info("Plugin '{}' stopped", entry.id());
        }
    }
}
