package se.insatsnavet.hub.imports;

import java.io.FileNotFoundException;
import java.io.IOException;

/**
 * Plain words for a failure to write the data folder (disk full, read-only file system, an I/O error), found
 * anywhere in a throwable's causes; the dataset's memory-mapped files fail as an {@link InternalError} when
 * the file system cannot give them space.
 */
public final class WriteFailure {

    private WriteFailure() {
    }

    /** Whether {@code t} (or one of its causes) is a failure of the storage rather than of the data. */
    public static boolean isStorage(Throwable t) {
        return storageReason(t) != null;
    }

    /** What went wrong, naming the storage when it is a storage failure; otherwise the first message found. */
    public static String describe(Throwable e) {
        String storage = storageReason(e);
        if (storage != null) {
            return storage;
        }
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String storageReason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
                return "The data folder is full (No space left on device)";
            }
            if (m.contains("Read-only file system")) {
                return "The data folder is read-only (Read-only file system)";
            }
            if (t instanceof InternalError && m.contains("unsafe memory access")) {
                return "The dataset could not write its memory-mapped files (the data folder is full or failing)";
            }
            if (t instanceof IOException && !(t instanceof FileNotFoundException)
                    && m.contains("Input/output error")) {
                return "Writing the data folder failed (" + m + ")";
            }
        }
        return null;
    }
}
