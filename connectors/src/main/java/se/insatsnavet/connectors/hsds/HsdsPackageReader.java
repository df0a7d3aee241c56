package se.insatsnavet.connectors.hsds;

import se.insatsnavet.connectors.hsds.PackageTables.Row;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an Open Referral HSDS tabular data package (datapackage.json and CSV files) into one record per
 * service, nested like an HSDS 3 full service object: {@code organization}, {@code program},
 * {@code service_at_locations[].location} (with {@code addresses}, {@code phones}, {@code schedules}),
 * {@code contacts[].phones}, {@code phones}, {@code schedules}, {@code service_areas}, {@code languages},
 * {@code funding}, {@code cost_options}, {@code required_documents} and {@code attributes[].taxonomy_term}.
 *
 * <p>Both layouts are read: HSDS 3.x ({@code service_at_location.csv}, {@code attributes.csv},
 * {@code taxonomy_terms.csv}, {@code schedules.csv}, {@code addresses.csv}) and the older 1.1/2.0 one
 * ({@code services_at_location.csv}, {@code services_taxonomy.csv} + {@code taxonomy.csv},
 * {@code regular_schedules.csv}, {@code physical_addresses.csv}/{@code postal_addresses.csv},
 * {@code eligibility.csv}), whose tables {@link LegacyLayout} translates to the 3.x shape. The resources of datapackage.json
 * say where each table is; without a readable datapackage.json the usual file names are used. A row that
 * cannot be read is a {@link SourceProblem} naming file and row; the rest of the package still comes through.</p>
 */
public final class HsdsPackageReader {

    private static final Set<String> LEGACY_TABLES = Set.of("services_at_location", "services_taxonomy", "taxonomy",
            "regular_schedules", "physical_addresses", "postal_addresses", "eligibility");
    private static final Set<String> LINKS = Set.of("service_id", "location_id", "organization_id", "contact_id",
            "service_at_location_id", "link_id", "link_type", "link_entity", "program_id", "phone_id", "resource_id",
            "unit_id");
    private static final Set<String> INTEGERS = Set.of("minimum_age", "maximum_age", "year_incorporated");
    /** Columns HSDS 3 types as numbers (a cell that is not a number stays text). */
    private static final Set<String> NUMBERS = Set.of("extension", "timezone", "count", "interval", "latitude",
            "longitude", "amount", "available", "maximum");
    /** Values of an attribute's {@code link_entity} that say it describes something else than a service. */
    private static final Set<String> OTHER_ENTITIES = Set.of("organization", "organizations", "location", "locations",
            "service_at_location", "contact", "contacts", "phone", "phones", "program", "programs", "taxonomy_term");

    /**
     * What one read produced. {@code layout} is {@code "3"} or {@code "1.1"}; {@code notCarried} counts, per CSV
     * file of the package, its rows that went into no service record (e.g. all of {@code meta_table_descriptions.csv},
     * an organization without services).
     */
    public record Result(String layout, List<RawRecord> records, List<SourceProblem> problems, Map<String, Integer> notCarried) {
        public Result {
            notCarried = Map.copyOf(notCarried);
        }
    }

    private final PackageTables tables;

    private HsdsPackageReader(Map<String, byte[]> files) {
        this.tables = new PackageTables(files);
    }

    /** Reads a data package folder or a .zip file. */
    public static Result read(Path folderOrZip) throws IOException {
        return read(PackageFiles.of(folderOrZip));
    }

    /** Reads a package given as files by relative path (the folder, zip and HTTP forms all end here). */
    public static Result read(Map<String, byte[]> files) throws IOException {
        return new HsdsPackageReader(files).read();
    }

