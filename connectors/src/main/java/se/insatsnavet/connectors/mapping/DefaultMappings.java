package se.insatsnavet.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Built-in mappings of the source kinds whose records have a known shape ({@code hsds}, {@code rss},
 * {@code wordpress}), from {@code defaults/<kind>.json} beside this class. A source's own mapping is laid
 * over the built-in one: its {@code fields}, {@code valueMaps} and {@code defaults} entries replace those
 * of the same name, so a federation only writes what differs.
 */
public final class DefaultMappings {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Optional<ObjectNode>> CACHE = new ConcurrentHashMap<>();

    private DefaultMappings() {
    }

    /** The built-in mapping of a kind, if it has one (a copy). */
    public static Optional<ObjectNode> forKind(String kind) {
        return CACHE.computeIfAbsent(kind, DefaultMappings::load).map(ObjectNode::deepCopy);
    }

    /** The mapping a source of services of {@code kind} uses: the built-in one with {@code own} laid over it. */
    public static ObjectNode effective(String kind, ObjectNode own) {
        return effective(kind, SourceDescriptor.Records.SERVICES, own);
    }

    /**
     * The mapping a source of {@code kind} holding {@code records} uses: the built-in one ({@code defaults/<kind>.json}
     * for services, {@code defaults/<kind>-articles.json} for articles) with {@code own} laid over it.
     */
    public static ObjectNode effective(String kind, SourceDescriptor.Records records, ObjectNode own) {
        Optional<ObjectNode> builtIn = forKind(records == SourceDescriptor.Records.ARTICLES ? kind + "-articles" : kind);
        if (builtIn.isEmpty()) {
            return own;
        }
        ObjectNode merged = builtIn.get();
        if (own != null) {
            for (String section : new String[]{"fields", "valueMaps", "defaults"}) {
                JsonNode overlay = own.path(section);
                if (overlay.isObject()) {
                    ObjectNode target = merged.withObjectProperty(section);
                    overlay.properties().forEach(e -> target.set(e.getKey(), e.getValue().deepCopy()));
                }
            }
        }
        return merged;
    }

    private static Optional<ObjectNode> load(String kind) {
        if (!kind.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        try (InputStream in = DefaultMappings.class.getResourceAsStream("defaults/" + kind + ".json")) {
            return in == null ? Optional.empty() : Optional.of((ObjectNode) JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("built-in mapping of kind " + kind + " is unreadable", e);
        }
    }
}
