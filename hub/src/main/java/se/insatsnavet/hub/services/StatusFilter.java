package se.insatsnavet.hub.services;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The values of a search's status filter ({@link ServiceFilter.More#status()}) and what "current" means.
 * <ul>
 *   <li>{@value #CURRENT}: what the public search, Hittaguiden, {@code /api/services} and the HSDS list show when
 *   no status is asked for: services that are active now, and planned services whose period starts within
 *   {@link #SOON_DAYS} days (or has already started); never paused or ended ones;</li>
 *   <li>{@value #ALL}: every status;</li>
 *   <li>one or several status codes separated by commas ({@code active}, {@code planned}, {@code paused},
 *   {@code ended}): services with any of them.</li>
 * </ul>
 * A null status (internal callers: counts per federation, duplicates, dumps) means every status, as {@value #ALL}.
 */
public final class StatusFilter {

    public static final String CURRENT = "current";
    public static final String ALL = "all";
    public static final String ACTIVE = "active";
    public static final String PLANNED = "planned";
    public static final String PAUSED = "paused";
    public static final String ENDED = "ended";
    /** The status codes of the schema's status scheme (a service without one is active). */
    public static final List<String> CODES = List.of(ACTIVE, PLANNED, PAUSED, ENDED);
    /** What the {@code status} parameter accepts. */
    public static final String PARAMETER = "current|all|(active|planned|paused|ended)(,(active|planned|paused|ended)){0,3}";
    /** A planned service is shown as current when its period starts within this many days (default 90). */
    public static final int SOON_DAYS = Integer.getInteger("insatsnavet.status.plannedSoonDays", 90);

    private StatusFilter() {
    }

    /** The last start date of a planned service that is shown as current on {@code today}. */
    public static LocalDate soon(LocalDate today) {
        return today.plusDays(SOON_DAYS);
    }

    /** The status code of an item (a service without one is active). */
    public static String status(JsonNode item) {
        return item.path("status").asText(ACTIVE);
    }

    /** The start date of an item's period, if it has a valid one. */
    public static Optional<LocalDate> start(JsonNode item) {
        String start = item.path("period").path("start").asText("");
        try {
            return start.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(start));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether an item is current on {@code today} (the rule of {@value #CURRENT}). */
    public static boolean isCurrent(JsonNode item, LocalDate today) {
        String status = status(item);
        if (ACTIVE.equals(status)) {
            return true;
        }
        return PLANNED.equals(status) && start(item).map(d -> !d.isAfter(soon(today))).orElse(false);
    }

    /** Whether a filter value restricts the statuses by code (neither null, {@value #ALL} nor {@value #CURRENT}). */
    public static boolean byCodes(String value) {
        return value != null && !ALL.equals(value) && !CURRENT.equals(value);
    }
}
