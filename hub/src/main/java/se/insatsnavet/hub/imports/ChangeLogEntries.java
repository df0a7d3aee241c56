package se.insatsnavet.hub.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SQL of the change log ({@code change_log}) written by a finishing run, inside the transactions of {@link RunRepository}. */
final class ChangeLogEntries {

    private ChangeLogEntries() {
    }

    /** Appends a run's changes to the change log, their sequence numbers in commit order. */
    static void insert(Connection c, String federationId, long runId, List<Change> changes, Instant at)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        // one change-log writer at a time, across threads and hub nodes, until this transaction commits: the
        // sequence numbers are then taken in commit order (a reader at seq N never later finds a change below N)
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM change_log_writer WHERE id = 1 FOR UPDATE");
             ResultSet rs = lock.executeQuery()) {
            rs.next();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO change_log (changed_at, federation_id, service_id, action, run_id, record_type) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Change ch : changes) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setString(2, federationId);
                ps.setString(3, ch.id());
                ps.setString(4, ch.action().label());
                ps.setLong(5, runId);
                ps.setString(6, ch.type().label());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The latest change-log action for a service id ("added", "updated", "deleted"), if it ever existed. */
    static Optional<String> lastAction(Connection c, String serviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT action FROM change_log WHERE service_id = ? ORDER BY seq DESC")) {
            ps.setMaxRows(1);
            ps.setString(1, serviceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
