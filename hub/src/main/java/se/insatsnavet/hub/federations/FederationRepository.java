package se.insatsnavet.hub.federations;

import se.insatsnavet.hub.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Federations in the operational database (runs and hashes refer to them) and their published-record counts. */
public final class FederationRepository {

    private final Database db;

    public FederationRepository(Database db) {
        this.db = db;
    }

    /**
     * Registers a federation or updates its name and descriptor path. Hub nodes starting together may both find
     * no row and insert: the one that loses the race (a unique-key violation) updates the row the other inserted.
     */
    public void upsert(String id, String name, String descriptorPath) {
        try {
            tryUpsert(id, name, descriptorPath);
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof SQLException sql) || sql.getSQLState() == null || !sql.getSQLState().startsWith("23")) {
                throw e;
            }
            tryUpsert(id, name, descriptorPath);
        }
    }

    private void tryUpsert(String id, String name, String descriptorPath) {
        Instant now = Instant.now();
        db.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE federation SET name = ?, descriptor_path = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, name);
                update.setString(2, descriptorPath);
                update.setTimestamp(3, Timestamp.from(now));
                update.setString(4, id);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO federation (id, name, descriptor_path, "
                    + "registered_at, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, name);
                insert.setString(3, descriptorPath);
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setTimestamp(5, Timestamp.from(now));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Every registered federation's name and descriptor path (a null path as ""), by id: one query. */
    public Map<String, List<String>> registered() {
        return db.read(c -> {
            Map<String, List<String>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, descriptor_path FROM federation");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), List.of(String.valueOf(rs.getString(2)),
                            rs.getString(3) == null ? "" : rs.getString(3)));
                }
            }
            return out;
        });
    }

    /** Number of published services per federation id. */
    public Map<String, Integer> publishedCounts() {
        return db.read(c -> {
            Map<String, Integer> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT federation_id, COUNT(*) FROM record_hash WHERE record_type = 'service' GROUP BY federation_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }
}
