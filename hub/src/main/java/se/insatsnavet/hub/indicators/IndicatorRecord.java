package se.insatsnavet.hub.indicators;

import java.util.Map;

/**
 * One valid row of a federation's indicators source: the counts of one service, year and sex.
 *
 * @param locator where the row is in the source ("row 7", "records[3]")
 * @param service the service's local id
 * @param period  the year, four digits
 * @param sex     {@code F} or {@code M}
 * @param counts  field name → count, only the fields the row reports
 */
public record IndicatorRecord(String locator, String service, String period, String sex, Map<String, Integer> counts) {

    public IndicatorRecord {
        counts = Map.copyOf(counts);
    }

    /** The count of a field, or {@code null} when the row does not report it. */
    public Integer count(String field) {
        return counts.get(field);
    }
}
