package se.insatsnavet.connectors.source;

import java.util.Objects;

/**
 * A record that could not even be parsed (a malformed CSV row, a JSON line that is not an object, ...).
 * The rest of the source still comes through.
 *
 * @param locator where in the source, e.g. {@code "row 7"} or {@code "line 3"}
 * @param field   the raw field concerned, or {@code null} when the whole record is unreadable
 * @param message plain-language reason
 * @param localId the record's id when the source named it (e.g. the id an API listed), or {@code null}: a published
 *                record of that id is then kept, not deleted, while its source cannot be read
 */
public record SourceProblem(String locator, String field, String message, String localId) {

    public SourceProblem {
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(message, "message");
    }

    /** A problem with a record whose id is not known. */
    public SourceProblem(String locator, String field, String message) {
        this(locator, field, message, null);
    }

    @Override
    public String toString() {
        return locator + (field == null ? "" : " (" + field + ")") + ": " + message;
    }
}
