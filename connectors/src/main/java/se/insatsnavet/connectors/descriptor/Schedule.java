package se.insatsnavet.connectors.descriptor;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * When a source is polled: either a fixed interval or a Quartz cron expression (passed through untouched;
 * the hub decides how to run it).
 *
 * @param interval the interval, or {@code null} for a cron schedule
 * @param cron     the cron expression, or {@code null} for an interval schedule
 */
public record Schedule(Duration interval, String cron) {

    public Schedule {
        if ((interval == null) == (cron == null)) {
            throw new IllegalArgumentException("a schedule has either an interval or a cron expression, not both or neither");
        }
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("schedule interval must be positive, got " + interval);
        }
    }

    /** A schedule every {@code interval}. */
    public static Schedule every(Duration interval) {
        return new Schedule(Objects.requireNonNull(interval, "interval"), null);
    }

    /** A schedule by cron expression, passed through as is. */
    public static Schedule cron(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("cron expression is empty");
        }
        return new Schedule(null, expression.trim());
    }

    /**
     * From the descriptor's {@code schedule} object: an ISO-8601 {@code interval} (PT15M, PT1H, P1D) or a
     * {@code cron} expression.
     *
     * @return the schedule, or {@code null} when neither is given
     * @throws IllegalArgumentException when both are given or the interval is not an ISO-8601 duration
     */
    public static Schedule parse(String interval, String cron) {
        if (interval != null && cron != null) {
            throw new IllegalArgumentException("set either interval or cron, not both");
        }
        if (interval != null) {
            return every(Duration.ofMillis(intervalMillis(interval)));
        }
        return cron == null ? null : cron(cron);
    }

    /** An ISO-8601 duration (PT15M, PT1H, P1D, ...) in milliseconds. */
    public static long intervalMillis(String iso8601) {
        try {
            return Duration.parse(iso8601.trim()).toMillis();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 duration (e.g. PT15M, PT1H, P1D): '" + iso8601 + "'", e);
        }
    }

    public boolean isCron() {
        return cron != null;
    }

    /**
     * The interval in milliseconds (the consumer's {@code delay}).
     *
     * @throws IllegalStateException for a cron schedule
     */
    public long intervalMillis() {
        if (interval == null) {
            throw new IllegalStateException("a cron schedule has no interval: " + cron);
        }
        return interval.toMillis();
    }
}
