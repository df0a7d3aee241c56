package se.insatsnavet.hub.services;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page of services: the items (canonical JSON with id, uri and federation; with the search engine also a
 * {@code snippet}), the total count and, when asked for, facet counts (dimension → value → count).
 * <p>
 * A page from the search engine keeps its items as the index's JSON bytes: {@link #body} writes them into the
 * {@code /api/services} answer as they are, and {@link #items()} parses them only for callers that need the tree.
 */
public final class ServicePageResult {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<byte[]> json;
    private List<ObjectNode> items;
    private final long total;
    private final int page;
    private final int perPage;
    private final Map<String, Map<String, Long>> facets;

    public ServicePageResult(List<ObjectNode> items, long total, int page, int perPage,
                             Map<String, Map<String, Long>> facets) {
        this(null, items, total, page, perPage, facets);
    }

    public ServicePageResult(List<ObjectNode> items, long total, int page, int perPage) {
        this(items, total, page, perPage, Map.of());
    }

    private ServicePageResult(List<byte[]> json, List<ObjectNode> items, long total, int page, int perPage,
                              Map<String, Map<String, Long>> facets) {
        this.json = json;
        this.items = items;
        this.total = total;
        this.page = page;
        this.perPage = perPage;
        this.facets = facets;
    }

    /**
     * A page whose items are JSON objects (UTF-8, compact, as {@link ObjectNode#toString()} writes them), each
     * with the snippet of the same position added as its last field ({@code snippets} empty, or null entries, for none).
     */
    static ServicePageResult ofJson(List<byte[]> json, List<String> snippets, long total, int page, int perPage,
                                    Map<String, Map<String, Long>> facets) {
        List<byte[]> out = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            String snippet = i < snippets.size() ? snippets.get(i) : null;
            out.add(snippet == null ? json.get(i) : withString(json.get(i), "snippet", snippet));
        }
        return new ServicePageResult(out, null, total, page, perPage, facets);
    }

    /** {@code object} (a compact JSON object without the field) with {@code "field":"value"} appended. */
    private static byte[] withString(byte[] object, String field, String value) {
        int end = object.length - 1;
        while (end > 0 && object[end] != '}') {
            end--;
        }
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        byte[] name = encoder.quoteAsUTF8(field);
        byte[] text = encoder.quoteAsUTF8(value);
        boolean empty = isEmptyObject(object, end);
        ByteArrayOutputStream out = new ByteArrayOutputStream(end + name.length + text.length + 8);
        out.write(object, 0, end);
        if (!empty) {
            out.write(',');
        }
        out.write('"');
        out.write(name, 0, name.length);
        out.write('"');
        out.write(':');
        out.write('"');
        out.write(text, 0, text.length);
        out.write('"');
        out.write('}');
        return out.toByteArray();
    }

    private static boolean isEmptyObject(byte[] object, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (object[i] == '{') {
                return true;
            }
            if (object[i] != ' ' && object[i] != '\n' && object[i] != '\t' && object[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The items (parsed from their JSON on first use when the page came from the search engine). */
    public synchronized List<ObjectNode> items() {
        if (items == null) {
            List<ObjectNode> parsed = new ArrayList<>(json.size());
            try {
                for (byte[] item : json) {
                    parsed.add((ObjectNode) JSON.readTree(item));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("An item of the search index is not JSON", e);
            }
            items = parsed;
        }
        return items;
    }

    /** The items as compact JSON (UTF-8): the search index's bytes as they are, else the items written. */
    public List<byte[]> itemJson() {
        if (json != null) {
            return json;
        }
        List<byte[]> out = new ArrayList<>(items.size());
        for (ObjectNode item : items) {
            out.add(item.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** This page, its items parsed now (on a worker: callers that render the items later do so on the event loop). */
    public ServicePageResult parsed() {
        items();
        return this;
    }

    public long total() {
        return total;
    }

    public int page() {
        return page;
    }

    public int perPage() {
        return perPage;
    }

    public Map<String, Map<String, Long>> facets() {
        return facets;
    }

    /**
     * The {@code /api/services} answer (UTF-8): {@code {"items":[…],"total":…,"page":…,"perPage":…}} and, when
     * {@code withFacets}, {@code "facets"}; the items' JSON is copied as it is, not parsed and written again.
     */
    public byte[] body(boolean withFacets) {
        // the tail after the items, written straight from the values (no tree of the facets)
        ByteArrayOutputStream tail = new ByteArrayOutputStream(withFacets ? 4096 : 64);
        try (JsonGenerator g = JSON.getFactory().createGenerator(tail)) {
            g.writeStartObject();
            g.writeNumberField("total", total);
            g.writeNumberField("page", page);
            g.writeNumberField("perPage", perPage);
            if (withFacets) {
                g.writeObjectFieldStart("facets");
                for (Map.Entry<String, Map<String, Long>> dimension : facets.entrySet()) {
                    g.writeObjectFieldStart(dimension.getKey());
                    for (Map.Entry<String, Long> value : dimension.getValue().entrySet()) {
                        g.writeNumberField(value.getKey(), value.getValue());
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] rest = tail.toByteArray();
        List<byte[]> parts = json;
        if (parts == null) {
            parts = new ArrayList<>(items.size());
            for (ObjectNode item : items) {
                parts.add(item.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        int size = 12 + rest.length;
        for (byte[] p : parts) {
            size += p.length + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes("{\"items\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(parts.get(i), 0, parts.get(i).length);
        }
        out.write(']');
        out.write(',');
        out.write(rest, 1, rest.length - 1); // the tail object without its '{'
        return out.toByteArray();
    }
}
