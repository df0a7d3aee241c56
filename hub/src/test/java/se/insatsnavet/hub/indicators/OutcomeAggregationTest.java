package se.insatsnavet.hub.indicators;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The sums per area: counts summed, complementary suppression of a total, numerators recovered exactly. */
class OutcomeAggregationTest {

    private static IndicatorQuery.Row row(String service, String sex, Figure... figures) {
        Map<Measure, Figure> map = new EnumMap<>(Measure.class);
        for (Figure f : figures) {
            map.put(f.measure(), f);
        }
        return new IndicatorQuery.Row(service, "2024", sex, map);
    }

    private static Figure participants(String service, String sex, int n) {
        return new Figure(service, "2024", sex, Measure.PARTICIPANTS, BigDecimal.valueOf(n), null);
    }

    @Test
    void aTotalIsWithheldWhenExactlyOneOfWomenAndMenIs() {
        // x publishes women and a total but no men (as if withheld); y all three: women are complete, men not
        List<IndicatorQuery.Row> rows = List.of(row("f.x", "F", participants("f.x", "F", 9)),
                row("f.y", "F", participants("f.y", "F", 6)), row("f.y", "M", participants("f.y", "M", 7)),
                row("f.y", "T", participants("f.y", "T", 13)), row("f.x", "T", participants("f.x", "T", 20)));
        OutcomeAggregation.Result r = OutcomeAggregation.aggregate(rows, Map.of("f.x", Set.of("05"), "f.y", Set.of("05")), 5, false);
        Map<String, Map<Measure, OutcomeAggregation.Sum>> sums = r.of("05").get(0).bySex();
        assertEquals(15L, sums.get("F").get(Measure.PARTICIPANTS).count());
        assertEquals(OutcomeAggregation.Withheld.INCOMPLETE, sums.get("M").get(Measure.PARTICIPANTS).withheld());
        OutcomeAggregation.Sum total = sums.get("T").get(Measure.PARTICIPANTS);
        assertEquals(OutcomeAggregation.Withheld.COMPLEMENTARY, total.withheld(), "33 - 15 would give the men's 18");
        assertNull(total.count());
        assertFalse(total.shown());
        assertEquals(List.of("SE", "05"), List.copyOf(r.byArea().keySet()), "the country first");
    }

    @Test
    void aSharesNumeratorIsRecoveredExactlyForEveryBaseUnderAThousand() {
        for (int base = 1; base < 1000; base++) {
            for (int count = 0; count <= base; count++) {
                BigDecimal share = BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(base), 1, java.math.RoundingMode.HALF_UP);
                long back = OutcomeAggregation.numerator(new Figure("f.x", "2024", "F", Measure.WORK_OR_STUDIES_AT_EXIT, share, base));
                if (back != count) {
                    throw new AssertionError(count + " of " + base + " came back as " + back);
                }
            }
        }
    }
}
