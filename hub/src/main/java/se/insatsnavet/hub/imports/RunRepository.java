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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Import runs, their messages, record hashes and the change log in the operational database. This class holds the
 * runs and the transactions; {@link RunMessages}, {@link RecordHashes} and {@link ChangeLogEntries} hold the SQL of
 * a run's per-record messages, the published records' hashes and the change log.
 */
public final class RunRepository {

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
                ps.setString(3, RunMessages.truncate(failure, 4000));
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
        return db.read(c -> RecordHashes.read(c, federationId, type));
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
                ps.setString(12, RunMessages.truncate(failure, 4000));
                ps.setLong(13, runId);
                ps.executeUpdate();
            }
            RunMessages.insert(c, runId, messages);
            RecordHashes.upsert(c, federationId, type, upserts, finishedAt);
            RecordHashes.delete(c, federationId, type, deletedLocalIds);
            ChangeLogEntries.insert(c, federationId, runId, changes, finishedAt);
            return null;
        });
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
            return Optional.of(report.withMessages(RunMessages.read(c, runId)));
        });
    }

    /** The latest change-log action for a service id ("added", "updated", "deleted"), if it ever existed. */
    public Optional<String> lastAction(String serviceId) {
        return db.read(c -> ChangeLogEntries.lastAction(c, serviceId));
    }

    private static final String SELECT_RUN = "SELECT id, federation_id, source_id, run_trigger, status, started_at, "
            + "finished_at, records_read, records_valid, records_added, records_updated, records_deleted, "
            + "records_unchanged, records_rejected, warnings, failure FROM import_run";

    private static RunReport run(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp(7);
        return new RunReport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                RunStatus.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                rs.getTimestamp(6).toInstant(), finished == null ? null : finished.toInstant(),
                new RunCounts(rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13),
                        rs.getInt(14), rs.getInt(15)),
                rs.getString(16), List.of());
    }
}
