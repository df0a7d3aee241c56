package se.insatsnavet.hub.plugins;

import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which plugins a source waits for: a source names plugins (its kind, when no built-in connector has it, and its
 * mapper, enrichers and validators); while one of them is not running, the source is not read on its schedule
 * (no failed run every time) but shown as "waiting for plugin X", and once the plugin starts (or its bundle is
 * replaced) the sources naming it are imported again at once.
 */
public final class PluginWaits {

    private final PluginHost host;
    private final Predicate<String> builtInKind;

    /** @param builtInKind whether a connector kind is built in (any other kind names a connector plugin) */
    public PluginWaits(PluginHost host, Predicate<String> builtInKind) {
        this.host = host;
        this.builtInKind = builtInKind;
    }

    /** Every plugin id a source names: the connector plugin (its kind, unless built in), then the others in order. */
    public List<String> named(SourceDescriptor source) {
        List<String> ids = new ArrayList<>();
        if (!builtInKind.test(source.kind())) {
            ids.add(source.kind());
        }
        ids.addAll(source.plugins().all());
        return ids;
    }

    /** The first plugin a source names that is not running, if any. */
    public Optional<String> waitingFor(FederationDescriptor federation, SourceDescriptor source) {
        return named(source).stream().filter(id -> host.plugin(id).isEmpty()).findFirst();
    }

    /** The status shown for a source that waits, e.g. {@code waiting for plugin exempelby-lista}; empty otherwise. */
    public Optional<String> status(FederationDescriptor federation, SourceDescriptor source) {
        return waitingFor(federation, source).map(id -> "waiting for plugin " + id);
    }

    /** The sources (services and indicators) of these federations that name the plugin {@code pluginId}. */
    public List<Map.Entry<FederationDescriptor, SourceDescriptor>> sourcesNaming(String pluginId,
                                                                                Collection<FederationDescriptor> federations) {
        List<Map.Entry<FederationDescriptor, SourceDescriptor>> found = new ArrayList<>();
        for (FederationDescriptor federation : federations) {
            List<SourceDescriptor> sources = new ArrayList<>(federation.sources());
            if (federation.indicators() != null) {
                sources.add(federation.indicators());
            }
            sources.stream().filter(s -> named(s).contains(pluginId)).forEach(s -> found.add(Map.entry(federation, s)));
        }
        return found;
    }
}