    private Result read() throws IOException {
        if (tables.file("services") == null) {
            throw new IOException("the package has no services table (" + tables.whereServicesWereLookedFor() + ")");
        }
        // HSDS 3's datapackage names its taxonomies.csv resource "taxonomy" too: only 1.1's taxonomy.csv file counts
        boolean legacy = LEGACY_TABLES.stream().anyMatch(t -> t.equals("taxonomy")
                ? tables.hasFile("taxonomy.csv") : tables.file(t) != null);
        try {
            if (legacy) {
                LegacyLayout.translate(tables);
            }
            List<RawRecord> records = services();
            return new Result(legacy ? "1.1" : "3", records, tables.problems(), tables.notCarried());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private List<Row> table(String name) {
        return tables.table(name);
    }

    private List<RawRecord> services() {
        Map<String, Row> organizations = byId(table("organizations"));
        Map<String, Row> programs = byId(table("programs"));
        Map<String, Row> locations = byId(table("locations"));
        Map<String, Row> terms = byId(table("taxonomy_terms"));
        Map<String, Row> taxonomies = byId(table("taxonomies"));
        List<RawRecord> records = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String display = tables.display(tables.file("services"));
        for (Row row : table("services")) {
            String locator = display + " row " + row.number();
            String id = row.get("id");
            if (id == null) {
                tables.problem(new SourceProblem(locator, "id", "the service has no id"));
                continue;
            }
            if (!seen.add(id)) {
                tables.problem(new SourceProblem(locator, "id", "another service of the package already has the id " + id));
                continue;
            }
            tables.use(row);
            Map<String, Object> service = fields(row);
            put(service, "organization", one(organizations, row.get("organization_id")));
            put(service, "program", one(programs, row.get("program_id")));
            put(service, "service_areas", children("service_areas", "service_id", id));
            put(service, "languages", children("languages", "service_id", id));
            put(service, "phones", children("phones", "service_id", id));
            put(service, "schedules", children("schedules", "service_id", id));
            put(service, "contacts", contacts(id));
            put(service, "funding", children("funding", "service_id", id));
            put(service, "cost_options", children("cost_options", "service_id", id));
            put(service, "required_documents", children("required_documents", "service_id", id));
            put(service, "service_at_locations", serviceAtLocations(table("service_at_location"), id, locations));
            put(service, "holiday_schedules", children("holiday_schedules", "service_id", id));
            put(service, "payments_accepted", children("payments_accepted", "service_id", id));
            put(service, "capacities", capacities(id));
            put(service, "additional_urls", children("url", "link_id", id));
            put(service, "metadata", children("metadata", "resource_id", id));
            Object organization = service.get("organization");
            if (organization instanceof Map<?, ?> org && org.get("id") != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> o = (Map<String, Object>) org;
                put(o, "organization_identifiers", children("organization_identifiers", "organization_id", org.get("id").toString()));
                put(o, "additional_websites", children("url", "link_id", org.get("id").toString()));
                put(o, "phones", children("phones", "organization_id", org.get("id").toString(),
                        "service_id", "location_id", "contact_id", "service_at_location_id"));
                put(o, "programs", children("programs", "organization_id", org.get("id").toString()));
            }
            List<Object> attributes = new ArrayList<>();
            for (Row attribute : table("attributes")) {
                String entity = attribute.get("link_entity");
                if (id.equals(attribute.get("link_id"))
                        && (entity == null || !OTHER_ENTITIES.contains(entity.toLowerCase(Locale.ROOT)))) {
                    tables.use(attribute);
                    Map<String, Object> a = fields(attribute);
                    Map<String, Object> term = one(terms, attribute.get("taxonomy_term_id"));
                    if (term != null) {
                        Object taxonomyId = term.get("taxonomy_id");
                        Map<String, Object> taxonomy = taxonomyId == null ? null : one(taxonomies, taxonomyId.toString());
                        if (taxonomy != null && taxonomy.get("name") != null) {
                            term.putIfAbsent("taxonomy", taxonomy.get("name"));
                        }
                        a.put("taxonomy_term", term);
                    }
                    attributes.add(a);
                }
            }
            put(service, "attributes", attributes);
            records.add(new RawRecord(locator, service));
        }
        return records;
    }

    private List<Object> contacts(String serviceId) {
        List<Object> contacts = new ArrayList<>();
        for (Row contact : table("contacts")) {
            if (serviceId.equals(contact.get("service_id"))) {
                tables.use(contact);
                Map<String, Object> c = fields(contact);
                put(c, "phones", children("phones", "contact_id", contact.get("id")));
                contacts.add(c);
            }
        }
        return contacts;
    }

    private List<Object> serviceAtLocations(List<Row> links, String serviceId, Map<String, Row> locations) {
        List<Object> result = new ArrayList<>();
        for (Row link : links) {
            if (!serviceId.equals(link.get("service_id"))) {
                continue;
            }
            tables.use(link);
            Map<String, Object> sal = fields(link);
            put(sal, "phones", children("phones", "service_at_location_id", link.get("id"), "contact_id"));
            Row location = link.get("location_id") == null ? null : locations.get(link.get("location_id"));
            if (location != null) {
                tables.use(location);
                Map<String, Object> l = fields(location);
                put(l, "addresses", addresses(location.get("id")));
                put(l, "phones", children("phones", "location_id", location.get("id"), "service_id", "contact_id"));
                put(l, "schedules", children("schedules", "location_id", location.get("id"), "service_id"));
                put(l, "languages", children("languages", "location_id", location.get("id"), "service_id"));
                List<Object> accessibility = children("accessibility", "location_id", location.get("id"));
                accessibility.addAll(children("accessibility_for_disabilities", "location_id", location.get("id")));
                put(l, "accessibility", accessibility);
                sal.put("location", l);
            }
            result.add(sal);
        }
        return result;
    }

    /** A service's rows of service_capacity.csv, each with its unit from units.csv. */
    private List<Object> capacities(String serviceId) {
        Map<String, Row> units = byId(table("units"));
        List<Object> result = new ArrayList<>();
        for (Row row : table("service_capacity")) {
            if (serviceId.equals(row.get("service_id"))) {
                tables.use(row);
                Map<String, Object> capacity = fields(row);
                put(capacity, "unit", one(units, row.get("unit_id")));
                result.add(capacity);
            }
        }
        return result;
    }

    /** A location's addresses (the 1.1 layout's two address tables are merged into this one by {@link LegacyLayout}). */
    private List<Object> addresses(String locationId) {
        return children("addresses", "location_id", locationId);
    }

    /**
     * The rows of {@code table} whose {@code key} column is {@code value} and whose {@code unlessSet} columns
     * are empty (a phone of a contact is not also a phone of the service), without their link columns.
     */
    private List<Object> children(String table, String key, String value, String... unlessSet) {
        List<Object> rows = new ArrayList<>();
        if (value == null) {
            return rows;
        }
        outer:
        for (Row row : table(table)) {
            if (!value.equals(row.get(key))) {
                continue;
            }
            for (String other : unlessSet) {
                if (row.get(other) != null) {
                    continue outer;
                }
            }
            tables.use(row);
            rows.add(fields(row));
        }
        return rows;
    }

    private static Map<String, Row> byId(List<Row> rows) {
        Map<String, Row> index = new HashMap<>();
        for (Row row : rows) {
            if (row.get("id") != null) {
                index.putIfAbsent(row.get("id"), row);
            }
        }
        return index;
    }

    private Map<String, Object> one(Map<String, Row> index, String id) {
        Row row = id == null ? null : index.get(id);
        if (row != null) {
            tables.use(row);
        }
        return row == null ? null : fields(row);
    }

    /**
     * A row's cells as record fields: link columns left out, integer columns as numbers, a {@code languages}
     * cell (only the 1.1 layout has one, on phones: {@code "en, es"}) as a list of language objects.
     */
    private static Map<String, Object> fields(Row row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        row.cells().forEach((column, value) -> {
            if (column.equals("languages")) {
                fields.put(column, languages(value));
            } else if (column.equals("id") || !LINKS.contains(column)) {
                fields.put(column, INTEGERS.contains(column) && value.matches("-?\\d{1,9}") ? (Object) Long.parseLong(value)
                        : NUMBERS.contains(column) && value.matches("-?\\d{1,9}") ? (Object) Long.parseLong(value)
                        : NUMBERS.contains(column) && value.matches("-?\\d{1,9}\\.\\d{1,12}") ? (Object) Double.parseDouble(value)
                        : value);
            }
        });
        return fields;
    }

    /** {@code "en, es"} as {@code [{code: en}, {code: es}]}; longer values ({@code "English"}) become names. */
    private static List<Object> languages(String value) {
        List<Object> languages = new ArrayList<>();
        for (String language : value.split("[,;]")) {
            String trimmed = language.strip();
            if (!trimmed.isEmpty()) {
                languages.add(new LinkedHashMap<>(Map.of(trimmed.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]+)?") ? "code" : "name", trimmed)));
            }
        }
        return languages;
    }

    private static void put(Map<String, Object> target, String name, Object value) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            target.put(name, value);
        }
    }
}
