package se.insatsnavet.hub.usage;

import se.insatsnavet.hub.db.Database;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The daily usage counts in the operational database ({@code usage_daily}). Blocking. */
public final class UsageRepository {

    /** Most rows one read returns. */
    public static final int MAX_ROWS = 100_000;

    private final Database db;

    public UsageRepository(Database db) {
        this.db = db;
    }

    /** One day's count of one item. */
    public record Row(LocalDate day, UsageKind kind, String item, long times) {
    }

    /** Adds counts in one transaction, in batches: an update per item, an insert for the items not there yet. */
    public void add(Map<UsageCounter.Key, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            List<Map.Entry<UsageCounter.Key, Long>> entries = new ArrayList<>(counts.entrySet());
            int[] updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE usage_daily SET times = times + ? WHERE usage_day = ? AND kind = ? AND item = ?")) {
                for (Map.Entry<UsageCounter.Key, Long> e : entries) {
                    ps.setLong(1, e.getValue());
                    ps.setDate(2, Date.valueOf(e.getKey().day()));
                    ps.setString(3, e.getKey().kind().code());
                    ps.setString(4, e.getKey().item());
                    ps.addBatch();
                }
                updated = ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO usage_daily (usage_day, kind, item, times) VALUES (?, ?, ?, ?)")) {
                boolean any = false;
                for (int i = 0; i < entries.size(); i++) {
                    if (updated[i] == 0) {
                        Map.Entry<UsageCounter.Key, Long> e = entries.get(i);
                        ps.setDate(1, Date.valueOf(e.getKey().day()));
                        ps.setString(2, e.getKey().kind().code());
                        ps.setString(3, e.getKey().item());
                        ps.setLong(4, e.getValue());
                        ps.addBatch();
                        any = true;
                    }
                }
                if (any) {
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    /**
     * The counts of the days {@code from} to {@code to} (inclusive), by day, kind and item; items of
     * {@link UsageKind#NO_HITS} only when counted at least {@code minimumNoHits} times that day. At most
     * {@link #MAX_ROWS} rows.
     */
    public List<Row> read(LocalDate from, LocalDate to, int minimumNoHits) {
        return db.read(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT usage_day, kind, item, times FROM usage_daily"
                    + " WHERE usage_day >= ? AND usage_day <= ? AND (kind <> ? OR times >= ?)"
                    + " ORDER BY usage_day, kind, times DESC, item")) {
                ps.setMaxRows(MAX_ROWS);
                ps.setDate(1, Date.valueOf(from));
                ps.setDate(2, Date.valueOf(to));
                ps.setString(3, UsageKind.NO_HITS.code());
                ps.setLong(4, minimumNoHits);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UsageKind kind = UsageKind.byCode(rs.getString(2)).orElse(null);
                        if (kind != null) {
                            rows.add(new Row(rs.getDate(1).toLocalDate(), kind, rs.getString(3), rs.getLong(4)));
                        }
                    }
                }
            }
            return rows;
        });
    }
}
