package se.insatsnavet.plugin.api;

/** A record a mapper cannot map; the hub rejects it with this field, value and message in the run report. */
public class MappingException extends RuntimeException {

    private final String field;
    private final String value;

    public MappingException(String field, String value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
