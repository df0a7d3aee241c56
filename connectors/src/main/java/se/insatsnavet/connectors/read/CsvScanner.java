package se.insatsnavet.connectors.read;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts a reader's text into logical records following RFC 4180 quoting (as commons-csv reads it), through a
 * buffer; text given back ({@link #restartAfterLine}, {@link #firstLine}) is read again before the reader.
 */
final class CsvScanner {

    /** The quote character of CSV (RFC 4180). */
    static final char QUOTE = '"';

    private final Reader reader;
    private char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private boolean eof;
    private int line = 1;
    private final StringBuilder pending = new StringBuilder();

    CsvScanner(Reader reader) {
        this.reader = reader;
    }

    /** Whether there is a character at {@code pos}, reading more if needed (the buffer's content before pos is dropped). */
    private boolean fill() throws IOException {
        if (pos < len) {
            return true;
        }
        if (eof) {
            return false;
        }
        if (buf.length < (1 << 16)) {
            buf = new char[1 << 16];
        }
        int n = reader.read(buf, 0, buf.length);
        while (n == 0) {
            n = reader.read(buf, 0, buf.length);
        }
        pos = 0;
        len = Math.max(n, 0);
        eof = n < 0;
        return n > 0;
    }

    /** Puts text back in front of what is still to be read. */
    private void unread(String text) {
        if (text.isEmpty()) {
            return;
        }
        char[] joined = new char[text.length() + (len - pos)];
        text.getChars(0, text.length(), joined, 0);
        System.arraycopy(buf, pos, joined, text.length(), len - pos);
        buf = joined;
        pos = 0;
        len = joined.length;
    }

    /**
     * The text up to the end of the first line that is not blank (a line break inside double quotes does not end
     * it), left to be read again: what {@link CsvRecordReader#detectDelimiter} looks at.
     */
    String firstLine() throws IOException {
        StringBuilder head = new StringBuilder();
        boolean inQuotes = false;
        boolean tab = false;
        while (fill()) {
            char c = buf[pos++];
            head.append(c);
            if (c == QUOTE) {
                inQuotes = !inQuotes;
            } else if (c == '\t') {
                tab = true;
            } else if (!inQuotes && (c == '\n' || c == '\r') && (tab || !head.toString().isBlank())) {
                break;
            }
        }
        String text = head.toString();
        unread(text);
        return text;
    }

    CsvChunk next(char delimiter) throws IOException {
        if (!fill()) {
            return null;
        }
        int startLine = line;
        // the common case, a line without a quote whose line break is in the buffer: cut it in one tight loop
        int i = pos;
        while (i < len) {
            char c = buf[i];
            if (c == '\n' || c == '\r' || c == QUOTE) {
                break;
            }
            i++;
        }
        if (i < len && buf[i] != QUOTE && (buf[i] == '\n' || i + 1 < len)) {
            int breakLength = buf[i] == '\r' && buf[i + 1] == '\n' ? 2 : 1;
            String ending = breakLength == 2 ? "\r\n" : buf[i] == '\r' ? "\r" : "\n";
            CsvChunk plain = new CsvChunk(new String(buf, pos, i - pos), startLine, true, false, i - pos + breakLength, ending);
            pos = i + breakLength;
            line++;
            return plain;
        }
        StringBuilder text = pending;
        text.setLength(0);
        int firstLineNext = -1;
        boolean inQuotes = false;
        boolean justClosed = false;
        boolean fieldStart = true;
        boolean quoted = false;
        int segment = pos;
        while (true) {
            if (pos >= len) {
                text.append(buf, segment, pos - segment);
                if (!fill()) {
                    return new CsvChunk(text.toString(), startLine, !inQuotes, quoted,
                            firstLineNext < 0 ? text.length() : firstLineNext, "");
                }
                segment = pos;
            }
            char c = buf[pos];
            if (c == '\n' || c == '\r') {
                boolean plainLine = text.length() == 0;
                int breakAt = pos;
                pos++;
                int breakLength = 1;
                if (c == '\r') {
                    text.append(buf, segment, breakAt - segment);
                    segment = pos;
                    plainLine = false;
                    if (fill() && buf[pos] == '\n') {
                        pos++;
                        breakLength = 2;
                    }
                }
                line++;
                justClosed = false;
                String ending = breakLength == 2 ? "\r\n" : c == '\r' ? "\r" : "\n";
                if (!inQuotes) {
                    if (plainLine) {
                        return new CsvChunk(new String(buf, segment, breakAt - segment), startLine, true, quoted,
                                breakAt - segment + breakLength, ending);
                    }
                    if (c == '\n') {
                        text.append(buf, segment, breakAt - segment);
                    }
                    return new CsvChunk(text.toString(), startLine, true, quoted,
                            firstLineNext < 0 ? text.length() + breakLength : firstLineNext, ending);
                }
                if (c == '\n') {
                    text.append(buf, segment, breakAt - segment);
                }
                if (firstLineNext < 0) {
                    firstLineNext = text.length() + breakLength;
                }
                text.append(c);
                if (breakLength == 2) {
                    text.append('\n');
                }
                segment = pos;
                continue;
            }
            if (c == QUOTE) {
                quoted = true;
            }
            if (inQuotes) {
                if (c == QUOTE) {
                    inQuotes = false;
                    justClosed = true;
                }
            } else if (justClosed && c == QUOTE) {
                inQuotes = true; // a doubled quote inside quotes
                justClosed = false;
            } else {
                justClosed = false;
                if (c == delimiter) {
                    fieldStart = true;
                } else if (c == QUOTE && fieldStart) {
                    inQuotes = true;
                    fieldStart = false;
                } else if (!(fieldStart && (c == ' ' || c == '\t'))) {
                    fieldStart = false;
                }
            }
            pos++;
        }
    }

    /** Gives up on a chunk: scanning resumes on the line after its first line. */
    void restartAfterLine(CsvChunk chunk) {
        String text = chunk.text();
        if (chunk.firstLineNext() <= text.length()) {
            // the rest of a record of several lines, with the line break that ended it
            unread(text.substring(chunk.firstLineNext()) + chunk.ending());
        }
        line = chunk.line() + 1;
    }
}
