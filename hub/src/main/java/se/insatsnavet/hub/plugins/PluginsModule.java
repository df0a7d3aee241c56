package se.insatsnavet.hub.plugins;

import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.HubModules;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.imports.ImportRoutes;
import se.insatsnavet.hub.imports.ImportsModule;
import se.insatsnavet.hub.security.WriteAccess;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The embedded plugin framework (Felix): the host, the record stage it gives the import pipeline
 * ({@link PluginImports}, an {@code imports.RecordPlugins}), the Camel component of plugin sources, the
 * sources the import routes read through plugins ({@link ImportsModule.SourcePlugins}), extra feed formats,
 * and the admin's {@code /admin/plugins}. Publishes the {@link PluginHost}, {@link PluginImports},
 * {@link PluginWaits}, {@link PluginFeedFormats} and {@link ImportsModule.SourcePlugins}.
 */
public final class PluginsModule implements HubModule {

    private static final Logger LOG = LoggerFactory.getLogger(PluginsModule.class);

    private PluginHost pluginHost;

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public void start(HubContext hub) throws Exception {
        FederationRegistry registry = hub.get(FederationRegistry.class);
        pluginHost = PluginHost.start(hub.options().dataDir(),
                Duration.ofMillis(Long.getLong("insatsnavet.plugins.callTimeoutMillis", 10_000)),
                Long.getLong("insatsnavet.plugins.pollMillis", 1_000));
        PluginImports pluginImports = new PluginImports(pluginHost);
        hub.imports().usePlugins(pluginImports);
        pluginHost.awaitFolder(Duration.ofSeconds(20));
        hub.put(PluginHost.class, pluginHost);
        hub.put(PluginImports.class, pluginImports);
        hub.put(PluginFeedFormats.class, new PluginFeedFormats(pluginHost));
        hub.camel().addComponent(PluginSourceComponent.SCHEME, new PluginSourceComponent(pluginImports, registry));
        PluginWaits pluginWaits = new PluginWaits(pluginHost, ImportRoutes::builtInKind);
        hub.put(PluginWaits.class, pluginWaits);
        hub.put(ImportsModule.SourcePlugins.class, new ImportsModule.SourcePlugins() {
            @Override
            public boolean provides(String kind) {
                return pluginHost.plugin(kind).filter(e -> e.points().contains("connector")).isPresent();
            }

            @Override
            public Optional<String> waitingFor(FederationDescriptor federation, SourceDescriptor source) {
                return pluginWaits.waitingFor(federation, source);
            }

            @Override
            public void whenPluginStarts(BiConsumer<FederationDescriptor, SourceDescriptor> readAgain) {
                pluginHost.onPluginStarted(id -> pluginWaits.sourcesNaming(id, registry.all())
                        .forEach(s -> readAgain.accept(s.getKey(), s.getValue())));
            }
        });
        hub.steps().done("plugins");
    }

    @Override
    public void routes(Router router, HubContext hub) {
        router.get("/admin/plugins").handler(WriteAccess.adminOnly(hub.vertx(), hub.tokens(), hub.audit()))
                .handler(PluginsHandler.create(hub.vertx(), pluginHost));
    }

    @Override
    public void stop() {
        HubModules.closeQuietly(LOG, "plugin host", pluginHost);
    }
}
