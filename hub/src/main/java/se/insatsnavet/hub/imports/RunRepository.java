package se.insatsnavet.hub.imports;

import se.insatsnavet.hub.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Import runs, their messages, record hashes and the change log in the operational database. */
public final class RunRepository {

    private static final int MAX_MESSAGE = 2000;
    private static final int MAX_VALUE = 1000;

    private final Database db;

    public RunRepository(Database db) {
        this.db = db;
    }

    /** Why a push left {@code running} by a stopped hub (node) is interrupted: its body went with that node. */
    public static final String PUSH_INTERRUPTED = "The hub node that took this push stopped before committing it; nothing"
            + " of it was published. The push must be sent again: the hub does not keep a pushed body.";

    /** How many runs a stop left unfinished were marked interrupted: pushes (to be re-sent) and source reads. */
    public record Interrupted(int pushes, int reads) {

        public int total() {
            return pushes + reads;
        }
    }

    /** Marks runs left {@code running} by a hub that died as {@code interrupted}; returns how many. */
    public Interrupted markInterrupted() {
        return markInterrupted(null, "The hub stopped during this run; nothing of it was published.");
    }

    /**
     * Marks the runs of one federation left {@code running} as {@code interrupted}; returns how many. Only safe
     * while holding the federation's import lock (then no run of it can really be under way): with several
     * hub nodes, the runs a dead node left behind. A push's run says that the push must be sent again.
     */
    public Interrupted markInterrupted(String federationId) {
        return markInterrupted(federationId, "The hub node running this import stopped; nothing of it was published.");
    }

    private Interrupted markInterrupted(String federationId, String readFailure) {
        return db.inDurableTransaction(c -> {
            String sql = "UPDATE import_run SET status = ?, finished_at = ?, failure = ? WHERE status = ? AND "
                    + "source_id %s ?" + (federationId == null ? "" : " AND federation_id = ?");
            int pushes = markInterrupted(c, sql.formatted("="), PUSH_INTERRUPTED, federationId);
            int reads = markInterrupted(c, sql.formatted("<>"), readFailure, federationId);
            return new Interrupted(pushes, reads);
        });
    }

