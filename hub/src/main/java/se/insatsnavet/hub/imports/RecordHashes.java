package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the published records' hashes ({@code record_hash}: what a run compares each record read with), inside
 * the transactions of {@link RunRepository}. A record's warnings are kept as a JSON array of {@code field},
 * {@code value} and {@code message} (its id is the row's; where it was read is the next run's).
 */
final class RecordHashes {

    private static final ObjectMapper JSON = new ObjectMapper();

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
                    String localId = rs.getString(1);
                    out.put(localId, new RecordHash(localId, rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), warnings(localId, rs.getString(6))));
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
                ps.setString(9, json(h.warnings()));
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

    /** A record's warnings as stored: {@code null} for none. */
    private static String json(List<RunMessage> warnings) {
        if (warnings.isEmpty()) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        for (RunMessage w : warnings) {
            array.addObject().put("field", w.field()).put("value", w.value()).put("message", w.message());
        }
        return array.toString();
    }

    /** The warnings stored for record {@code localId} (where they were read is left to the run that repeats them). */
    private static List<RunMessage> warnings(String localId, String json) throws SQLException {
        if (json == null) {
            return List.of();
        }
        try {
            List<RunMessage> out = new ArrayList<>();
            for (JsonNode w : JSON.readTree(json)) {
                out.add(RunMessage.warning(null, localId, text(w, "field"), text(w, "value"), text(w, "message")));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new SQLException("The stored warnings of record " + localId + " are not JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
