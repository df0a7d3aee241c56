package se.insatsnavet.hub.changes;

import se.insatsnavet.hub.db.Database;
import se.insatsnavet.schema.vocab.HubIris;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the change log every import writes (added, updated, deleted services and guidance articles, in commit
 * order; each entry names its record type). Blocking.
 */
public final class ChangeLog {

    private final Database db;

    public ChangeLog(Database db) {
        this.db = db;
    }

    /**
     * One change; {@code serviceId} is the record's id, a service id ({@code federation.localId}) or, when
     * {@code recordType} is {@code article}, an article id ({@code federation/localId}).
     */
    public record Entry(long seq, Instant at, String federationId, String serviceId, String action, String recordType) {

        /** A change of a service. */
        public Entry(long seq, Instant at, String federationId, String serviceId, String action) {
            this(seq, at, federationId, serviceId, action, "service");
        }

        /** Whether the change is one of a guidance article. */
        public boolean ofArticle() {
            return "article".equals(recordType);
        }

        /** The IRI of the changed record. */
        public String uri(HubIris iris) {
            return ofArticle() ? iris.article(serviceId) : iris.service(serviceId);
        }
    }

    /** Changes after sequence number {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<Entry> after(long afterSeq, String federationId, int limit) {
        return query("seq > ?", afterSeq, null, federationId, limit);
    }

    /** One change with the run that made it (what a hub node following the log needs) and its record type. */
    public record RunEntry(long seq, long runId, String federationId, String serviceId, String action, String recordType) {
    }

    /** Changes after sequence number {@code afterSeq} with their runs, oldest first, at most {@code limit}. */
    public List<RunEntry> withRunsAfter(long afterSeq, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, run_id, federation_id, service_id, action, record_type FROM change_log"
                    + " WHERE seq > ? ORDER BY seq")) {
                ps.setMaxRows(limit);
                ps.setLong(1, afterSeq);
                List<RunEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RunEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6)));
                    }
                }
                return out;
            }
        });
    }

    /** The sequence number of the newest change, 0 when the log is empty. */
    public long newestSeq() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM change_log");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Changes at or after {@code since}, oldest first, at most {@code limit}. */
    public List<Entry> since(Instant since, String federationId, int limit) {
        return query("changed_at >= ?", 0, since, federationId, limit);
    }

    /** The newest changes, newest first (for feeds). */
    public List<Entry> newest(String federationId, int limit) {
        return db.read(c -> {
            String sql = "SELECT seq, changed_at, federation_id, service_id, action, record_type FROM change_log"
                    + (federationId == null ? "" : " WHERE federation_id = ?") + " ORDER BY seq DESC";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setMaxRows(limit);
                if (federationId != null) {
                    ps.setString(1, federationId);
                }
                return entries(ps);
            }
        });
    }

    /** The change with this sequence number, if any. */
    public Optional<Entry> entry(long seq) {
        return after(seq - 1, null, 1).stream().filter(e -> e.seq() == seq).findFirst();
    }

    /** The sequence number of the newest change of each of these services (those that ever changed). */
    public Map<String, Long> newestSeqs(Collection<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Map.of();
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(serviceIds));
        return db.read(c -> {
            String sql = "SELECT service_id, MAX(seq) FROM change_log WHERE service_id IN ("
                    + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") GROUP BY service_id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setString(i + 1, ids.get(i));
                }
                Map<String, Long> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
                return out;
            }
        });
    }

    private List<Entry> query(String condition, long seq, Instant since, String federationId, int limit) {
        return db.read(c -> {
            String sql = "SELECT seq, changed_at, federation_id, service_id, action, record_type FROM change_log WHERE "
                    + condition + (federationId == null ? "" : " AND federation_id = ?") + " ORDER BY seq";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setMaxRows(limit);
                if (since != null) {
                    ps.setTimestamp(1, Timestamp.from(since));
                } else {
                    ps.setLong(1, seq);
                }
                if (federationId != null) {
                    ps.setString(2, federationId);
                }
                return entries(ps);
            }
        });
    }

    private static List<Entry> entries(PreparedStatement ps) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)));
            }
        }
        return out;
    }
}
