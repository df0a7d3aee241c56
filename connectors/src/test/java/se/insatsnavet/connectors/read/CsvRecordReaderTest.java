package se.insatsnavet.connectors.read;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceProblem;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRecordReaderTest {

    /** A reader that hands out at most {@code most} characters per read, so records straddle every kind of boundary. */
    private static Reader trickling(String text, int most) {
        return new StringReader(text) {
            private final Random random = new Random(7);

            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                return super.read(cbuf, off, Math.min(len, 1 + random.nextInt(most)));
            }
        };
    }

    /** Cells with everything a record may hold: delimiters and quotes inside quotes, line breaks, spaces around. */
    private static String generated(int rows, long seed) {
        Random random = new Random(seed);
        String[] breaks = {"\n", "\r\n", "\r"};
        StringBuilder csv = new StringBuilder(" Id ; Namn ;Beskrivning;Kommun\r\n");
        for (int r = 1; r <= rows; r++) {
            csv.append(r).append(';');
            csv.append(random.nextBoolean() ? "  Steget vidare " + r + "\t" : "\"Steg " + r + "; med \"\"citat\"\"\"");
            csv.append(';');
            switch (random.nextInt(4)) {
                case 0 -> csv.append("Rad ett").append(breaks[random.nextInt(3)].equals("\r") ? "" : " ").append("x".repeat(random.nextInt(200)));
                case 1 -> csv.append("\"Rad ett").append(breaks[random.nextInt(3)]).append("rad två, åäö ").append("y".repeat(random.nextInt(300))).append('"');
                case 2 -> csv.append("   ");
                default -> csv.append(" \"citerad\" ");
            }
            csv.append(';').append(random.nextBoolean() ? "Linköping" : "").append(breaks[random.nextInt(3)]);
        }
        return csv.toString();
    }

    /** The records commons-csv makes of the whole text at once, with this reader's format. */
    private static List<Map<String, Object>> parsedWhole(String csv) throws IOException {
        List<Map<String, Object>> expected = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            List<String> header = null;
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = record.toList();
                    continue;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    if (!record.get(i).isEmpty()) {
                        fields.put(header.get(i), record.get(i));
                    }
                }
                expected.add(fields);
            }
        }
        return expected;
    }

    @Test
    void readsAStreamInPiecesAsCommonsCsvParsesTheWholeText() throws IOException {
        String csv = generated(3_000, 11);
        assertTrue(csv.length() > 3 * 65_536, "the text spans several buffers");
        String small = generated(80, 5);

        RecordReader.Result streamed = CsvRecordReader.read(trickling(csv, 5_000), ';');
        RecordReader.Result trickled = CsvRecordReader.read(trickling(small, 3), null);

        assertEquals(List.of(), streamed.problems());
        assertEquals(parsedWhole(csv), streamed.records().stream().map(RawRecord::fields).toList());
        assertEquals(List.of(), trickled.problems());
        assertEquals(parsedWhole(small), trickled.records().stream().map(RawRecord::fields).toList());
    }

    @Test
    void aRecordOfSeveralLinesThatDoesNotParseIsReadAgainFromItsSecondLine() throws IOException {
        String csv = "Id;Namn;Kommun\r\n"
                + "1;\"Steget\r\nvidare\"x;Motala\r\n"
                + "2;Jobbspår;Kinda\r\n"
                + "3;Sista;Boxholm";

        RecordReader.Result result = CsvRecordReader.read(trickling(csv, 4), null);

        assertEquals(List.of("row 3", "row 4"), result.records().stream().map(RawRecord::locator).toList());
        assertEquals(List.of("2", "3"), result.records().stream().map(r -> r.get("Id")).toList());
        assertEquals(List.of("row 1", "row 2"), result.problems().stream().map(SourceProblem::locator).toList());
        assertTrue(result.problems().get(0).message().startsWith("line 2: cannot parse the row"), result.problems().get(0).message());
        assertTrue(result.problems().get(1).message().startsWith("line 3: expected 3 columns, found 2"), result.problems().get(1).message());
    }

    @Test
    void splitsAQuotelessLineWithTheTrimmingOfCommonsCsv() {
        assertEquals(List.of("a", "", "b c", "", "x"),
                CsvRecordReader.splitPlain(" a ;\t; b c\u2003 ;\u0001 ;\u2003\u0001x", ';', new ArrayList<>()));
        assertEquals(List.of("1", "", "2", ""), CsvRecordReader.splitPlain("1\t \t2\t", '\t', new ArrayList<>()));
    }

    @Test
    void aTextCutInsideTheQuotedFieldOfItsLastRecordFailsAsAWhole() {
        String csv = "Id;Namn;Beskrivning\n"
                + "1;Steget;\"Kort\"\n"
                + "2;Jobbspår;\"Första raden\nandra rad";

        IOException e = assertThrows(IOException.class, () -> CsvRecordReader.read(trickling(csv, 5), null));

        assertTrue(e.getMessage().contains("ends inside a quoted field opened on line 3"), e.getMessage());
    }

    @Test
    void aTextCutMidLineFailsAsAWhole() {
        String csv = "Id;Namn;Kommun\n1;Steget;Motala\n2;Jobbs";

        IOException e = assertThrows(IOException.class, () -> CsvRecordReader.read(trickling(csv, 3), null));

        assertTrue(e.getMessage().contains("the last line (3) stops after 2 of the header's 3 columns"), e.getMessage());
    }

    @Test
    void aQuoteNeverClosedFollowedByGoodRecordsOnlyRejectsItsRow() throws IOException {
        String csv = "Id;Namn;Kommun\n1;\"Steget;Motala\n2;Jobbspår;Kinda";

        RecordReader.Result result = CsvRecordReader.read(csv, null);

        assertEquals(List.of("2"), result.records().stream().map(r -> r.get("Id")).toList());
        assertEquals(List.of("row 1"), result.problems().stream().map(SourceProblem::locator).toList());
    }

    @Test
    void aLastLineWithoutALineBreakButEveryColumnIsARecord() throws IOException {
        RecordReader.Result result = CsvRecordReader.read("Id;Namn;Kommun\n1;Steget;Motala", null);

        assertEquals(List.of("1"), result.records().stream().map(r -> r.get("Id")).toList());
        assertEquals(List.of(), result.problems());
    }
}
