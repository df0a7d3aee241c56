package se.insatsnavet.hub.imports;

import java.util.Locale;

/** Outcome of an import run. */
public enum RunStatus {
    /** Still reading, mapping or writing. */
    RUNNING,
    /** Finished; the valid records are published (some records may have been rejected). */
    SUCCEEDED,
    /** The source could not be read or the run could not be written; the last good data stays published. */
    FAILED,
    /** The hub stopped while the run was under way; nothing of it was committed. */
    INTERRUPTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
