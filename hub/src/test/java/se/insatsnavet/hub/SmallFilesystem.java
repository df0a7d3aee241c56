package se.insatsnavet.hub;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A small tmpfs mounted on a test's folder, to make a real full disk: {@code mount -t tmpfs} needs root with
 * CAP_SYS_ADMIN (.ci/run has it). Where it cannot be mounted the test is skipped, saying why, unless
 * INSATSNAVET_REQUIRE_DISKFAULTS is set: then it fails.
 */
final class SmallFilesystem implements AutoCloseable {

    private final Path dir;

    private SmallFilesystem(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code megabytes} on {@code dir} (an existing, empty folder). */
    static SmallFilesystem mount(Path dir, int megabytes) throws Exception {
        String problem = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0755", "tmpfs", dir.toString());
        if (problem != null) {
            if (System.getenv("INSATSNAVET_REQUIRE_DISKFAULTS") != null) {
                fail("INSATSNAVET_REQUIRE_DISKFAULTS is set but a small filesystem cannot be mounted: " + problem);
            }
            Assumptions.abort("A full disk needs a small filesystem of its own, and mounting one failed (it needs root "
                    + "with CAP_SYS_ADMIN; .ci/run has it): " + problem);
        }
        return new SmallFilesystem(dir);
    }

    /** Writes {@code file} until the filesystem has no space left; returns how many bytes it took. */
    static long fill(Path file) throws IOException {
        long written = 0;
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        // the last bytes too: a block smaller than the last write may still fit
        try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
                written++;
            }
        } catch (IOException full) {
            // full
        }
        return written;
    }

    @Override
    public void close() throws Exception {
        run("umount", "-l", dir.toString());
    }

    /** Runs a command; null if it succeeded, else what it said. */
    static String run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + ": timed out";
            }
            return p.exitValue() == 0 ? null : String.join(" ", command) + ": " + out.trim();
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage();
        }
    }
}
