package se.insatsnavet.hub.imports;

/**
 * One thing a run has to say about one record (or about the source).
 *
 * @param level   {@code error} (record rejected) or {@code warning} (record kept, a value left out)
 * @param locator where in the source (e.g. "row 7")
 * @param localId the record's own id, if it had one
 * @param field   the canonical field concerned (e.g. "contact.email"), or null for the whole record
 * @param value   the offending source value, if any
 * @param message plain-language reason
 */
public record RunMessage(String level, String locator, String localId, String field, String value, String message) {

    public static final String ERROR = "error";
    public static final String WARNING = "warning";

    public static RunMessage error(String locator, String localId, String field, String value, String message) {
        return new RunMessage(ERROR, locator, localId, field, value, message);
    }

    public static RunMessage warning(String locator, String localId, String field, String value, String message) {
        return new RunMessage(WARNING, locator, localId, field, value, message);
    }
}
