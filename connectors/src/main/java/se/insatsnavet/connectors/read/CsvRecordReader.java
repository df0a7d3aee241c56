package se.insatsnavet.connectors.read;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV with a header row. The text is first cut into logical records (a quoted field may span lines), then
 * each record is parsed on its own with commons-csv, so a malformed record becomes a {@link SourceProblem}
 * and the records after it still come through: a quote that is never closed, or a multi-line record that
 * does not parse, blames only its first line and reading resumes on the next line.
 */
public final class CsvRecordReader {

    private static final char QUOTE = '"';
    private static final char[] CANDIDATES = {';', ',', '\t', '|'};

    private CsvRecordReader() {
    }

    /** A delimiter option value: one character, or {@code TAB} / {@code \t}. */
    public static char delimiterOf(String option) {
        if (option.equalsIgnoreCase("TAB") || option.equals("\\t") || option.equals("\t")) {
            return '\t';
        }
        if (option.length() != 1 || option.charAt(0) == QUOTE || option.charAt(0) == '\n' || option.charAt(0) == '\r') {
            throw new IllegalArgumentException("insats-file: delimiter must be one character (or TAB), got '" + option + "'");
        }
        return option.charAt(0);
    }

    public static RecordReader.Result read(String text, Character declaredDelimiter) throws IOException {
        Scanner scanner = new Scanner(text);
        char delimiter = declaredDelimiter != null ? declaredDelimiter : detectDelimiter(text);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setQuote(QUOTE)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();

        Chunk headerChunk = scanner.next(delimiter);
        while (headerChunk != null && headerChunk.isBlank(text)) {
            headerChunk = scanner.next(delimiter);
        }
        if (headerChunk == null) {
            throw new IOException("the file has no header row");
        }
        if (!headerChunk.closed) {
            throw new IOException("the header row (line " + headerChunk.line + ") has a quote that is never closed");
        }
        List<String> header;
        try {
            header = parseOne(headerChunk.text(text), format);
        } catch (IOException | RuntimeException e) {
            throw new IOException("the header row (line " + headerChunk.line + ") cannot be parsed: " + e.getMessage(), e);
        }

        List<RawRecord> records = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        String[] names = new String[header.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\uFEFF", "").trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!seen.add(name)) {
                problems.add(new SourceProblem("header", name, "duplicate column name '" + name + "': column "
                        + (i + 1) + " is ignored"));
                continue;
            }
            names[i] = name;
        }

        boolean unnamedColumnUsed = false;
        int row = 0;
        Chunk chunk;
        while ((chunk = scanner.next(delimiter)) != null) {
            if (chunk.isBlank(text)) {
                continue;
            }
            row++;
            String locator = "row " + row;
            if (!chunk.closed) {
                problems.add(new SourceProblem(locator, null, "line " + chunk.line
                        + ": a quoted field is opened but never closed; the row is skipped"));
                scanner.restartAfterLine(chunk);
                continue;
            }
            List<String> values;
            try {
                values = parseOne(chunk.text(text), format);
            } catch (IOException | RuntimeException e) {
                problems.add(new SourceProblem(locator, null, "line " + chunk.line + ": cannot parse the row: "
                        + messageOf(e)));
                scanner.restartAfterLine(chunk);
                continue;
            }
            int last = values.size();
            while (last > header.size() && values.get(last - 1).isEmpty()) {
                last--; // trailing empty cells beyond the header are harmless
            }
            if (last != header.size()) {
                problems.add(new SourceProblem(locator, null, "line " + chunk.line + ": expected " + header.size()
                        + " columns, found " + last));
                scanner.restartAfterLine(chunk);
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < last; i++) {
                String value = values.get(i);
                if (value.isEmpty()) {
                    continue;
                }
                if (names[i] == null) {
                    unnamedColumnUsed |= header.get(i).isBlank();
                    continue;
                }
                fields.put(names[i], value);
            }
            if (!fields.isEmpty()) {
                records.add(new RawRecord(locator, fields));
            }
        }
        if (unnamedColumnUsed) {
            problems.add(new SourceProblem("header", null, "a column without a name holds values; they are ignored"));
        }
        return new RecordReader.Result(records, problems);
    }

    private static String messageOf(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static List<String> parseOne(String recordText, CSVFormat format) throws IOException {
        try (CSVParser parser = CSVParser.parse(recordText, format)) {
            List<CSVRecord> parsed = parser.getRecords();
            if (parsed.size() != 1) {
                throw new IOException("expected one record, found " + parsed.size());
            }
            return parsed.get(0).toList();
        }
    }

    /** The candidate (; , TAB |) occurring most often outside quotes in the header line; ties in that order. */
    public static char detectDelimiter(String text) {
        int[] counts = new int[CANDIDATES.length];
        boolean inQuotes = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == QUOTE) {
                inQuotes = !inQuotes;
            } else if (!inQuotes && (c == '\n' || c == '\r')) {
                if (total(counts) > 0 || !text.substring(0, i).isBlank()) {
                    break; // end of the first non-blank line
                }
            } else if (!inQuotes) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 1; // a single-column file: comma
        for (int k = 0; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best] || (counts[k] == counts[best] && counts[k] > 0 && k < best)) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }

    private static int total(int[] counts) {
        int sum = 0;
        for (int count : counts) {
            sum += count;
        }
        return sum;
    }

    /** A logical record: text[start, end), first line number, and whether every quote was closed. */
    private record Chunk(int start, int end, int line, boolean closed, int firstLineEnd, int firstLineNext) {

        String text(String all) {
            return all.substring(start, end);
        }

        boolean isBlank(String all) {
            return all.substring(start, end).isBlank();
        }
    }

    /** Cuts the text into logical records following RFC 4180 quoting (as commons-csv reads it). */
    private static final class Scanner {
        private final String text;
        private int pos;
        private int line = 1;

        Scanner(String text) {
            this.text = text;
        }

        Chunk next(char delimiter) {
            if (pos >= text.length()) {
                return null;
            }
            int start = pos;
            int startLine = line;
            int firstLineEnd = -1;
            int firstLineNext = -1;
            boolean inQuotes = false;
            boolean fieldStart = true;
            int i = pos;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    int next = (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') ? i + 2 : i + 1;
                    line++;
                    if (firstLineEnd < 0) {
                        firstLineEnd = i;
                        firstLineNext = next;
                    }
                    if (!inQuotes) {
                        pos = next;
                        return new Chunk(start, i, startLine, true, firstLineEnd, firstLineNext);
                    }
                    i = next;
                    continue;
                }
                if (inQuotes) {
                    if (c == QUOTE) {
                        if (i + 1 < text.length() && text.charAt(i + 1) == QUOTE) {
                            i++;
                        } else {
                            inQuotes = false;
                        }
                    }
                } else if (c == delimiter) {
                    fieldStart = true;
                } else if (c == QUOTE && fieldStart) {
                    inQuotes = true;
                    fieldStart = false;
                } else if (!(fieldStart && (c == ' ' || c == '\t'))) {
                    fieldStart = false;
                }
                i++;
            }
            pos = text.length();
            if (firstLineEnd < 0) {
                firstLineEnd = text.length();
                firstLineNext = text.length();
            }
            return new Chunk(start, text.length(), startLine, !inQuotes, firstLineEnd, firstLineNext);
        }

        /** Gives up on a chunk: scanning resumes on the line after its first line. */
        void restartAfterLine(Chunk chunk) {
            pos = chunk.firstLineNext();
            line = chunk.line() + 1;
        }
    }
}
