package se.insatsnavet.hub.indicators;

import java.math.BigDecimal;

/**
 * One published figure: an observation of the cube.
 *
 * @param service local id of the service
 * @param period  the year
 * @param sex     F (women), M (men) or T (total)
 * @param measure what is measured
 * @param value   a count, or a share in per cent with one decimal
 * @param base    how many persons a share is computed from; {@code null} for a count
 */
public record Figure(String service, String period, String sex, Measure measure, BigDecimal value, Integer base) {
}
