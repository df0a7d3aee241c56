package se.insatsnavet.hub.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.hub.linkeddata.ExtraFormats;
import se.insatsnavet.plugin.api.FeedFormatPlugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The running feed-format plugins as extra representations of services; each call contained by the host. */
public final class PluginFeedFormats implements ExtraFormats {

    /** Names the hub's own representations use; a plugin cannot take them. */
    static final Set<String> RESERVED = Set.of("ttl", "turtle", "jsonld", "json-ld", "nt", "ntriples", "rdf", "rdfxml",
            "xml", "json", "html", "schemaorg");

    private final PluginHost host;

    public PluginFeedFormats(PluginHost host) {
        this.host = host;
    }

    @Override
    public List<Format> formats() {
        List<Format> formats = new ArrayList<>();
        for (FeedFormatPlugin p : host.active(FeedFormatPlugin.class)) {
            try {
                Format f = host.call(p.id(), "describe format", () -> new Format(p.formatName(), p.mediaType(), p.title()));
                if (f.name() != null && f.name().matches("[a-z0-9]+(-[a-z0-9]+)*") && !RESERVED.contains(f.name())
                        && f.mediaType() != null && f.mediaType().matches("[a-z]+/[A-Za-z0-9.+-]+")) {
                    formats.add(new Format(f.name(), f.mediaType(), f.title() == null ? f.name() : f.title()));
                }
            } catch (RuntimeException e) {
                // the host marked the plugin failed; it is not offered
            }
        }
        return formats;
    }

    @Override
    public String render(Format format, ObjectNode item, String serviceUri) {
        for (FeedFormatPlugin p : host.active(FeedFormatPlugin.class)) {
            if (format.name().equals(p.formatName())) {
                String out = host.call(p.id(), "render(" + item.path("id").asText() + ")", () -> p.render(item.deepCopy(), serviceUri));
                if (out == null) {
                    throw new IllegalStateException("Plugin '" + p.id() + "' rendered nothing");
                }
                return out;
            }
        }
        throw new IllegalStateException("No running plugin renders '" + format.name() + "'");
    }
}
