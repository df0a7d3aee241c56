package se.insatsnavet.hub.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The operational database: a pooled {@link DataSource} whose schema Flyway brings up to date on open.
 * H2 (file) by default; any JDBC URL Flyway supports (PostgreSQL for scale) by configuration.
 * All calls block: use them from worker threads only.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Below this much free space in an H2 database's folder a durable commit is not forced (see below). */
    static final long CHECKPOINT_MINIMUM_FREE_BYTES = 16L * 1024 * 1024;

    private final HikariDataSource dataSource;
    private final boolean h2;
    /** The folder of an H2 file database, null otherwise. */
    private final Path h2Folder;

    private Database(HikariDataSource dataSource, String jdbcUrl) {
        this.dataSource = dataSource;
        this.h2 = jdbcUrl.startsWith("jdbc:h2:");
        this.h2Folder = h2FileFolder(jdbcUrl);
    }

    /** The folder of an H2 file database URL ({@code jdbc:h2:file:/a/b/name;…} → {@code /a/b}), else null. */
    static Path h2FileFolder(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
            return null;
        }
        String path = jdbcUrl.substring("jdbc:h2:file:".length());
        int options = path.indexOf(';');
        Path file = Path.of(options < 0 ? path : path.substring(0, options)).toAbsolutePath();
        return file.getParent();
    }

    /** Opens a pool on {@code jdbcUrl} and migrates the schema (db/migration). */
    public static Database open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("insatsnavet-db");
        config.setMaximumPoolSize(8);
        config.setAutoCommit(true);
        config.setExceptionOverrideClassName(BrokenConnections.class.getName());
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, jdbcUrl);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in one JDBC transaction: committed if it returns, rolled back if it throws. If the
     * database had broken under the pooled connection before the commit (H2 after a failed write, e.g. a full
     * disk: see {@link BrokenConnections}), nothing of the transaction was committed, so it runs once more on a
     * new connection, which opens the database again from its last commit. A failure at the commit itself is
     * not retried (part of it may be on disk).
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try {
            return transactionOnce(work);
        } catch (BrokenBeforeCommit e) {
            dataSource.getHikariPoolMXBean().softEvictConnections();
            try {
                return transactionOnce(work);
            } catch (BrokenBeforeCommit again) {
                throw new DatabaseException(again.cause);
            }
        }
    }

    private <T> T transactionOnce(SqlWork<T> work) {
        boolean committing = false;
        try (Connection c = dataSource.getConnection()) {
            try {
                c.setAutoCommit(false);
                T result = work.run(c);
                committing = true;
                c.commit();
                c.setAutoCommit(true);
                return result;
            } catch (SQLException | RuntimeException e) {
                rollBack(c, e);
                throw e;
            }
        } catch (SQLException e) {
            if (!committing && BrokenConnections.isBroken(e)) {
                throw new BrokenBeforeCommit(e);
            }
            throw new DatabaseException(e);
        }
    }

    /**
     * Rolls back after {@code failure}; a connection the pool has already dropped as broken cannot roll back
     * (Hikari answers "Connection is closed"), which must not hide the failure itself.
     */
    private static void rollBack(Connection c, Exception failure) {
        try {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** A transaction whose database broke before it was committed: safe to run again on a new connection. */
    private static final class BrokenBeforeCommit extends RuntimeException {
        final SQLException cause;

        BrokenBeforeCommit(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    /**
     * Runs {@code work} in one JDBC transaction that is on disk when this returns. PostgreSQL's commit already
     * is (synchronous commit); H2 writes its commits to the file up to its write delay later (500 ms, longer
     * under load), so a process killed in between loses them: here H2 is told to write and sync its store
     * ({@code CHECKPOINT SYNC}) right after the commit. For the few rows that must outlive a crash (an import
     * run's start and finish), not for bulk writes. On a disk with almost no free space left the write is not
     * forced (a failed forced write makes H2 close the database, and with the disk full it cannot open it again,
     * so every read would fail too): the commit then reaches the disk as H2 writes on its own, which is logged.
     */
    public <T> T inDurableTransaction(SqlWork<T> work) {
        T result = inTransaction(work);
        if (h2 && !enoughSpaceToForceAWrite()) {
            LOG.warn("Less than {} MB free beside the operational database: a run's record is committed but not forced to disk",
                    CHECKPOINT_MINIMUM_FREE_BYTES / (1024 * 1024));
        } else if (h2) {
            inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT SYNC");
                }
                return null;
            });
        }
        return result;
    }

    private boolean enoughSpaceToForceAWrite() {
        if (h2Folder == null) {
            return true;
        }
        try {
            return Files.getFileStore(h2Folder).getUsableSpace() >= CHECKPOINT_MINIMUM_FREE_BYTES;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Runs read-only {@code work} on a pooled connection; once more on a new connection if the first one's
     * database had broken under it (H2 after a failed write, e.g. a full disk: see {@link BrokenConnections}).
     * Every idle connection of the pool shares that broken database, so all of them are evicted first: the new
     * connection opens the database again from its last commit.
     */
    public <T> T read(SqlWork<T> work) {
        try {
            return readOnce(work);
        } catch (DatabaseException e) {
            if (e.getCause() instanceof SQLException s && BrokenConnections.isBroken(s)) {
                dataSource.getHikariPoolMXBean().softEvictConnections();
                return readOnce(work);
            }
            throw e;
        }
    }

    private <T> T readOnce(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** An SQL failure, unchecked. */
    public static final class DatabaseException extends RuntimeException {
        public DatabaseException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
