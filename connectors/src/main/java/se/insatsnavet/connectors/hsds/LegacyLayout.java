package se.insatsnavet.connectors.hsds;

import se.insatsnavet.connectors.hsds.PackageTables.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The older HSDS 1.1/2.0 layout of a tabular data package translated to the 3.x tables
 * ({@code services_at_location} to {@code service_at_location}, {@code regular_schedules} to {@code schedules}
 * with RRULE days, {@code physical_addresses}/{@code postal_addresses} to {@code addresses},
 * {@code services_taxonomy} + {@code taxonomy} and a service's {@code taxonomy_ids} to {@code attributes} and
 * {@code taxonomy_terms}, {@code eligibility} rows into the service's description and ages), so that
 * {@link HsdsPackageReader} nests both layouts the same way.
 */
final class LegacyLayout {

    private static final Map<String, String> WEEKDAYS = Map.of("1", "MO", "2", "TU", "3", "WE", "4", "TH", "5", "FR",
            "6", "SA", "7", "SU");

    /** Replaces the package's 1.1 tables by the 3.x tables they translate to. */
    static void translate(PackageTables tables) {
        new LegacyLayout(tables).translate();
    }

    private final PackageTables tables;

    private LegacyLayout(PackageTables tables) {
        this.tables = tables;
    }

    private List<Row> table(String name) {
        return tables.table(name);
    }

    private void translate() {
        tables.replace("service_at_location", table("services_at_location"));
        tables.replace("schedules", rename(table("regular_schedules"), Map.of("weekday", "byday"), row -> {
            String day = row.get("byday");
            if (day != null) {
                row.put("byday", weekday(day));
            }
            row.putIfAbsent("freq", "WEEKLY");
        }));
        tables.replace("service_areas", rename(table("service_areas"), Map.of("service_area", "name"), row -> { }));
        tables.replace("languages", rename(table("languages"), Map.of("language", "name"), row -> { }));
        tables.replace("phones", rename(table("phones"), Map.of("language", "languages"), row -> { }));
        List<Row> addresses = new ArrayList<>();
        addresses.addAll(rename(table("physical_addresses"), Map.of(), row -> row.put("address_type", "physical")));
        addresses.addAll(rename(table("postal_addresses"), Map.of(), row -> row.put("address_type", "postal")));
        tables.replace("addresses", addresses);
        tables.replace("taxonomy_terms", rename(table("taxonomy"), Map.of("vocabulary", "taxonomy"), row -> { }));
        List<Row> attributes = new ArrayList<>();
        for (Row link : table("services_taxonomy")) {
            attributes.add(new Row(link.number(), cells("id", link.get("id"), "link_id", link.get("service_id"),
                    "taxonomy_term_id", link.get("taxonomy_id"), "value", link.get("taxonomy_detail")), link.root()));
        }
        for (Row service : table("services")) {
            String ids = service.get("taxonomy_ids");
            if (ids != null && service.get("id") != null) {
                for (String termId : ids.split("[,;\\s]+")) {
                    if (!termId.isBlank()) {
                        attributes.add(new Row(service.number(), cells("link_id", service.get("id"), "taxonomy_term_id", termId)));
                    }
                }
            }
        }
        tables.replace("attributes", attributes);
        Map<String, List<String>> eligibility = new HashMap<>();
        Map<String, Map<String, String>> ages = new HashMap<>();
        for (Row row : table("eligibility")) {
            String serviceId = row.get("service_id");
            if (serviceId == null) {
                continue;
            }
            tables.use(row);
            if (row.get("eligibility") != null) {
                eligibility.computeIfAbsent(serviceId, k -> new ArrayList<>()).add(row.get("eligibility"));
            }
            for (String age : List.of("minimum_age", "maximum_age")) {
                if (row.get(age) != null) {
                    ages.computeIfAbsent(serviceId, k -> new LinkedHashMap<>()).putIfAbsent(age, row.get(age));
                }
            }
        }
        List<Row> services = new ArrayList<>();
        for (Row row : table("services")) {
            Map<String, String> cells = new LinkedHashMap<>(row.cells());
            cells.remove("taxonomy_ids");
            if (cells.containsKey("fees") && !cells.containsKey("fees_description")) {
                cells.put("fees_description", cells.remove("fees"));
            }
            List<String> e = eligibility.get(row.get("id"));
            if (e != null && !cells.containsKey("eligibility_description")) {
                cells.put("eligibility_description", String.join("; ", e));
            }
            ages.getOrDefault(row.get("id"), Map.of()).forEach(cells::putIfAbsent);
            services.add(new Row(row.number(), cells, row.root()));
        }
        tables.replace("services", services);
    }

    /** A 1.1 weekday ({@code 1} = Monday, or a day name such as {@code Monday}/{@code mon}) as an RRULE day. */
    private static String weekday(String day) {
        String key = day.strip().toLowerCase(Locale.ROOT);
        if (WEEKDAYS.containsKey(key)) {
            return WEEKDAYS.get(key);
        }
        for (String code : WEEKDAYS.values()) {
            if (key.length() >= 2 && key.startsWith(code.toLowerCase(Locale.ROOT))) {
                return code;
            }
        }
        return day;
    }

    private List<Row> rename(List<Row> rows, Map<String, String> columns, Consumer<Map<String, String>> fix) {
        List<Row> renamed = new ArrayList<>();
        for (Row row : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            row.cells().forEach((k, v) -> cells.put(columns.getOrDefault(k, k), v));
            fix.accept(cells);
            renamed.add(new Row(row.number(), cells, row.root()));
        }
        return renamed;
    }

    private Map<String, String> cells(String... pairs) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
                cells.put(pairs[i], pairs[i + 1]);
            }
        }
        return cells;
    }
}
