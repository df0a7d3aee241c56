package se.insatsnavet.plugins.feedcsv;

import se.insatsnavet.plugin.api.PluginActivator;
import se.insatsnavet.plugin.api.PluginFactory;

import java.util.List;

/** Registers the CSV feed format when the hub starts this built-in bundle. */
public final class CsvFeedActivator extends PluginActivator {

    @Override
    protected List<PluginFactory> plugins() {
        return List.of(new CsvFeedFormat());
    }
}
