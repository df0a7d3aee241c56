package se.insatsnavet.hub.plugins;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import se.insatsnavet.plugin.api.PluginFactory;

import java.util.List;

/**
 * The packages the system bundle exports to plugins: the plugin API and the Jackson packages its
 * signatures use, each at the version on the hub's class path. Nothing else of the hub is visible to a
 * plugin.
 */
final class HostPackages {

    private HostPackages() {
    }

    static final List<String> JACKSON = List.of("com.fasterxml.jackson.databind", "com.fasterxml.jackson.databind.node",
            "com.fasterxml.jackson.databind.type", "com.fasterxml.jackson.databind.cfg", "com.fasterxml.jackson.databind.json",
            "com.fasterxml.jackson.core", "com.fasterxml.jackson.core.type", "com.fasterxml.jackson.annotation");

    /** The value of {@code org.osgi.framework.system.packages.extra}. */
    static String exports() {
        String jackson = PackageVersion.VERSION.toString().replaceAll("-.*", "");
        String api = PluginFactory.class.getPackage().getName();
        StringBuilder b = new StringBuilder(api).append(";version=\"").append(apiVersion()).append('"');
        for (String p : JACKSON) {
            b.append(',').append(p).append(";version=\"").append(jackson).append('"');
        }
        return b.toString();
    }

    /** The plugin API's package version (its {@code @Version}). */
    static String apiVersion() {
        return PluginFactory.API_VERSION;
    }
}
