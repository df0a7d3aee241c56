/**
 * The plugin host: an embedded Apache Felix in which plugin bundles from {@code <data>/plugins/} (and the
 * hub's built-in plugin bundles) run; Felix FileInstall hot-deploys jars added to, replaced in or removed
 * from that folder. Plugins are OSGi services of the {@code se.insatsnavet.plugin.api} extension points,
 * tracked here; every call into a plugin is time-bounded and contained ({@link se.insatsnavet.hub.plugins.PluginCalls}),
 * so a failing plugin is marked failed and reported, never stopping the hub or another federation's import.
 *
 * <p>{@link se.insatsnavet.hub.plugins.PluginsModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one
 * place its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.plugins;
