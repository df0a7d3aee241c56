package se.insatsnavet.connectors.mapping;

/**
 * A warning or error about one record's mapping.
 *
 * @param locator where the record is in the source (e.g. {@code "row 7"})
 * @param localId the record's local id, or {@code null} when it has none (yet)
 * @param field   the canonical field concerned, e.g. {@code targetGroups} or {@code contact.email}
 * @param value   the offending source value, or {@code null}
 * @param message plain-language reason
 */
public record RecordMessage(String locator, String localId, String field, String value, String message) {

    /**
     * How the message of a warning about source content the hub does not keep begins; the run report sums
     * these per field ({@code notCarried}).
     */
    public static final String NOT_CARRIED = "Not carried";

    @Override
    public String toString() {
        return locator + (localId == null ? "" : " [" + localId + "]") + " " + field
                + (value == null ? "" : " '" + value + "'") + ": " + message;
    }
}
