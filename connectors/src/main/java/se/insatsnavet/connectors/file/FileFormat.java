package se.insatsnavet.connectors.file;

import java.util.Locale;

/** Formats the {@code insats-file} connector reads. */
public enum FileFormat {
    /** Delimited text with a header row. */
    CSV,
    /** A JSON document holding an array of objects (at the root or at {@code recordPath}). */
    JSON,
    /** Newline-delimited JSON: one object per line. */
    NDJSON,
    /** An Excel workbook: one sheet, a header row. */
    XLSX;

    /** The format a file name's extension suggests, or {@code null}. */
    public static FileFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
            return CSV;
        }
        if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
            return NDJSON;
        }
        if (lower.endsWith(".xlsx")) {
            return XLSX;
        }
        if (lower.endsWith(".json")) {
            return JSON;
        }
        return null;
    }
}
