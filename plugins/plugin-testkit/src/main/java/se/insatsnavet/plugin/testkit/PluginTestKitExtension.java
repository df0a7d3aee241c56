package se.insatsnavet.plugin.testkit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import se.insatsnavet.plugin.api.EnricherPlugin;
import se.insatsnavet.plugin.api.ValidatorPlugin;

import java.util.List;

/**
 * Resolves {@link PluginTestKit} parameters from the test class's {@link TestFederation}: a fresh kit per
 * parameter, with the enrichers and validators the annotation names, each given {@code init} with an empty
 * configuration and {@code postInit}, as the hub would.
 */
public final class PluginTestKitExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PluginTestKit.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestFederation federation = context.getRequiredTestClass().getAnnotation(TestFederation.class);
        if (federation == null) {
            throw new ExtensionConfigurationException("Annotate the test class with @TestFederation to get a PluginTestKit");
        }
        PluginTestKit kit = PluginTestKit.forFederation(federation.id(), List.of(federation.municipalities()));
        for (Class<? extends EnricherPlugin> type : federation.enrichers()) {
            kit.with(started(type));
        }
        for (Class<? extends ValidatorPlugin> type : federation.validators()) {
            kit.with(started(type));
        }
        return kit;
    }

    private static <T extends se.insatsnavet.plugin.api.PluginFactory> T started(Class<T> type) {
        try {
            T plugin = type.getDeclaredConstructor().newInstance();
            plugin.init(java.util.Map.of());
            plugin.postInit();
            return plugin;
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException("Cannot create " + type.getName() + " (a public no-argument constructor?)", e);
        }
    }
}
