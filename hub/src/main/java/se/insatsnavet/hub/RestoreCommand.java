package se.insatsnavet.hub;

import se.insatsnavet.hub.ops.Backup;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code java -jar insatsnavet.jar restore --from BACKUP_DIR --data EMPTY_DIR}: restores a backup written by
 * {@code POST /admin/backup} (the dataset and the H2 database) into an empty data folder. Exit 0 on success.
 */
final class RestoreCommand {

    private RestoreCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path from = null;
        Path data = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--from" -> from = Path.of(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                default -> from = null;
            }
        }
        if (from == null || data == null) {
            err.println("usage: java -jar insatsnavet.jar restore --from BACKUP_DIR --data EMPTY_DIR");
            return 2;
        }
        try {
            long quads = Backup.restore(from, data);
            out.printf("Restored %d quads and the database from %s into %s%n", quads, from, data);
            return 0;
        } catch (Exception e) {
            err.println("Restore failed: " + e.getMessage());
            return 1;
        }
    }
}
