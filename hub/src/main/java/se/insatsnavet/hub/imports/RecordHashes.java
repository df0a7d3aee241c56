package se.insatsnavet.hub.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the published records' hashes ({@code record_hash}: what a run compares each record read with), inside
 * the transactions of {@link RunRepository}, with each record's warnings as kept ({@link RecordWarnings}).
 */
final class RecordHashes {

    private RecordHashes() {
    }

    /** The last published hash of every record of one type of a federation, by local id. */
    static Map<String, RecordHash> read(Connection c, String federationId, RecordType type) throws SQLException {
        Map<String, RecordHash> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT local_id, source_id, service_id, content_hash, raw_hash, warnings "
                + "FROM record_hash WHERE federation_id = ? AND record_type = ?")) {
            ps.setString(1, federationId);
            ps.setString(2, type.label());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new RecordHash(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    /** Writes the hashes of records a run published (replacing any earlier ones of the same local ids). */
    static void upsert(Connection c, String federationId, RecordType type, List<RecordHash> upserts, Instant at)
            throws SQLException {
        if (upserts.isEmpty()) {
            return;
        }
        // Portable upsert: delete then insert inside the same transaction.
        delete(c, federationId, type, upserts.stream().map(RecordHash::localId).toList());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_hash (federation_id, local_id, source_id, "
                + "service_id, content_hash, updated_at, raw_hash, record_type, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RecordHash h : upserts) {
                ps.setString(1, federationId);
                ps.setString(2, h.localId());
                ps.setString(3, h.sourceId());
                ps.setString(4, h.serviceId());
                ps.setString(5, h.contentHash());
                ps.setTimestamp(6, Timestamp.from(at));
                ps.setString(7, h.rawHash());
                ps.setString(8, type.label());
                ps.setString(9, h.warnings());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Removes the hashes of records a run deleted. */
    static void delete(Connection c, String federationId, RecordType type, List<String> localIds)
            throws SQLException {
        if (localIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM record_hash WHERE federation_id = ? AND local_id = ? AND record_type = ?")) {
            for (String id : localIds) {
                ps.setString(1, federationId);
                ps.setString(2, id);
                ps.setString(3, type.label());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
