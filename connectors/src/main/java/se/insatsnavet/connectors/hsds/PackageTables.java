package se.insatsnavet.connectors.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import se.insatsnavet.connectors.read.TextDecoder;
import se.insatsnavet.connectors.source.SourceProblem;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The CSV tables of one HSDS data package, read on first use: where each table is ({@code datapackage.json}'s
 * resources, else the usual file name), its rows, the problems met reading them, and which rows went into a
 * service record, so that the rows no service takes can be counted ({@link #notCarried()}).
 */
final class PackageTables {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One CSV row: its number (1-based, header excluded) and its non-empty cells by lower-case column name. */
    record Row(int number, Map<String, String> cells, Row origin) {
        Row(int number, Map<String, String> cells) {
            this(number, cells, null);
        }

        String get(String column) {
            return cells.get(column);
        }

        /** The row as read from its file (a 1.1 row translated to the 3.x shape names its original). */
        Row root() {
            return origin == null ? this : origin;
        }
    }

    private final Map<String, byte[]> files;
    private final String base;
    private final Map<String, String> resourcePaths = new HashMap<>();
    private final List<SourceProblem> problems = new ArrayList<>();
    private final Map<String, List<Row>> tables = new HashMap<>();
    /** The files {@link #load} read, with their rows. */
    private final Map<String, List<Row>> loaded = new TreeMap<>();
    /** The rows that went into a service record. */
    private final Set<Row> used = Collections.newSetFromMap(new IdentityHashMap<>());

    PackageTables(Map<String, byte[]> files) {
        this.files = files;
        String descriptor = files.keySet().stream().filter(n -> n.equals("datapackage.json") || n.endsWith("/datapackage.json"))
                .min((a, b) -> Integer.compare(a.length(), b.length())).orElse(null);
        String servicesFile = files.keySet().stream().filter(n -> n.equals("services.csv") || n.endsWith("/services.csv"))
                .min((a, b) -> Integer.compare(a.length(), b.length())).orElse(null);
        String anchor = descriptor != null ? descriptor : servicesFile;
        this.base = anchor == null || anchor.indexOf('/') < 0 ? "" : anchor.substring(0, anchor.lastIndexOf('/') + 1);
        if (descriptor != null) {
            readResources(files.get(descriptor));
        }
    }

    private void readResources(byte[] descriptor) {
        try {
            JsonNode root = JSON.readTree(descriptor);
            for (JsonNode resource : root.path("resources")) {
                String name = resource.path("name").asText("");
                String path = resource.path("path").asText("");
                if (!name.isEmpty() && !path.isEmpty() && !path.contains("..") && !path.startsWith("/")) {
                    resourcePaths.put(name.toLowerCase(Locale.ROOT), path);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a readable datapackage.json (e.g. a link left as text): the usual file names are used
        }
    }

    /** Where the services table was looked for, for the message of a package without one. */
    String whereServicesWereLookedFor() {
        return "services.csv" + (resourcePaths.containsKey("services") ? " or " + resourcePaths.get("services") : "")
                + "; datapackage.json " + (resourcePaths.isEmpty() ? "absent or unreadable" : "read");
    }

    /** Whether the package has this file beside its datapackage.json / services.csv. */
    boolean hasFile(String name) {
        return files.containsKey(base + name);
    }

    /** The file name of a table, if the package has it. */
    String file(String table) {
        String path = resourcePaths.get(table);
        if (path != null && files.containsKey(base + path)) {
            return base + path;
        }
        String fallback = base + table + ".csv";
        return files.containsKey(fallback) ? fallback : null;
    }

    /** A file's name as messages give it (relative to the package). */
    String display(String file) {
        return file.substring(base.length());
    }

    /** The rows of a table (none if the package lacks it). */
    List<Row> table(String name) {
        return tables.computeIfAbsent(name, this::load);
    }

    /** Puts translated rows in the place of a table (the 1.1 tables as 3.x ones). */
    void replace(String name, List<Row> rows) {
        tables.put(name, rows);
    }

    /** Records that a row went into a service record. */
    void use(Row row) {
        used.add(row.root());
    }

    void problem(SourceProblem problem) {
        problems.add(problem);
    }

    List<SourceProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Per CSV file of the package, its rows that went into no service record: rows of a file the reader does
     * not know, or rows that no service links to (an organization without services, a table of descriptions).
     */
    Map<String, Integer> notCarried() {
        for (String file : List.copyOf(files.keySet())) {
            if (file.startsWith(base) && file.toLowerCase(Locale.ROOT).endsWith(".csv") && !loaded.containsKey(file)
                    && file.indexOf('/', base.length()) < 0) {
                table(file.substring(base.length(), file.length() - 4).toLowerCase(Locale.ROOT));
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        loaded.forEach((file, rows) -> {
            long left = rows.stream().filter(r -> !used.contains(r)).count();
            if (left > 0) {
                counts.put(display(file), (int) left);
            }
        });
        return counts;
    }

    private List<Row> load(String table) {
        String file = file(table);
        if (file == null) {
            return List.of();
        }
        String display = display(file);
        List<Row> rows = new ArrayList<>();
        loaded.put(file, rows);
        String text = TextDecoder.decode(files.get(file), TextDecoder.AUTO);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = null;
            int number = 0;
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = record.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
                    continue;
                }
                number++;
                if (record.size() != header.size()) {
                    problems.add(new SourceProblem(display + " row " + number, null, "the row has " + record.size()
                            + " values but the header " + header.size() + " columns; the row was not read"));
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String value = record.get(i).strip();
                    if (!value.isEmpty() && !header.get(i).isEmpty()) {
                        cells.put(header.get(i), value);
                    }
                }
                rows.add(new Row(number, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(new SourceProblem(display, null, "not readable CSV after row " + rows.size() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())));
        }
        return rows;
    }
}
