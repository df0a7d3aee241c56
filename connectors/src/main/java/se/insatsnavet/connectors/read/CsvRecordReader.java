package se.insatsnavet.connectors.read;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceProblem;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV with a header row. The text is read as it goes and cut into logical records by a {@link CsvScanner} (a
 * quoted field may span lines), then each record is parsed on its own (with commons-csv when it holds a quote), so a malformed record becomes a {@link SourceProblem}
 * and the records after it still come through: a quote that is never closed, or a multi-line record that
 * does not parse, blames only its first line and reading resumes on the next line. A text that looks cut off
 * fails as a whole ({@link IOException}), so that no record after the cut is taken for deleted: one whose last
 * record ends inside a quote that is never closed, or whose last line stops short of the header's columns without
 * a line break.
 */
public final class CsvRecordReader {

    private static final char QUOTE = CsvScanner.QUOTE;
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

    /** Reads CSV text; see {@link #read(Reader, Character)}. */
    public static RecordReader.Result read(String text, Character declaredDelimiter) throws IOException {
        return read(new StringReader(text), declaredDelimiter);
    }

    /**
     * Reads CSV from a reader as it goes: the text is never held whole (only the record being cut, and a record
     * that does not parse until reading resumes after its first line). Lines without a quote are split at the
     * delimiter here, with the trimming commons-csv does under this reader's format; a record with a quote is
     * parsed by commons-csv. An I/O or decoding failure of the reader is thrown as it is.
     */
    public static RecordReader.Result read(Reader reader, Character declaredDelimiter) throws IOException {
        CsvScanner scanner = new CsvScanner(reader);
        char delimiter = declaredDelimiter != null ? declaredDelimiter : detectDelimiter(scanner.firstLine());
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setQuote(QUOTE)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();

        CsvChunk headerChunk = scanner.next(delimiter);
        while (headerChunk != null && headerChunk.isBlank()) {
            headerChunk = scanner.next(delimiter);
        }
        if (headerChunk == null) {
            throw new IOException("the file has no header row");
        }
        if (!headerChunk.closed()) {
            throw new IOException("the header row (line " + headerChunk.line() + ") has a quote that is never closed");
        }
        List<String> header;
        try {
            header = parseOne(headerChunk.text(), format);
        } catch (IOException | RuntimeException e) {
            throw new IOException("the header row (line " + headerChunk.line() + ") cannot be parsed: " + e.getMessage(), e);
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
        CsvChunk chunk;
        List<String> plain = new ArrayList<>(header.size() + 4);
        // the line of a quote never closed with no good record after it: the text may end inside that quote
        int openQuoteLine = -1;
        while ((chunk = scanner.next(delimiter)) != null) {
            if (chunk.isBlank()) {
                continue;
            }
            row++;
            String locator = "row " + row;
            if (!chunk.closed()) {
                problems.add(new SourceProblem(locator, null, "line " + chunk.line()
                        + ": a quoted field is opened but never closed; the row is skipped"));
                openQuoteLine = chunk.line();
                scanner.restartAfterLine(chunk);
                continue;
            }
            List<String> values;
            if (!chunk.quoted()) {
                values = splitPlain(chunk.text(), delimiter, plain);
            } else {
                try {
                    values = parseOne(chunk.text(), format);
                } catch (IOException | RuntimeException e) {
                    problems.add(new SourceProblem(locator, null, "line " + chunk.line() + ": cannot parse the row: "
                            + messageOf(e)));
                    scanner.restartAfterLine(chunk);
                    continue;
                }
            }
            int last = values.size();
            while (last > header.size() && values.get(last - 1).isEmpty()) {
                last--; // trailing empty cells beyond the header are harmless
            }
            if (last < header.size() && chunk.ending().isEmpty()) {
                if (openQuoteLine > 0) {
                    throw cutInQuotes(openQuoteLine); // the rest of the cut quoted field, read again as lines
                }
                throw new IOException("the last line (" + chunk.line() + ") stops after " + last + " of the header's "
                        + header.size() + " columns without a line break: the file looks cut off (truncated, or still"
                        + " being written)");
            }
            if (last != header.size()) {
                problems.add(new SourceProblem(locator, null, "line " + chunk.line() + ": expected " + header.size()
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
                openQuoteLine = -1;
            }
        }
        if (openQuoteLine > 0) {
            throw cutInQuotes(openQuoteLine);
        }
        if (unnamedColumnUsed) {
            problems.add(new SourceProblem("header", null, "a column without a name holds values; they are ignored"));
        }
        return new RecordReader.Result(records, problems);
    }

    private static IOException cutInQuotes(int line) {
        return new IOException("the file ends inside a quoted field opened on line " + line
                + " and never closed: it looks cut off (truncated, or still being written)");
    }

    /**
     * The cells of a one-line record without any quote, as commons-csv gives them under this reader's format
     * (surrounding spaces ignored, then trimmed): whitespace before a cell is skipped, whitespace after it cut, then
     * {@link String#trim()}. {@code into} is cleared and filled.
     */
    static List<String> splitPlain(String line, char delimiter, List<String> into) {
        into.clear();
        int start = 0;
        while (true) {
            int end = line.indexOf(delimiter, start);
            int stop = end < 0 ? line.length() : end;
            int a = start;
            while (a < stop && Character.isWhitespace(line.charAt(a))) {
                a++;
            }
            int b = stop;
            while (b > a && Character.isWhitespace(line.charAt(b - 1))) {
                b--;
            }
            into.add(a == b ? "" : line.substring(a, b).trim());
            if (end < 0) {
                return into;
            }
            start = end + 1;
        }
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
}
