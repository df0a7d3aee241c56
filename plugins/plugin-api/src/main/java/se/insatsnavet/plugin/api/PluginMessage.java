package se.insatsnavet.plugin.api;

/**
 * One thing a plugin has to say about a record.
 *
 * @param error   true: the record is rejected; false: a warning
 * @param field   canonical field concerned (e.g. {@code contact.email}), or null for the whole record
 * @param value   the offending value, if any
 * @param message plain-language reason
 */
public record PluginMessage(boolean error, String field, String value, String message) {

    public static PluginMessage error(String field, String value, String message) {
        return new PluginMessage(true, field, value, message);
    }

    public static PluginMessage warning(String field, String value, String message) {
        return new PluginMessage(false, field, value, message);
    }
}
