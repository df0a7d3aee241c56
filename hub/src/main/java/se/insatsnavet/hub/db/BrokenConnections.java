package se.insatsnavet.hub.db;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the connection pool to drop a connection whose database broke under it: H2 closes its store when a
 * write fails (disk full, read-only data folder) and every later statement on that session fails the same way;
 * a new connection opens the database again from its last commit, so reads go on. PostgreSQL's own failures
 * go to the pool's default rules.
 */
public final class BrokenConnections implements SQLExceptionOverride {

    /** H2: general error (the store's write failure), database closed, I/O errors, database in use by a dead store. */
    private static final Set<Integer> H2_BROKEN = Set.of(50000, 90098, 90028, 90031, 90121);

    // Qualified: the inherited SQLExceptionOverride.Override hides the annotation's simple name here.
    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        return isBroken(e) ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }

    static boolean isBroken(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (H2_BROKEN.contains(s.getErrorCode()) && s.getClass().getName().startsWith("org.h2.")) {
                return true;
            }
        }
        return false;
    }
}
