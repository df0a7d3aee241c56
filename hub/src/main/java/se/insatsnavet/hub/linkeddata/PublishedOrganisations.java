package se.insatsnavet.hub.linkeddata;

import se.insatsnavet.hub.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Remembers every organisation that has provided a published service, so that its URI answers
 * 410 Gone once it provides none. Blocking (JDBC): call from workers or import threads.
 */
public final class PublishedOrganisations {

    private final Database db;

    public PublishedOrganisations(Database db) {
        this.db = db;
    }

    /** Records these organisation IRIs as published (those already known are left as they are). */
    public void record(Collection<String> iris) {
        if (iris.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            Set<String> known = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT iri FROM published_organisation");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO published_organisation (iri, first_published) VALUES (?, ?)")) {
                for (String iri : new HashSet<>(iris)) {
                    if (!known.contains(iri)) {
                        ps.setString(1, iri);
                        ps.setTimestamp(2, Timestamp.from(Instant.now()));
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Whether this organisation ever provided a published service. */
    public boolean wasPublished(String iri) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM published_organisation WHERE iri = ?")) {
                ps.setString(1, iri);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
