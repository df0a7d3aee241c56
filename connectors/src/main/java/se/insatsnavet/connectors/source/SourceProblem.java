package se.insatsnavet.connectors.source;

import java.util.Objects;

/**
 * A record that could not even be parsed (a malformed CSV row, a JSON line that is not an object, ...).
 * The rest of the source still comes through.
 *
 * @param locator where in the source, e.g. {@code "row 7"} or {@code "line 3"}
 * @param field   the raw field concerned, or {@code null} when the whole record is unreadable
 * @param message plain-language reason
 */
public record SourceProblem(String locator, String field, String message) {

    public SourceProblem {
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return locator + (field == null ? "" : " (" + field + ")") + ": " + message;
    }
}
