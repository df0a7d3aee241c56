package se.insatsnavet.hub.editionbundle;

import se.insatsnavet.plugin.api.PluginActivator;
import se.insatsnavet.plugin.api.PluginFactory;

import java.util.List;

/** The activator of the bundle's edition 1: registers {@link EditionMapper} of that edition. */
public final class FirstEdition extends PluginActivator {

    @Override
    protected List<PluginFactory> plugins() {
        return List.of(new EditionMapper(1));
    }
}
