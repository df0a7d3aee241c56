package se.insatsnavet.hub.security;

import se.insatsnavet.hub.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Who wrote what, when: one row per write request, refused ones included. Blocking. */
public final class AuditLog {

    private final Database db;

    public AuditLog(Database db) {
        this.db = db;
    }

    /** One audited write. */
    public record Entry(Instant at, Long tokenId, String actor, String method, String path, int status, String detail) {
    }

    public void record(Entry e) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (at, token_id, actor, method, path, status, "
                    + "detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setTimestamp(1, Timestamp.from(e.at()));
                if (e.tokenId() == null) {
                    ps.setNull(2, Types.BIGINT);
                } else {
                    ps.setLong(2, e.tokenId());
                }
                ps.setString(3, truncate(e.actor(), 200));
                ps.setString(4, e.method());
                ps.setString(5, truncate(e.path(), 1000));
                ps.setInt(6, e.status());
                ps.setString(7, truncate(e.detail(), 2000));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The newest entries, newest first. */
    public List<Entry> recent(int limit) {
        return db.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT at, token_id, actor, method, path, status, detail FROM audit_log ORDER BY id DESC")) {
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long token = rs.getLong(2);
                        out.add(new Entry(rs.getTimestamp(1).toInstant(), rs.wasNull() ? null : token, rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