    private static int markInterrupted(Connection c, String sql, String failure, String federationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, RunStatus.INTERRUPTED.label());
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setString(3, failure);
            ps.setString(4, RunStatus.RUNNING.label());
            ps.setString(5, PushSource.KIND);
            if (federationId != null) {
                ps.setString(6, federationId);
            }
            return ps.executeUpdate();
        }
    }

    /** Ends a run still marked running as failed (its full record could not be written earlier). */
    public void markFailed(long runId, String failure, Instant finishedAt) {
        db.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE import_run SET status = ?, finished_at = ?, failure = ? WHERE id = ? AND status = ?")) {
                ps.setString(1, RunStatus.FAILED.label());
                ps.setTimestamp(2, Timestamp.from(finishedAt));
                ps.setString(3, truncate(failure, 4000));
                ps.setLong(4, runId);
                ps.setString(5, RunStatus.RUNNING.label());
                return ps.executeUpdate();
            }
        });
    }

    /** Whether any run of the federation is recorded as {@code running} or as its source's newest run {@code interrupted}. */
    public boolean hasUnfinished(String federationId) {
        return !sourcesInterrupted(federationId).isEmpty() || db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM import_run WHERE federation_id = ? AND status = ?")) {
                ps.setMaxRows(1);
                ps.setString(1, federationId);
                ps.setString(2, RunStatus.RUNNING.label());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The sources of a federation whose newest run was interrupted (and not yet run again). */
    public List<String> sourcesInterrupted(String federationId) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.source_id FROM import_run r WHERE r.federation_id = ?"
                    + " AND r.status = ? AND r.id = (SELECT MAX(n.id) FROM import_run n WHERE n.federation_id = r.federation_id"
                    + " AND n.source_id = r.source_id) ORDER BY r.source_id")) {
                ps.setString(1, federationId);
                ps.setString(2, RunStatus.INTERRUPTED.label());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** When the newest finished (succeeded or failed) run of a source started, if it ever ran. */
    public Optional<Instant> lastFinishedStart(String federationId, String sourceId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT started_at FROM import_run WHERE federation_id = ?"
                    + " AND source_id = ? AND status IN ('succeeded', 'failed') ORDER BY id DESC")) {
                ps.setMaxRows(1);
                ps.setString(1, federationId);
                ps.setString(2, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.<Instant>empty();
                }
            }
        });
    }

    /** Records the start of a run, durably (a run killed right after is still found and marked interrupted); returns its id. */
    public long start(String federationId, String sourceId, String trigger, Instant startedAt) {
        return db.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO import_run (federation_id, source_id, run_trigger, status, started_at) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, federationId);
                ps.setString(2, sourceId);
                ps.setString(3, trigger);
                ps.setString(4, RunStatus.RUNNING.label());
                ps.setTimestamp(5, Timestamp.from(startedAt));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** The last published hash of every service of a federation, by local id. */
    public Map<String, RecordHash> hashes(String federationId) {
        return hashes(federationId, RecordType.SERVICE);
    }

    /** The last published hash of every record of one type of a federation, by local id. */
    public Map<String, RecordHash> hashes(String federationId, RecordType type) {
        return db.read(c -> {
            Map<String, RecordHash> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT local_id, source_id, service_id, content_hash, raw_hash "
                    + "FROM record_hash WHERE federation_id = ? AND record_type = ?")) {
                ps.setString(1, federationId);
                ps.setString(2, type.label());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new RecordHash(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Finishes a run in one transaction: its counts and messages, the new record hashes (upserted),
     * the hashes of deleted records removed, and the change log entries; on disk when this returns.
     */
    public void finish(long runId, String federationId, RunStatus status, RunCounts counts, String fingerprint,
                       String failure, List<RunMessage> messages, List<RecordHash> upserts, List<String> deletedLocalIds,
                       List<Change> changes, Instant finishedAt) {
        finish(runId, federationId, RecordType.SERVICE, status, counts, fingerprint, failure, messages, upserts, deletedLocalIds,
                changes, finishedAt);
    }

    /** {@link #finish} of a run that published records of {@code type} (the hashes are those of that type). */
    public void finish(long runId, String federationId, RecordType type, RunStatus status, RunCounts counts, String fingerprint,
                       String failure, List<RunMessage> messages, List<RecordHash> upserts, List<String> deletedLocalIds,
                       List<Change> changes, Instant finishedAt) {
        db.inDurableTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE import_run SET status = ?, finished_at = ?, records_read = ?, "
                    + "records_valid = ?, records_added = ?, records_updated = ?, records_deleted = ?, records_unchanged = ?, "
                    + "records_rejected = ?, warnings = ?, source_fingerprint = ?, failure = ? WHERE id = ?")) {
                ps.setString(1, status.label());
                ps.setTimestamp(2, Timestamp.from(finishedAt));
                ps.setInt(3, counts.read());
                ps.setInt(4, counts.valid());
                ps.setInt(5, counts.added());
                ps.setInt(6, counts.updated());
                ps.setInt(7, counts.deleted());
                ps.setInt(8, counts.unchanged());
                ps.setInt(9, counts.rejected());
                ps.setInt(10, counts.warnings());
                ps.setString(11, fingerprint);
                ps.setString(12, truncate(failure, 4000));
                ps.setLong(13, runId);
                ps.executeUpdate();
            }
            insertMessages(c, runId, messages);
            upsertHashes(c, federationId, type, upserts, finishedAt);
            deleteHashes(c, federationId, type, deletedLocalIds);
            insertChanges(c, federationId, runId, changes, finishedAt);
            return null;
        });
    }

    private static void insertMessages(Connection c, long runId, List<RunMessage> messages) throws SQLException {
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

    private static void upsertHashes(Connection c, String federationId, RecordType type, List<RecordHash> upserts, Instant at)
            throws SQLException {
        if (upserts.isEmpty()) {
            return;
        }
        // Portable upsert: delete then insert inside the same transaction.
        deleteHashes(c, federationId, type, upserts.stream().map(RecordHash::localId).toList());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_hash (federation_id, local_id, source_id, "
                + "service_id, content_hash, updated_at, raw_hash, record_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RecordHash h : upserts) {
                ps.setString(1, federationId);
                ps.setString(2, h.localId());
                ps.setString(3, h.sourceId());
                ps.setString(4, h.serviceId());
                ps.setString(5, h.contentHash());
                ps.setTimestamp(6, Timestamp.from(at));
                ps.setString(7, h.rawHash());
                ps.setString(8, type.label());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void deleteHashes(Connection c, String federationId, RecordType type, List<String> localIds)
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

    private static void insertChanges(Connection c, String federationId, long runId, List<Change> changes, Instant at)
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

    /** The source fingerprint and counts of a source's newest succeeded run. */
    public record LastSucceeded(String fingerprint, RunCounts counts) {
    }

    /** The source's newest succeeded run, if any. */
    public Optional<LastSucceeded> lastSucceeded(String federationId, String sourceId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT source_fingerprint, records_read, records_valid, records_added,"
                    + " records_updated, records_deleted, records_unchanged, records_rejected, warnings FROM import_run"
                    + " WHERE federation_id = ? AND source_id = ? AND status = 'succeeded' ORDER BY id DESC")) {
                ps.setMaxRows(1);
                ps.setString(1, federationId);
                ps.setString(2, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<LastSucceeded>empty();
                    }
                    return Optional.of(new LastSucceeded(rs.getString(1), new RunCounts(rs.getInt(2), rs.getInt(3), rs.getInt(4),
                            rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9))));
                }
            }
        });
    }

    /** Whether {@code fingerprint} is the source fingerprint of the source's newest succeeded run. */
    public boolean lastImported(String federationId, String sourceId, String fingerprint) {
        return fingerprint != null && lastSucceeded(federationId, sourceId).map(l -> fingerprint.equals(l.fingerprint())).orElse(false);
    }

    /** The newest runs of a federation, newest first, without their messages. */
    public List<RunReport> runs(String federationId, int limit) {
        return db.read(c -> {
            List<RunReport> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT_RUN + " WHERE federation_id = ? ORDER BY id DESC")) {
                ps.setMaxRows(limit);
                ps.setString(1, federationId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(run(rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The newest run of a federation's source, or of any source but that one ({@code except}), without its
     * messages: a federation's services runs and its indicators runs told apart.
     */
    public Optional<RunReport> newestRun(String federationId, String sourceId, boolean except) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_RUN + " WHERE federation_id = ? AND "
                    + (except ? "source_id <> ?" : "source_id = ?") + " ORDER BY id DESC")) {
                ps.setMaxRows(1);
                ps.setString(1, federationId);
                ps.setString(2, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(run(rs)) : Optional.<RunReport>empty();
                }
            }
        });
    }

    /** One run of a federation with all its messages. */
    public Optional<RunReport> run(String federationId, long runId) {
        return db.read(c -> {
            RunReport report;
            try (PreparedStatement ps = c.prepareStatement(SELECT_RUN + " WHERE federation_id = ? AND id = ?")) {
                ps.setString(1, federationId);
                ps.setLong(2, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    report = run(rs);
                }
            }
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
            return Optional.of(report.withMessages(messages));
        });
    }

    /** The latest change-log action for a service id ("added", "updated", "deleted"), if it ever existed. */
    public Optional<String> lastAction(String serviceId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT action FROM change_log WHERE service_id = ? ORDER BY seq DESC")) {
                ps.setMaxRows(1);
                ps.setString(1, serviceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private static final String SELECT_RUN = "SELECT id, federation_id, source_id, run_trigger, status, started_at, "
            + "finished_at, records_read, records_valid, records_added, records_updated, records_deleted, "
            + "records_unchanged, records_rejected, warnings, failure FROM import_run";

    private static RunReport run(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp(7);
        return new RunReport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                RunStatus.valueOf(rs.getString(5).toUpperCase(java.util.Locale.ROOT)),
                rs.getTimestamp(6).toInstant(), finished == null ? null : finished.toInstant(),
                new RunCounts(rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13),
                        rs.getInt(14), rs.getInt(15)),
                rs.getString(16), List.of());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
