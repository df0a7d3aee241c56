package se.insatsnavet.hub.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.hub.linkeddata.ExtraFormats;
import se.insatsnavet.plugin.api.FeedFormatPlugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The running feed-format plugins as extra representations of services. Rendering calls the plugin, contained
 * by the host (on a worker); listing the formats does not.
 */
public final class PluginFeedFormats implements ExtraFormats {

    /** Names the hub's own representations use; a plugin cannot take them. */
    static final Set<String> RESERVED = Set.of("ttl", "turtle", "jsonld", "json-ld", "nt", "ntriples", "rdf", "rdfxml",
            "xml", "json", "html", "schemaorg");

    private final PluginHost host;

    public PluginFeedFormats(PluginHost host) {
        this.host = host;
    }

    /** The running feed formats, from what each said when it started: no call into a plugin (event-loop safe). */
    @Override
    public List<Format> formats() {
        List<Format> formats = new ArrayList<>();
        for (PluginHost.Entry e : host.plugins()) {
            Format f = e.format;
            if (!e.failed() && f != null && f.name() != null && f.name().matches("[a-z0-9]+(-[a-z0-9]+)*")
                    && !RESERVED.contains(f.name()) && f.mediaType() != null && f.mediaType().matches("[a-z]+/[A-Za-z0-9.+-]+")) {
                formats.add(new Format(f.name(), f.mediaType(), f.title() == null ? f.name() : f.title()));
            }
        }
        return formats;
    }

    @Override
    public String render(Format format, ObjectNode item, String serviceUri) {
        for (PluginHost.Entry e : host.plugins()) {
            if (!e.failed() && e.format != null && format.name().equals(e.format.name()) && e.plugin instanceof FeedFormatPlugin p) {
                String out = host.call(e.id(), "render(" + item.path("id").asText() + ")", () -> p.render(item.deepCopy(), serviceUri));
                if (out == null) {
                    throw new IllegalStateException("Plugin '" + e.id() + "' rendered nothing");
                }
                return out;
            }
        }
        throw new IllegalStateException("No running plugin renders '" + format.name() + "'");
    }
}
