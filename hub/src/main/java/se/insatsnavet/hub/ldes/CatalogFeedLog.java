package se.insatsnavet.hub.ldes;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import se.insatsnavet.hub.db.Database;

import java.io.StringWriter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history of the hub's DCAT-AP catalogue, entity by entity ({@code dcat_feed}): {@link #record} compares
 * the catalogue as it is now with the newest recorded description of each entity and appends a create, update
 * or delete for each difference (all with one time). Blocking; one recording at a time per hub, and the
 * unique (entity, previous event) index keeps two hub nodes from appending the same change.
 */
public final class CatalogFeedLog {

    /** One event: {@code description} is the entity's N-Triples (null for a delete). */
    public record Event(long seq, Instant at, String entity, String action, String description) {

        Model model() {
            Model m = ModelFactory.createDefaultModel();
            if (description != null) {
                RDFParser.fromString(description, Lang.NTRIPLES).parse(m);
            }
            return m;
        }
    }

    static final String CREATE = "create";
    static final String UPDATE = "update";
    static final String DELETE = "delete";
    private static final int ATTEMPTS = 3;

    private final Database db;
    private final Clock clock;

    public CatalogFeedLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Appends the changes between the recorded history and {@code catalog}; returns how many. */
    public synchronized int record(Model catalog) {
        Map<String, Model> current = DcatEntities.of(catalog);
        for (int attempt = 1; ; attempt++) {
            try {
                return append(current);
            } catch (Database.DatabaseException e) {
                if (attempt == ATTEMPTS) {
                    throw e; // another node kept appending the same changes: give up, say so
                }
            }
        }
    }

    private int append(Map<String, Model> current) {
        Map<String, Event> newest = newest();
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, Model> e : current.entrySet()) {
            Event before = newest.get(e.getKey());
            if (before == null || before.action().equals(DELETE)) {
                rows.add(new Object[] {e.getKey(), CREATE, before == null ? 0L : before.seq(), ntriples(e.getValue())});
            } else if (!before.model().isIsomorphicWith(e.getValue())) {
                rows.add(new Object[] {e.getKey(), UPDATE, before.seq(), ntriples(e.getValue())});
            }
        }
        for (Event before : newest.values()) {
            if (!before.action().equals(DELETE) && !current.containsKey(before.entity())) {
                rows.add(new Object[] {before.entity(), DELETE, before.seq(), null});
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dcat_feed (published_at, entity, action, previous_seq,"
                    + " description) VALUES (?, ?, ?, ?, ?)")) {
                for (Object[] row : rows) {
                    ps.setTimestamp(1, now);
                    ps.setString(2, (String) row[0]);
                    ps.setString(3, (String) row[1]);
                    ps.setLong(4, (Long) row[2]);
                    ps.setString(5, (String) row[3]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return rows.size();
        });
    }

    /** The newest event of every entity that ever had one. */
    private Map<String, Event> newest() {
        return db.read(c -> {
            Map<String, Event> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT f.seq, f.published_at, f.entity, f.action, f.description"
                    + " FROM dcat_feed f JOIN (SELECT entity, MAX(seq) AS seq FROM dcat_feed GROUP BY entity) n ON f.seq = n.seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Event e = event(rs);
                    out.put(e.entity(), e);
                }
            }
            return out;
        });
    }

    /** Events after {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<Event> after(long afterSeq, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, published_at, entity, action, description FROM dcat_feed"
                    + " WHERE seq > ? ORDER BY seq")) {
                ps.setMaxRows(limit);
                ps.setLong(1, afterSeq);
                List<Event> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(event(rs));
                    }
                }
                return out;
            }
        });
    }

    /** The event with this sequence number, if any. */
    public Optional<Event> event(long seq) {
        return after(seq - 1, 1).stream().filter(e -> e.seq() == seq).findFirst();
    }

    private static Event event(ResultSet rs) throws SQLException {
        return new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    private static String ntriples(Model m) {
        StringWriter w = new StringWriter();
        RDFDataMgr.write(w, m, Lang.NTRIPLES);
        return w.toString();
    }
}
