/**
 * The plugin host: an embedded Apache Felix in which plugin bundles from {@code <data>/plugins/} (and the
 * hub's built-in plugin bundles) run; Felix FileInstall hot-deploys jars added to, replaced in or removed
 * from that folder. Plugins are OSGi services of the {@code se.insatsnavet.plugin.api} extension points,
 * tracked here; every call into a plugin is time-bounded and contained ({@link se.insatsnavet.hub.plugins.PluginCalls}),
 * so a failing plugin is marked failed and reported, never stopping the hub or another federation's import.
 */
package se.insatsnavet.hub.plugins;
