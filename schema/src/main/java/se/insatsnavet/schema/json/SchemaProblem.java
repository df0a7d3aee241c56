package se.insatsnavet.schema.json;

/**
 * One way a JSON document fails its schema.
 *
 * @param field   the failing field as a dotted path from the document root (e.g. {@code contact.email},
 *                {@code targetGroups[2]}); empty for the document itself
 * @param message plain-language reason, naming the rule that failed
 * @param keyword the JSON Schema keyword that failed (e.g. {@code required}, {@code pattern})
 */
public record SchemaProblem(String field, String message, String keyword) {

    @Override
    public String toString() {
        return (field.isEmpty() ? "(document)" : field) + ": " + message;
    }
}
