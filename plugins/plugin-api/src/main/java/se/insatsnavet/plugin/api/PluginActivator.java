package se.insatsnavet.plugin.api;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

/**
 * Registers a bundle's plugins as OSGi services, each under {@link PluginFactory} and every extension point it
 * implements, with the property {@value #PLUGIN_ID} = its id. A plugin bundle names a subclass as its
 * {@code Bundle-Activator}; the hub tracks the services, so plugins come and go with their bundle.
 */
public abstract class PluginActivator implements BundleActivator {

    /** Service property carrying the plugin's id. */
    public static final String PLUGIN_ID = "insatsnavet.plugin.id";

    private static final List<Class<?>> EXTENSION_POINTS = List.of(RecordMapperPlugin.class, EnricherPlugin.class,
            ValidatorPlugin.class, ImportListener.class, SourceConnectorPlugin.class, FeedFormatPlugin.class);

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    /** The bundle's plugins, created once when the bundle starts. */
    protected abstract List<PluginFactory> plugins();

    @Override
    public void start(BundleContext context) {
        for (PluginFactory plugin : plugins()) {
            List<String> names = new ArrayList<>();
            names.add(PluginFactory.class.getName());
            for (Class<?> point : EXTENSION_POINTS) {
                if (point.isInstance(plugin)) {
                    names.add(point.getName());
                }
            }
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(PLUGIN_ID, plugin.id());
            registrations.add(context.registerService(names.toArray(String[]::new), plugin, properties));
        }
    }

    @Override
    public void stop(BundleContext context) {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        registrations.clear();
    }
}
