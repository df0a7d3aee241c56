package se.insatsnavet.plugin.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record as a connector read it.
 *
 * @param locator where in the source it is (e.g. "row 7", "item 3"), shown in run reports
 * @param fields  field name → value (text, number, boolean, list or map), in source order
 */
public record RawSourceRecord(String locator, Map<String, Object> fields) {

    public RawSourceRecord {
        Objects.requireNonNull(locator, "locator");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    }
}
