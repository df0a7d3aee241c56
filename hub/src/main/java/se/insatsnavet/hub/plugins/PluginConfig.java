package se.insatsnavet.hub.plugins;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** A plugin's configuration: {@code <data>/plugin-config/<id>.properties}, if any (empty otherwise). */
final class PluginConfig {

    private PluginConfig() {
    }

    static Map<String, String> read(Path configDir, String id) {
        Path file = configDir.resolve(id + ".properties");
        Map<String, String> config = new HashMap<>();
        if (id.matches("[a-z0-9]+(-[a-z0-9]+)*") && Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            p.stringPropertyNames().forEach(k -> config.put(k, p.getProperty(k)));
        }
        return Map.copyOf(config);
    }
}
