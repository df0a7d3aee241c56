package se.insatsnavet.hub.dumps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.dumps.Dumps.DumpInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The dump files in {@code <data>/dumps/} as they are served: each listed with its media type, size and SHA-256
 * (kept in {@code .digests} beside them, so a start need not read every dump again), written beside its final
 * name and moved into place, so readers never see half a dump.
 */
final class DumpFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DumpFiles.class);

    private final Path dir;
    private final Map<String, DumpInfo> current = new ConcurrentHashMap<>();

    DumpFiles(Path dir) {
        this.dir = dir;
    }

    /** Whether a dump of that name is listed. */
    boolean has(String name) {
        return current.containsKey(name);
    }

    /** How many dumps are listed. */
    int count() {
        return current.size();
    }

    /**
     * Lists the dump files already in the folder (from the last run of the hub), with their size and SHA-256,
     * so they are served at once while a rebuild runs in the background.
     */
    void loadExisting() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Map<String, String[]> known = readDigests();
        boolean hashed = false;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(f);
                    continue;
                }
                if (name.startsWith(".")) {
                    continue; // the hub's own notes (.stale, .digests): not dumps
                }
                long size = Files.size(f);
                FileTime time = Files.getLastModifiedTime(f);
                String[] k = known.get(name);
                String sha256;
                if (k != null && k[0].equals(Long.toString(size)) && k[1].equals(Long.toString(time.toMillis()))) {
                    sha256 = k[2]; // the file is as the hub wrote it: its digest is known
                } else {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    try (var in = new DigestInputStream(Files.newInputStream(f), sha)) {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                    sha256 = HexFormat.of().formatHex(sha.digest());
                    hashed = true;
                }
                String type = name.endsWith(".nq.gz") ? "application/gzip" : name.endsWith(".ttl") ? "text/turtle"
                        : name.endsWith(".ndjson") ? "application/x-ndjson" : name.endsWith(".zip") ? "application/zip"
                        : "application/octet-stream";
                current.put(name, new DumpInfo(name, type, size, sha256, time.toInstant()));
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            LOG.warn("Cannot list the existing dumps in {}; they are rebuilt", dir, e);
        }
        if (hashed) {
            saveDigests();
        }
    }

    /** {@code .digests}: name -> [size, modification time (ms), SHA-256]; empty when there is none or it is unreadable. */
    private Map<String, String[]> readDigests() {
        Map<String, String[]> out = new HashMap<>();
        Path file = dir.resolve(Dumps.DIGESTS);
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] p = line.split("\t");
                if (p.length == 4) {
                    out.put(p[0], new String[]{p[1], p[2], p[3]});
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot read {}; the dumps are hashed again", file, e);
        }
        return out;
    }

    /** Writes {@code .digests} for the current dumps (beside them, moved into place). */
    private void saveDigests() {
        StringBuilder b = new StringBuilder();
        for (DumpInfo d : list()) {
            try {
                Path f = dir.resolve(d.name());
                b.append(d.name()).append('\t').append(Files.size(f)).append('\t')
                        .append(Files.getLastModifiedTime(f).toMillis()).append('\t').append(d.sha256()).append('\n');
            } catch (IOException e) {
                // gone meanwhile: left out, so it is hashed again if it comes back
            }
        }
        try {
            Path tmp = dir.resolve(Dumps.DIGESTS + ".tmp");
            Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(Dumps.DIGESTS), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Cannot write the dump digests in {}; the next start hashes the dumps again", dir, e);
        }
    }

    /** The dumps as they are now, by name. */
    List<DumpInfo> list() {
        List<DumpInfo> out = new ArrayList<>(current.values());
        out.sort(Comparator.comparing(DumpInfo::name));
        return out;
    }

    /** A dump's file, if it is one of the current dumps (nothing else under the folder is ever served). */
    Optional<Path> file(String name) {
        return Optional.ofNullable(current.get(name)).map(d -> dir.resolve(d.name()));
    }

    /** A current dump's listing. */
    Optional<DumpInfo> info(String name) {
        return Optional.ofNullable(current.get(name));
    }

    /**
     * Writes a dump beside its final name, moves it into place and lists it with its size and SHA-256.
     *
     * @param listedType the media type to list instead of {@code mediaType} (null: {@code mediaType})
     */
    void write(String name, String mediaType, Body body, boolean gzip, String listedType) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (OutputStream file = new DigestOutputStream(Files.newOutputStream(tmp), sha);
             OutputStream out = gzip ? new GZIPOutputStream(file) : file) {
            body.write(out);
        } catch (IOException | RuntimeException e) {
            // a full disk: the half-written file goes, so it holds no space the rest of the hub needs
            Files.deleteIfExists(tmp);
            throw e;
        }
        Path target = dir.resolve(name);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        current.put(name, new DumpInfo(name, listedType != null ? listedType : gzip ? "application/gzip" : mediaType, Files.size(target),
                HexFormat.of().formatHex(sha.digest()), Instant.now()));
        saveDigests(); // after each file: a rebuild cut short by a stop leaves the digests true to the files
    }

    /** What a dump (or one of its parts) is written from. */
    @FunctionalInterface
    interface Body {
        void write(OutputStream out) throws IOException;
    }
}
