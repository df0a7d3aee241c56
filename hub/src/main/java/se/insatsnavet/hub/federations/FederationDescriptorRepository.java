package se.insatsnavet.hub.federations;

import se.insatsnavet.hub.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.sql.Connection;

/**
 * The descriptors sent through the admin API, in the operational database ({@code federation_descriptor}, shared
 * by the nodes of a cluster). Each access is one transaction.
 */
public final class FederationDescriptorRepository {

    /** A stored descriptor: its JSON text and that text's SHA-256. */
    public record Stored(String id, String descriptor, String sha256) {
    }

    private final Database db;

    public FederationDescriptorRepository(Database db) {
        this.db = db;
    }

    /** Every stored descriptor's hash, by id: one small query (each node's scan runs it). */
    public Map<String, String> hashes() {
        return db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, sha256 FROM federation_descriptor ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    public Optional<Stored> get(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT descriptor, sha256 FROM federation_descriptor WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Stored(id, rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    /** Stores (or replaces) a descriptor; returns whether it replaced one. */
    public boolean put(String id, String descriptor, String sha256, String actor) {
        return db.inTransaction(c -> {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE federation_descriptor SET descriptor = ?, sha256 = ?, updated_at = ?, updated_by = ? WHERE id = ?")) {
                update.setString(1, descriptor);
                update.setString(2, sha256);
                update.setTimestamp(3, now);
                update.setString(4, actor);
                update.setString(5, id);
                if (update.executeUpdate() > 0) {
                    return true;
                }
            }
            insert(c, id, descriptor, sha256, actor, now);
            return false;
        });
    }

    private static void insert(Connection c, String id, String descriptor, String sha256, String actor, Timestamp now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO federation_descriptor (id, descriptor, sha256, "
                + "updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, descriptor);
            insert.setString(3, sha256);
            insert.setTimestamp(4, now);
            insert.setString(5, actor);
            insert.executeUpdate();
        }
    }

    /** Removes a stored descriptor; returns whether there was one. */
    public boolean delete(String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM federation_descriptor WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
