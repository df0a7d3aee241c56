package se.insatsnavet.connectors.read;

/**
 * A logical record: its text (without the line break that ends it), first line number, whether every quote was
 * closed, whether it holds a quote at all, where in its text the line after its first line starts, and the line
 * break that ended it ("" at the end of the text).
 */
record CsvChunk(String text, int line, boolean closed, boolean quoted, int firstLineNext, String ending) {

    /** Whether the record holds only whitespace. */
    boolean isBlank() {
        return text.isBlank();
    }
}
