package se.insatsnavet.plugins.jsonfeed;

import se.insatsnavet.plugin.api.PluginActivator;
import se.insatsnavet.plugin.api.PluginFactory;

import java.util.List;

/** Registers the JSON Feed connector when the hub starts this built-in bundle. */
public final class JsonFeedActivator extends PluginActivator {

    @Override
    protected List<PluginFactory> plugins() {
        return List.of(new JsonFeedConnector());
    }
}
