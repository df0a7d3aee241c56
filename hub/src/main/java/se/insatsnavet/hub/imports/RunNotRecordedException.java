package se.insatsnavet.hub.imports;

/**
 * An import that could not even start because the database cannot record its run (full or read-only storage);
 * nothing was read or changed. HTTP answers it with 503.
 */
public final class RunNotRecordedException extends RuntimeException {

    public RunNotRecordedException(String message, Throwable cause) {
        super(message, cause);
    }
}
