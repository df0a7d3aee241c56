package se.insatsnavet.hub.duplicates;

import se.insatsnavet.hub.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Editors' decisions on pairs of services: confirmed (the same service) or rejected (not). Blocking (JDBC). */
public final class DuplicateDecisions {

    public static final String CONFIRMED = "confirmed";
    public static final String REJECTED = "rejected";

    private final Database db;

    public DuplicateDecisions(Database db) {
        this.db = db;
    }

    /**
     * One decision on the pair of {@code serviceA < serviceB}.
     *
     * @param score the candidate's score when it was decided, or null when the pair was not a candidate
     */
    public record Decision(String serviceA, String serviceB, String federationA, String federationB, String decision,
                           Integer score, String decidedBy, Instant decidedAt) {

        public String key() {
            return Candidate.pairKey(serviceA, serviceB);
        }
    }

    /** Records (or replaces) the decision on a pair. */
    public void decide(Decision d) {
        db.inTransaction(c -> {
            delete(c, d.serviceA(), d.serviceB());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO duplicate_decision (service_a, service_b, federation_a, "
                    + "federation_b, decision, score, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, d.serviceA());
                ps.setString(2, d.serviceB());
                ps.setString(3, d.federationA());
                ps.setString(4, d.federationB());
                ps.setString(5, d.decision());
                if (d.score() == null) {
                    ps.setNull(6, Types.INTEGER);
                } else {
                    ps.setInt(6, d.score());
                }
                ps.setString(7, d.decidedBy().length() > 300 ? d.decidedBy().substring(0, 300) : d.decidedBy());
                ps.setTimestamp(8, Timestamp.from(d.decidedAt()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Withdraws the decision on a pair; false when there was none. */
    public boolean withdraw(String serviceA, String serviceB) {
        return db.inTransaction(c -> delete(c, serviceA, serviceB) > 0);
    }

    /** Every decision, or only those with {@code decision} when it is not null, in pair order. */
    public List<Decision> all(String decision) {
        return db.read(c -> {
            List<Decision> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT service_a, service_b, federation_a, federation_b, decision, "
                    + "score, decided_by, decided_at FROM duplicate_decision"
                    + (decision == null ? "" : " WHERE decision = ?") + " ORDER BY service_a, service_b")) {
                if (decision != null) {
                    ps.setString(1, decision);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int score = rs.getInt(6);
                        out.add(new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.wasNull() ? null : score, rs.getString(7), rs.getTimestamp(8).toInstant()));
                    }
                }
            }
            return out;
        });
    }

    private static int delete(Connection c, String a, String b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM duplicate_decision WHERE service_a = ? AND service_b = ?")) {
            ps.setString(1, a);
            ps.setString(2, b);
            return ps.executeUpdate();
        }
    }
}
