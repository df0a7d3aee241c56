package se.insatsnavet.hub.editionbundle;

import se.insatsnavet.plugin.api.PluginActivator;
import se.insatsnavet.plugin.api.PluginFactory;

import java.util.List;

/** The activator of the bundle's edition 2: registers {@link EditionMapper} of that edition. */
public final class SecondEdition extends PluginActivator {

    @Override
    protected List<PluginFactory> plugins() {
        return List.of(new EditionMapper(2));
    }
}
