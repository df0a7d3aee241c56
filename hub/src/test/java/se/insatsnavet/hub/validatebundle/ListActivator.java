package se.insatsnavet.hub.validatebundle;

import se.insatsnavet.plugin.api.PluginActivator;
import se.insatsnavet.plugin.api.PluginFactory;

import java.util.List;

/** The test bundle's activator: registers {@link ListMapper}. */
public final class ListActivator extends PluginActivator {

    @Override
    protected List<PluginFactory> plugins() {
        return List.of(new ListMapper());
    }
}
