package se.insatsnavet.hub.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The SQL of a run's per-record messages ({@code run_message}), inside the transactions of {@link RunRepository}. */
final class RunMessages {

    private static final int MAX_MESSAGE = 2000;
    private static final int MAX_VALUE = 1000;

    private RunMessages() {
    }

    /** Writes a run's messages, their texts cut to the columns' sizes. */
    static void insert(Connection c, long runId, List<RunMessage> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_message (run_id, level, locator, local_id, field, "
                + "field_value, message) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (RunMessage m : messages) {
                ps.setLong(1, runId);
                ps.setString(2, m.level());
                ps.setString(3, truncate(m.locator(), 200));
                ps.setString(4, truncate(m.localId(), 200));
                ps.setString(5, truncate(m.field(), 200));
                ps.setString(6, truncate(m.value(), MAX_VALUE));
                ps.setString(7, truncate(m.message(), MAX_MESSAGE));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The messages of a run, in the order they were written. */
    static List<RunMessage> read(Connection c, long runId) throws SQLException {
        List<RunMessage> messages = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT level, locator, local_id, field, field_value, message "
                + "FROM run_message WHERE run_id = ? ORDER BY id")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    messages.add(new RunMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return messages;
    }

    /** {@code s} cut to {@code max} characters (the last an ellipsis) when longer. */
    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
