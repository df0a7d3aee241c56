package se.insatsnavet.hub.dcat;

import se.insatsnavet.hub.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the hub knows about the time its datasets cover, read from its own records (never invented): the first
 * and the latest change of the change log, nationally and per federation (the services datasets and their
 * change history cover that period), and the first and the last day of the usage statistics.
 *
 * @param national      first and latest change of any federation (empty before the first import)
 * @param perFederation first and latest change per federation id (federations that never changed are absent)
 * @param usageDays     first and last day with usage statistics (empty before the first written day)
 */
public record CatalogFacts(Optional<Period> national, Map<String, Period> perFederation, Optional<Days> usageDays,
                           Optional<Period> guidance) {

    /** Nothing known (a hub without records; tests). */
    public static final CatalogFacts NONE = new CatalogFacts(Optional.empty(), Map.of(), Optional.empty(), Optional.empty());

    /** The first and the latest change. */
    public record Period(Instant first, Instant latest) {
    }

    /** The first and the last day. */
    public record Days(LocalDate first, LocalDate last) {
    }

    public CatalogFacts {
        perFederation = Map.copyOf(perFederation);
    }

    /** Reads the facts (blocking: two grouped queries). */
    public static CatalogFacts read(Database db) {
        return db.read(c -> {
            Map<String, Period> perFederation = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT federation_id, MIN(changed_at), MAX(changed_at) FROM change_log WHERE record_type = 'service'"
                            + " GROUP BY federation_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    perFederation.put(rs.getString(1), new Period(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
                }
            }
            Optional<Period> national = perFederation.values().stream()
                    .reduce((a, b) -> new Period(a.first().isBefore(b.first()) ? a.first() : b.first(),
                            a.latest().isAfter(b.latest()) ? a.latest() : b.latest()));
            Optional<Days> usage = Optional.empty();
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(usage_day), MAX(usage_day) FROM usage_daily");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getDate(1) != null) {
                    usage = Optional.of(new Days(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()));
                }
            }
            Optional<Period> guidance = Optional.empty();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(changed_at), MAX(changed_at) FROM change_log WHERE record_type = 'article'");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getTimestamp(1) != null) {
                    guidance = Optional.of(new Period(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()));
                }
            }
            return new CatalogFacts(national, perFederation, usage, guidance);
        });
    }
}
