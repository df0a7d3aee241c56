package se.insatsnavet.hub.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.io.input.BoundedInputStream;
import se.insatsnavet.hub.dumps.PartedDumpFormat;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.schema.Vocabulary;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The catalogue as an HSDS 3.1 tabular data package: a zip of CSV files (one per HSDS table, with the
 * columns this hub fills) and a {@code datapackage.json} describing them (Frictionless tabular data package).
 * The rows are the HSDS API's full service objects taken apart, so the package and the API agree. Written in
 * one pass over the services into temporary CSV files, which are then zipped.
 */
public final class HsdsTabularPackage implements PartedDumpFormat {

    /** HSDS table name → file and columns, in the order they are written. */
    static final Map<String, Table> TABLES = tables();

    record Table(String file, List<String> columns) {
    }

    private final ServiceCatalog catalog;
    private final HsdsTaxonomies taxonomies;
    private final HsdsServiceView view;

    public HsdsTabularPackage(ServiceCatalog catalog, Vocabulary vocabulary) {
        this.catalog = catalog;
        this.taxonomies = new HsdsTaxonomies(vocabulary);
        this.view = new HsdsServiceView(vocabulary, taxonomies, catalog::organisationIri);
    }

    @Override
    public String name() {
        return "hsds.zip";
    }

    @Override
    public String mediaType() {
        return "application/zip";
    }

    @Override
    public void write(OutputStream out) throws IOException {
        write(out, catalog::forEachItem);
    }

