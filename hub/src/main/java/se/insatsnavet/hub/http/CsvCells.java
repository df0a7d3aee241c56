package se.insatsnavet.hub.http;

import java.math.BigDecimal;

/**
 * CSV cells (RFC 4180) that are safe to open in a spreadsheet: every text cell quoted with its quotes
 * doubled, and a text that starts with {@code = + - @}, a tab or a carriage return prefixed with an
 * apostrophe so that no spreadsheet runs it as a formula.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** A quoted, formula-safe text cell; {@code null} is an empty cell. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    /** A number cell; {@code null} is an empty cell. */
    public static String number(Number value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
