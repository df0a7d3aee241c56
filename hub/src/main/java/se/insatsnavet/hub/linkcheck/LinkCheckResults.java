package se.insatsnavet.hub.linkcheck;

import se.insatsnavet.hub.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/** The stored results of the link check, per federation and address. Blocking (JDBC). */
public final class LinkCheckResults {

    /** Longest address stored (longer ones are not checked). */
    public static final int MAX_URL = 1000;

    private final Database db;

    public LinkCheckResults(Database db) {
        this.db = db;
    }

    /** Keeps (or replaces) the result of one address of a federation. */
    public void save(String federation, LinkResult r) {
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM link_check WHERE federation_id = ? AND url = ?")) {
                del.setString(1, federation);
                del.setString(2, r.url());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO link_check (federation_id, url, outcome, http_status, "
                    + "checked_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, federation);
                ps.setString(2, r.url());
                ps.setString(3, r.outcome());
                if (r.status() == null) {
                    ps.setNull(4, Types.INTEGER);
                } else {
                    ps.setInt(4, r.status());
                }
                ps.setTimestamp(5, Timestamp.from(r.checkedAt()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every stored result: federation → address → result. */
    public Map<String, Map<String, LinkResult>> all() {
        return select(null);
    }

    private Map<String, Map<String, LinkResult>> select(String federation) {
        return db.read(c -> {
            Map<String, Map<String, LinkResult>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT federation_id, url, outcome, http_status, checked_at FROM link_check"
                    + (federation == null ? "" : " WHERE federation_id = ?"))) {
                if (federation != null) {
                    ps.setString(1, federation);
                }
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    int status = rs.getInt(4);
                    LinkResult r = new LinkResult(rs.getString(2), rs.getString(3), rs.wasNull() ? null : status,
                            rs.getTimestamp(5).toInstant());
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(r.url(), r);
                }
                rs.close();
            }
            return out;
        });
    }

    /** One federation's results: address → result. */
    public Map<String, LinkResult> of(String federation) {
        return select(federation).getOrDefault(federation, Map.of());
    }

    /** Forgets a federation's results (it switched the check off). */
    public void forget(String federation) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM link_check WHERE federation_id = ?")) {
                ps.setString(1, federation);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
