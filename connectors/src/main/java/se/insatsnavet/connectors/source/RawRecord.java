package se.insatsnavet.connectors.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record as read from a source, before any mapping.
 *
 * @param locator human-readable place of the record in the source, e.g. {@code "row 7"},
 *                {@code "records[3]"} or {@code "line 12"}; used in every message about the record
 * @param fields  the record's fields in source order: JSON-like values ({@link String}, {@link Number},
 *                {@link Boolean}, {@link java.util.List}, {@link Map}); absent and empty values are omitted.
 *                The map is an unmodifiable, insertion-ordered copy.
 */
public record RawRecord(String locator, Map<String, Object> fields) {

    public RawRecord {
        Objects.requireNonNull(locator, "locator");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    }

    /** The top-level field {@code name}, or {@code null}. */
    public Object get(String name) {
        return fields.get(name);
    }
}
