package se.insatsnavet.hub.ops;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.store.CatalogStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Backups while the hub serves, and restore into an empty data folder.
 *
 * <p>A backup is a folder {@code <data>/backups/<UTC time>/} with {@code catalogue.nq.gz} (every graph, from one
 * read transaction: a consistent snapshot) and {@code database.zip} (H2's online {@code BACKUP}; with another
 * database, use its own tool, e.g. {@code pg_dump}). The two are taken one after the other: should an import
 * commit in between, the database's record hashes lag the graphs, and the next import of that source rewrites
 * the same content (as after a crash), so the restored hub converges.
 *
 * <p>When the catalogue lives in a remote SPARQL store ({@code --sparql-store}), backing it up is the store's
 * own job (Fuseki: {@code POST /$/backup/<dataset>}); the backup then holds the database only.
 */
public final class Backup {

    /**
     * What a backup wrote: the number of quads of {@code catalogue.nq.gz} (-1 when the catalogue lives in a
     * remote SPARQL store, which backs up its own data) and whether {@code database.zip} was written.
     */
    public record Result(Path dir, long quads, boolean database) {

        public boolean catalogue() {
            return quads >= 0;
        }
    }

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Backup() {
    }

    /** Writes a backup under {@code backupsDir}. Blocking. */
    public static Result write(CatalogStore store, Database db, String jdbcUrl, Path backupsDir) {
        try {
            Path dir = Files.createDirectories(backupsDir.resolve(NAME.format(Instant.now())));
            long quads = -1;
            if (!store.isRemote()) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("catalogue.nq.gz")))) {
                    long[] count = {0};
                    store.exportDataset(new StreamRDFWrapper(StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS)) {
                        @Override
                        public void quad(Quad quad) {
                            count[0]++;
                            super.quad(quad);
                        }
                    });
                    quads = count[0];
                }
            }
            boolean h2 = jdbcUrl.startsWith("jdbc:h2:");
            if (h2) {
                String target = dir.resolve("database.zip").toAbsolutePath().toString().replace("'", "''");
                db.read(c -> {
                    try (var statement = c.createStatement()) {
                        statement.execute("BACKUP TO '" + target + "'");
                    }
                    return null;
                });
            }
            return new Result(dir, quads, h2);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a backup in " + backupsDir, e);
        }
    }

    /**
     * Restores a backup into {@code dataDir}, which must hold no dataset and no database yet.
     *
     * @return the number of quads restored
     */
    public static long restore(Path backupDir, Path dataDir) throws IOException {
        Path tdb2 = dataDir.resolve("tdb2");
        Path db = dataDir.resolve("db");
        if (Files.exists(tdb2) || Files.exists(db)) {
            throw new IllegalStateException("Restore into an empty data folder: " + dataDir + " already has tdb2/ or db/");
        }
        Path catalogue = backupDir.resolve("catalogue.nq.gz");
        if (!Files.isRegularFile(catalogue)) {
            throw new IllegalStateException("No catalogue.nq.gz in " + backupDir);
        }
        Files.createDirectories(tdb2);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(tdb2.toString());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(catalogue))) {
            Txn.executeWrite(dsg, () -> RDFDataMgr.read(dsg, in, Lang.NQUADS));
        }
        long quads = Txn.calculateRead(dsg, () -> dsg.stream().count());
        TDBInternal.expel(dsg); // release the files, so the hub can open the dataset
        Path zip = backupDir.resolve("database.zip");
        if (Files.isRegularFile(zip)) {
            Files.createDirectories(db);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    Path target = db.resolve(Path.of(e.getName()).getFileName().toString()).normalize();
                    if (!target.startsWith(db) || e.isDirectory()) {
                        continue;
                    }
                    Files.copy(in, target);
                }
            }
        }
        return quads;
    }
}
