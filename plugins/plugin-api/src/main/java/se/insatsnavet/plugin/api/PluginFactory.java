package se.insatsnavet.plugin.api;

import java.util.Map;

/**
 * Base of every plugin (Keycloak's {@code ProviderFactory}). All methods but {@link #id()} have no-op
 * defaults. Called in this order: {@link #init}, {@link #postInit}, the extension methods (from several
 * import threads at once: implementations are thread-safe), {@link #close}.
 */
public interface PluginFactory {

    /** The version of this API package, as its {@code package-info} {@code @Version} says (the hub exports it so). */
    String API_VERSION = "1.1.0";

    /** Unique, stable id (lower-case, digits and '-'); descriptors refer to plugins by it. */
    String id();

    /** Once, with the plugin's configuration (string keys and values; empty if none). */
    default void init(Map<String, String> config) {
    }

    /** Once, after every plugin's {@link #init}. */
    default void postInit() {
    }

    /** Once, when the plugin is removed or the hub stops. */
    default void close() {
    }

    /** Order among plugins of the same extension point: lower runs first. */
    default int order() {
        return 0;
    }
}
