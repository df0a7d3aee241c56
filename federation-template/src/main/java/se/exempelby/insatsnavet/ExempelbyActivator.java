package se.exempelby.insatsnavet;

import se.insatsnavet.plugin.api.PluginActivator;
import se.insatsnavet.plugin.api.PluginFactory;

import java.util.List;

/**
 * The bundle's activator (named in the bnd instructions of {@code pom.xml}): registers the three plugins as
 * OSGi services when the hub starts the bundle, and unregisters them when it stops.
 */
public final class ExempelbyActivator extends PluginActivator {

    @Override
    protected List<PluginFactory> plugins() {
        return List.of(new ExempelbyMapper(), new ExempelbyEnricher(), new ExempelbyValidator());
    }
}
