package se.insatsnavet.hub.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.http.Responses;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * The quality summary of a federation as it stood right after each of its import runs (score, counts per
 * problem, the services to fix first), kept with the run so that its report shows it later. Blocking (JDBC).
 */
public final class RunQuality {

    private final Database db;

    public RunQuality(Database db) {
        this.db = db;
    }

    /** Keeps the summary computed after run {@code runId}. */
    public void record(long runId, ObjectNode summary) {
        String json = summary.toString();
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM run_quality WHERE run_id = ?")) {
                del.setLong(1, runId);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_quality (run_id, summary) VALUES (?, ?)")) {
                ps.setLong(1, runId);
                ps.setString(2, json.length() > 20_000 ? trimmed(summary) : json);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The summary kept with run {@code runId}, if any (runs from before this feature have none). */
    public Optional<ObjectNode> of(long runId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT summary FROM run_quality WHERE run_id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    try {
                        return Optional.of((ObjectNode) Responses.JSON.readTree(rs.getString(1)));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("The quality summary of run " + runId + " is not JSON", e);
                    }
                }
            }
        });
    }

    /** A summary too long to keep whole (very many kinds of problem): without the reasons of the services to fix. */
    private static String trimmed(ObjectNode summary) {
        ObjectNode copy = summary.deepCopy();
        copy.path("fixFirst").forEach(f -> ((ObjectNode) f).remove("reasons"));
        String json = copy.toString();
        return json.length() > 20_000 ? copy.without("problems").toString() : json;
    }
}
