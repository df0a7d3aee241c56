/**
 * The Insatsnavet plugin API: everything a local federation's plugin compiles against, and all it sees of
 * the hub. Modelled on Keycloak's {@code ProviderFactory} (id, init, postInit, close, order) and Fuseki's
 * {@code FusekiModule} (lifecycle hooks with no-op defaults).
 *
 * <p>Lifecycle of every {@link se.insatsnavet.plugin.api.PluginFactory}, in call order:
 * {@code init(config)} once when the plugin is registered, {@code postInit()} once every plugin is
 * initialised, then the extension methods any number of times from import threads, then {@code close()}.
 * Extension points: {@link se.insatsnavet.plugin.api.RecordMapperPlugin} (raw record → canonical service),
 * {@link se.insatsnavet.plugin.api.EnricherPlugin} (canonical → canonical),
 * {@link se.insatsnavet.plugin.api.ValidatorPlugin} (extra rules for the run report),
 * {@link se.insatsnavet.plugin.api.ImportListener} (services added, changed, removed; runs finished),
 * {@link se.insatsnavet.plugin.api.SourceConnectorPlugin} (a new source kind) and
 * {@link se.insatsnavet.plugin.api.FeedFormatPlugin} (an extra representation of services).
 *
 * <p>Plugins are OSGi services: a bundle registers them with a {@link se.insatsnavet.plugin.api.PluginActivator}
 * subclass as its {@code Bundle-Activator}; the hub's embedded Felix tracks them. A plugin's exception or
 * time-out marks it failed and is reported; it never stops the hub or another federation's import.
 *
 * <p>Versioned semantically: a minor version adds, a major version breaks.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package se.insatsnavet.plugin.api;
