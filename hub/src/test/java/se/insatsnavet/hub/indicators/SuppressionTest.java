package se.insatsnavet.hub.indicators;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which figures may be published so that no one can be identified. */
class SuppressionTest {

    private final Suppression suppression = new Suppression(5);

    private static IndicatorRecord row(String sex, Map<String, Integer> counts) {
        return new IndicatorRecord("row " + sex, "s1", "2024", sex, counts);
    }

    private static Set<String> published(Suppression.Result r, Measure m) {
        return r.figures().stream().filter(f -> f.measure() == m).map(Figure::sex).collect(Collectors.toSet());
    }

    @Test
    void whenBothWomenAndMenAreTooFewOnlyTheirTotalIsPublished() {
        Suppression.Result r = suppression.apply(List.of(row("F", Map.of("participants", 3)), row("M", Map.of("participants", 4))));
        assertEquals(Set.of("T"), published(r, Measure.PARTICIPANTS));
        assertEquals(BigDecimal.valueOf(7), r.figures().get(0).value());
        assertEquals(2, r.warnings().size(), r.warnings().toString());
    }

    @Test
    void aShareIsWithheldWhenItsRestIsTooFewSoAHundredPerCentOfAFewNeverShows() {
        Suppression.Result r = suppression.apply(List.of(
                row("F", Map.of("participants", 30, "exits", 8, "workOrStudiesAtExit", 8)),
                row("M", Map.of("participants", 30, "exits", 20, "workOrStudiesAtExit", 10))));
        assertEquals(Set.of("M"), published(r, Measure.WORK_OR_STUDIES_AT_EXIT), "women: 8 of 8; total would reveal them");
        Figure men = r.figures().stream().filter(f -> f.measure() == Measure.WORK_OR_STUDIES_AT_EXIT).findFirst().orElseThrow();
        assertEquals(new BigDecimal("50.0"), men.value());
        assertEquals(20, men.base());
        assertTrue(r.warnings().stream().allMatch(w -> w.value() == null), "no withheld count in any message");
    }

    @Test
    void aFigureReportedForOnlyOneSexHasNoTotal() {
        Suppression.Result r = suppression.apply(List.of(row("M", Map.of("participants", 12))));
        assertEquals(Set.of("M"), published(r, Measure.PARTICIPANTS));
        assertEquals(List.of(), r.warnings());
    }
}
