package se.insatsnavet.connectors.hsds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of a data package, by relative path ({@code /}-separated), read from a folder or a zip within
 * fixed limits: at most {@value #MAX_ENTRIES} files and {@value #MAX_BYTES} bytes in all; zip entries that
 * would leave the package ({@code ..}, absolute paths) are refused.
 */
final class PackageFiles {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_BYTES = 100L * 1024 * 1024;

    private PackageFiles() {
    }

    /** The files of a folder (up to three levels deep) or of a .zip file. */
    static Map<String, byte[]> of(Path folderOrZip) throws IOException {
        if (Files.isDirectory(folderOrZip)) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            long total = 0;
            try (Stream<Path> walk = Files.walk(folderOrZip, 3)) {
                for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                    if (files.size() == MAX_ENTRIES) {
                        throw new IOException("the package has more than " + MAX_ENTRIES + " files");
                    }
                    total += Files.size(file);
                    if (total > MAX_BYTES) {
                        throw new IOException("the package is larger than " + MAX_BYTES + " bytes");
                    }
                    files.put(folderOrZip.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            return files;
        }
        try (InputStream in = Files.newInputStream(folderOrZip)) {
            return unzip(in.readAllBytes());
        }
    }

    /** The entries of a zip archive. */
    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName().replace('\\', '/');
                if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || ("/" + name + "/").contains("/../")) {
                    throw new IOException("the zip entry '" + entry.getName() + "' points outside the package (refused)");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.size() == MAX_ENTRIES) {
                    throw new IOException("the zip has more than " + MAX_ENTRIES + " entries");
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - total + 1));
                total += bytes.length;
                if (total > MAX_BYTES) {
                    throw new IOException("the zip unpacks to more than " + MAX_BYTES + " bytes (refused)");
                }
                files.put(name, bytes);
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("not a readable zip archive: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IOException("not a zip archive, or an empty one");
        }
        return files;
    }
}
