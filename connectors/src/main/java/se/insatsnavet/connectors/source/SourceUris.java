package se.insatsnavet.connectors.source;

import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Builds the Camel endpoint URI of a descriptor's source: {@code <scheme>:<federation>/<source>?option=RAW(value)}. */
public final class SourceUris {

    private SourceUris() {
    }

    /**
     * The URI with {@code first} options (e.g. {@code url} or {@code path}) followed by the source's
     * {@code format} and its own {@code options}; every value passed raw, so no escaping is needed.
     */
    public static String of(String scheme, FederationDescriptor federation, SourceDescriptor source, Map<String, String> first) {
        Map<String, String> options = new LinkedHashMap<>(first);
        if (source.format() != null && !options.containsKey("format")) {
            options.put("format", source.format());
        }
        options.putAll(source.options());
        StringJoiner query = new StringJoiner("&", "?", "");
        query.setEmptyValue("");
        options.forEach((name, value) -> query.add(name + "=" + raw(value)));
        return scheme + ":" + federation.id() + "/" + source.id() + query;
    }

    /** A value wrapped for Camel's raw syntax, choosing the bracket the value does not contain. */
    public static String raw(String value) {
        return value.indexOf(')') < 0 ? "RAW(" + value + ")" : "RAW{" + value + "}";
    }
}
