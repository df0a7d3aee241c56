package se.insatsnavet.hub.indicators;

import se.insatsnavet.hub.imports.RunMessage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns valid rows into the figures that may be published, so that no one can be identified.
 *
 * <ul>
 *   <li>Primary suppression: a figure is published only if every cell behind it holds at least the minimum
 *       count: a count figure's count; for a share, its numerator, its base and the rest of the base
 *       ({@code base - numerator}: a share of 100 % or 0 % of a few people would tell each one's outcome).</li>
 *   <li>Totals: the total (T) is women + men, computed only when both rows report the field.</li>
 *   <li>Complementary suppression: when exactly one of women and men is suppressed, the total is withheld
 *       too, so the suppressed figure cannot be worked out as total minus the other.</li>
 * </ul>
 * Every withheld figure is reported as a warning naming the row and field, never with the small count.
 */
public final class Suppression {

    /** Minimum cell count by default (the common Swedish practice for statistics about persons). */
    public static final int DEFAULT_MINIMUM = 5;

    private final int minimum;

    public Suppression(int minimum) {
        if (minimum < 1) {
            throw new IllegalArgumentException("minimum count must be at least 1, was " + minimum);
        }
        this.minimum = minimum;
    }

    public int minimum() {
        return minimum;
    }

    /** The publishable figures and the warnings about the withheld ones. */
    public record Result(List<Figure> figures, List<RunMessage> warnings) {
    }

    public Result apply(List<IndicatorRecord> records) {
        Map<String, Map<String, IndicatorRecord>> byServiceAndYear = new LinkedHashMap<>();
        for (IndicatorRecord r : records) {
            byServiceAndYear.computeIfAbsent(r.service() + "\u0000" + r.period(), k -> new LinkedHashMap<>()).put(r.sex(), r);
        }
        List<Figure> figures = new ArrayList<>();
        List<RunMessage> warnings = new ArrayList<>();
        for (Map<String, IndicatorRecord> bySex : byServiceAndYear.values()) {
            IndicatorRecord women = bySex.get("F");
            IndicatorRecord men = bySex.get("M");
            for (Measure measure : Measure.values()) {
                Cells f = cells(women, measure);
                Cells m = cells(men, measure);
                boolean fOk = f != null && f.publishable(minimum);
                boolean mOk = m != null && m.publishable(minimum);
                if (f != null) {
                    if (fOk) {
                        figures.add(figure(women, "F", measure, f));
                    } else {
                        warnings.add(withheld(women, measure, "below the minimum count"));
                    }
                }
                if (m != null) {
                    if (mOk) {
                        figures.add(figure(men, "M", measure, m));
                    } else {
                        warnings.add(withheld(men, measure, "below the minimum count"));
                    }
                }
                if (f == null || m == null) {
                    continue;
                }
                Cells t = new Cells(f.count + m.count, f.base == null ? null : f.base + m.base);
                if (fOk != mOk) {
                    IndicatorRecord published = fOk ? women : men;
                    warnings.add(withheld(published, measure, "the total is withheld so that the suppressed figure of "
                            + (fOk ? "men" : "women") + " cannot be derived from it"));
                } else if (t.publishable(minimum)) {
                    figures.add(figure(women, "T", measure, t));
                }
            }
        }
        return new Result(figures, warnings);
    }

    private RunMessage withheld(IndicatorRecord r, Measure measure, String why) {
        String field = measure.field();
        String message = measure.isShare()
                ? "The share " + measure.key() + " is not published: " + why + " (" + minimum + " persons in "
                        + field + ", in " + measure.baseField() + " and in the rest of " + measure.baseField() + ")"
                : "The count " + field + " is not published: " + why + " (" + minimum + ")";
        if (why.startsWith("the total")) {
            message = "The total of " + measure.key() + " is not published: " + why;
        }
        return RunMessage.warning(r.locator(), r.service(), field, null, message);
    }

    private static Cells cells(IndicatorRecord r, Measure measure) {
        if (r == null) {
            return null;
        }
        Integer count = r.count(measure.field());
        if (count == null) {
            return null;
        }
        if (!measure.isShare()) {
            return new Cells(count, null);
        }
        Integer base = r.count(measure.baseField());
        return base == null ? null : new Cells(count, base);
    }

    private static Figure figure(IndicatorRecord r, String sex, Measure measure, Cells c) {
        BigDecimal value = c.base == null ? BigDecimal.valueOf(c.count)
                : BigDecimal.valueOf(c.count * 100L).divide(BigDecimal.valueOf(c.base), 1, RoundingMode.HALF_UP);
        return new Figure(r.service(), r.period(), sex, measure, value, c.base);
    }

    /**
     * Whether a figure from these cells may be published: a count of at least {@code minimum}; for a share
     * ({@code base} not null) its numerator, its base and the rest of the base each at least {@code minimum}.
     */
    static boolean publishable(long count, Long base, int minimum) {
        if (base == null) {
            return count >= minimum;
        }
        return base > 0 && count >= minimum && base >= minimum && base - count >= minimum;
    }

    /** The cells behind one figure: a count, or a share's numerator and base. */
    private record Cells(int count, Integer base) {
        boolean publishable(int minimum) {
            return Suppression.publishable(count, base == null ? null : base.longValue(), minimum);
        }
    }
}
