package se.insatsnavet.hub.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * H2 closes its database when a write fails (a full disk): every pooled connection then fails with "database is
 * already closed". Reads and writes after that run on a new connection, which opens the database again, instead
 * of failing on a dead pooled one (as a write did before, with Hikari's "Connection is closed" hiding why).
 */
class DatabaseReopensAfterBreakTest {

    @TempDir
    Path folder;

    @Test
    void aWriteAfterTheDatabaseClosedUnderThePoolRunsOnANewConnectionAndIsKept() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Database db = Database.open(url, null, null)) {
            db.inTransaction(c -> execute(c, "CREATE TABLE note(text VARCHAR(20))"));
            db.inTransaction(c -> execute(c, "CHECKPOINT SYNC"));
            warmUpThePool(db);
            try (Connection c = db.dataSource().getConnection()) { // what H2 does itself after a failed write
                execute(c, "SHUTDOWN IMMEDIATELY");
            } catch (SQLException closedUnderTheStatement) {
                // H2 answers the shutdown itself with "database is already closed"
            }

            db.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO note VALUES (?)")) {
                    s.setString(1, "after");
                    return s.executeUpdate();
                }
            });

            assertEquals(List.of("after"), db.read(c -> {
                List<String> texts = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT text FROM note")) {
                    while (r.next()) {
                        texts.add(r.getString(1));
                    }
                }
                return texts;
            }));
        }
    }

    /** Several connections open at once, so the pool keeps idle ones that all share the database closed next. */
    private static void warmUpThePool(Database db) throws Exception {
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(db.dataSource().getConnection());
        }
        for (Connection c : held) {
            c.close();
        }
    }

    private static Object execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
        return null;
    }
}