    /** The whole package: the catalogue's items as one part, joined (the same as every federation's part joined). */
    @Override
    public void write(OutputStream out, Consumer<Consumer<ObjectNode>> items) throws IOException {
        Path part = Files.createTempFile("insatsnavet-hsds", ".part");
        try {
            try (OutputStream partOut = new BufferedOutputStream(Files.newOutputStream(part))) {
                writePart(partOut, items);
            }
            join(out, List.of(part));
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * A federation's part: for each table in order, the byte count and the CSV rows (no header) of its services,
     * each organisation and location once; the taxonomy tables are left to {@link #join}.
     */
    @Override
    public void writePart(OutputStream out, Consumer<Consumer<ObjectNode>> items) throws IOException {
        Path tmp = Files.createTempDirectory("insatsnavet-hsds");
        try {
            Map<String, CSVPrinter> printers = new LinkedHashMap<>();
            try {
                for (var table : TABLES.entrySet()) {
                    Writer w = Files.newBufferedWriter(tmp.resolve(table.getValue().file()), StandardCharsets.UTF_8);
                    printers.put(table.getKey(), CSVFormat.RFC4180.print(w));
                }
                Rows rows = new Rows(printers);
                items.accept(item -> rows.service(view.service(item, true)));
            } finally {
                for (CSVPrinter p : printers.values()) {
                    p.close();
                }
            }
            DataOutputStream data = new DataOutputStream(out);
            for (Table table : TABLES.values()) {
                Path f = tmp.resolve(table.file());
                data.writeLong(Files.size(f));
                Files.copy(f, data);
            }
            data.flush();
        } finally {
            deleteFolder(tmp);
        }
    }

    /**
     * The package from every federation's part: each table's header, then its rows from each part in turn (an
     * organisation or location named by several federations once); the taxonomy tables from the vocabulary.
     */
    @Override
    public void join(OutputStream out, List<Path> parts) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry("datapackage.json"));
        zip.write(Responses.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(descriptor()));
        zip.closeEntry();
        Set<String> written = new HashSet<>();
        int section = 0;
        for (var table : TABLES.entrySet()) {
            zip.putNextEntry(new ZipEntry(table.getValue().file()));
            Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(table.getValue().columns().toArray(String[]::new)).get().print(w);
            Rows rows = new Rows(Map.of(table.getKey(), printer));
            if (table.getKey().equals("taxonomy")) {
                taxonomies.taxonomies().forEach(t -> rows.add("taxonomy", t));
            } else if (table.getKey().equals("taxonomy_term")) {
                taxonomies.terms(null).forEach(t -> rows.add("taxonomy_term", t));
            }
            printer.flush();
            boolean once = table.getKey().equals("organization") || table.getKey().equals("location");
            for (Path part : parts) {
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(part)))) {
                    for (int i = 0; i < section; i++) {
                        in.skipNBytes(in.readLong());
                    }
                    InputStream rowsIn = BoundedInputStream.builder().setInputStream(in)
                            .setMaxCount(in.readLong()).setPropagateClose(false).get();
                    if (once) {
                        for (var record : CSVFormat.RFC4180.parse(new InputStreamReader(rowsIn, StandardCharsets.UTF_8))) {
                            if (written.add(table.getKey() + "/" + record.get(0))) {
                                printer.printRecord(record.values());
                            }
                        }
                        printer.flush();
                    } else {
                        rowsIn.transferTo(zip);
                    }
                }
            }
            zip.closeEntry();
            section++;
        }
        zip.finish();
    }

    /** The Frictionless descriptor of the package. */
    static ObjectNode descriptor() {
        ObjectNode d = Responses.object();
        d.put("profile", "tabular-data-package");
        d.put("name", "insatsnavet-hsds");
        d.put("title", "Insatsnavet: services of Sweden's coordination federations (HSDS 3.1)");
        d.putArray("licenses").addObject().put("name", "CC0-1.0")
                .put("path", "https://creativecommons.org/publicdomain/zero/1.0/");
        ArrayNode resources = d.putArray("resources");
        TABLES.forEach((name, table) -> {
            ObjectNode r = resources.addObject();
            r.put("name", name).put("path", table.file()).put("profile", "tabular-data-resource")
                    .put("format", "csv").put("mediatype", "text/csv").put("encoding", "utf-8");
            ObjectNode schema = r.putObject("schema");
            ArrayNode fields = schema.putArray("fields");
            for (String column : table.columns()) {
                ObjectNode f = fields.addObject().put("name", column);
                switch (column) {
                    case "minimum_age", "maximum_age" -> f.put("type", "integer");
                    case "assured_date" -> f.put("type", "date");
                    case "last_modified" -> f.put("type", "datetime");
                    default -> {
                        f.put("type", "string");
                        if (column.equals("id") || column.endsWith("_id")) {
                            f.put("format", "uuid");
                        }
                    }
                }
            }
            schema.put("primaryKey", "id");
        });
        return d;
    }

    /** Writes a full HSDS service's parts as rows, each organisation, location and term once. */
    private static final class Rows {
        private final Map<String, CSVPrinter> printers;
        private final Set<String> written = new HashSet<>();

        Rows(Map<String, CSVPrinter> printers) {
            this.printers = printers;
        }

        void service(ObjectNode s) {
            String id = s.path("id").asText();
            JsonNode org = s.path("organization");
            if (written.add("organization/" + org.path("id").asText())) {
                add("organization", org);
            }
            add("service", s);
            for (JsonNode phone : s.path("phones")) {
                add("phone", with(phone, "service_id", id));
            }
            for (JsonNode contact : s.path("contacts")) {
                add("contact", with(contact, "service_id", id));
                for (JsonNode phone : contact.path("phones")) {
                    add("phone", with(phone, "contact_id", contact.path("id").asText()));
                }
            }
            for (JsonNode schedule : s.path("schedules")) {
                add("schedule", with(schedule, "service_id", id));
            }
            for (JsonNode language : s.path("languages")) {
                add("language", with(language, "service_id", id));
            }
            for (JsonNode area : s.path("service_areas")) {
                add("service_area", with(area, "service_id", id));
            }
            for (JsonNode at : s.path("service_at_locations")) {
                JsonNode location = at.path("location");
                if (written.add("location/" + location.path("id").asText())) {
                    add("location", location);
                }
                add("service_at_location", with(at, "service_id", id));
            }
            for (JsonNode attribute : s.path("attributes")) {
                add("attribute", with(with(attribute, "link_id", id), "link_entity", "service"));
            }
        }

        private static JsonNode with(JsonNode node, String field, String value) {
            return ((ObjectNode) node.deepCopy()).put(field, value);
        }

        void add(String table, JsonNode row) {
            List<String> columns = TABLES.get(table).columns();
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode v = row.path(columns.get(i));
                values[i] = v.isValueNode() ? v.asText() : "";
            }
            try {
                printers.get(table).printRecord(values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Map<String, Table> tables() {
        Map<String, Table> t = new LinkedHashMap<>();
        t.put("organization", new Table("organizations.csv", List.of("id", "name", "description", "uri")));
        t.put("service", new Table("services.csv", List.of("id", "organization_id", "name", "description", "url", "email",
                "status", "application_process", "eligibility_description", "minimum_age", "maximum_age", "assured_date",
                "last_modified")));
        t.put("phone", new Table("phones.csv", List.of("id", "service_id", "contact_id", "number")));
        t.put("contact", new Table("contacts.csv", List.of("id", "service_id", "name", "email")));
        t.put("schedule", new Table("schedules.csv", List.of("id", "service_id", "description")));
        t.put("language", new Table("languages.csv", List.of("id", "service_id", "code")));
        t.put("service_area", new Table("service_areas.csv", List.of("id", "service_id", "name", "uri")));
        t.put("location", new Table("locations.csv", List.of("id", "location_type", "url", "name", "description",
                "external_identifier", "external_identifier_type")));
        t.put("service_at_location", new Table("service_at_location.csv", List.of("id", "service_id", "location_id",
                "description")));
        t.put("taxonomy", new Table("taxonomies.csv", List.of("id", "name", "description", "uri", "version")));
        t.put("taxonomy_term", new Table("taxonomy_terms.csv", List.of("id", "code", "name", "description", "taxonomy",
                "language", "taxonomy_id", "term_uri")));
        t.put("attribute", new Table("attributes.csv", List.of("id", "link_id", "taxonomy_term_id", "link_entity", "value")));
        return Collections.unmodifiableMap(t);
    }

    /** Deletes a temporary folder of table files (flat: no sub-folders). */
    private static void deleteFolder(Path tmp) throws IOException {
        try (var files = Files.list(tmp)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(tmp);
    }
}
