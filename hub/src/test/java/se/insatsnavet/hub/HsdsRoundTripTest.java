package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunStatus;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HSDS in, HSDS out: Open Referral's own HSDS 3.1 service example (served as an HSDS 3 API) and HSDS 1.1 sample
 * package, imported through the hub's normal import, come back field by field from {@code /hsds/services/{id}}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HsdsRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE_31 = "ac148810-d857-441c-9679-408f346de14b";
    private static final String HELPLINE_11 = "c89eb05c-62dd-4b64-b494-0cc347b6ea7f";

    /**
     * What went in (a JSON pointer into service_full.json) and where it comes out (a pointer into the hub's
     * /hsds/services/{id}). HSDS ids must be UUIDs unique in the hub, so the source's ids come out as
     * source_id beside the hub's.
     */
    private static final String[][] FIELDS_31 = {
            {"/id", "/source_id"},
            {"/name", "/name"},
            {"/alternate_name", "/alternate_name"},
            {"/description", "/description"},
            {"/url", "/url"},
            {"/additional_urls/0/id", "/additional_urls/0/source_id"},
            {"/additional_urls/0/label", "/additional_urls/0/label"},
            {"/additional_urls/0/url", "/additional_urls/0/url"},
            {"/email", "/email"},
            {"/status", "/status"},
            {"/interpretation_services", "/interpretation_services"},
            {"/application_process", "/application_process"},
            {"/fees_description", "/fees_description"},
            {"/wait_time", "/wait_time"},
            {"/fees", "/fees"},
            {"/accreditations", "/accreditations"},
            {"/eligibility_description", "/eligibility_description"},
            {"/minimum_age", "/minimum_age"},
            {"/maximum_age", "/maximum_age"},
            {"/assured_date", "/assured_date"},
            {"/assurer_email", "/assurer_email"},
            {"/licenses", "/licenses"},
            {"/alert", "/alert"},
            {"/last_modified", "/last_modified"},
            {"/phones/0/id", "/phones/0/source_id"},
            {"/phones/0/number", "/phones/0/number"},
            {"/phones/0/extension", "/phones/0/extension"},
            {"/phones/0/type", "/phones/0/type"},
            {"/phones/0/description", "/phones/0/description"},
            {"/phones/0/languages/0/code", "/phones/0/languages/0/code"},
            {"/phones/0/languages/0/note", "/phones/0/languages/0/note"},
            {"/schedules/0/id", "/schedules/0/source_id"},
            {"/schedules/0/valid_from", "/schedules/0/valid_from"},
            {"/schedules/0/valid_to", "/schedules/0/valid_to"},
            {"/schedules/0/dtstart", "/schedules/0/dtstart"},
            {"/schedules/0/timezone", "/schedules/0/timezone"},
            {"/schedules/0/until", "/schedules/0/until"},
            {"/schedules/0/count", "/schedules/0/count"},
            {"/schedules/0/wkst", "/schedules/0/wkst"},
            {"/schedules/0/freq", "/schedules/0/freq"},
            {"/schedules/0/interval", "/schedules/0/interval"},
            {"/schedules/0/byday", "/schedules/0/byday"},
            {"/schedules/0/byweekno", "/schedules/0/byweekno"},
            {"/schedules/0/bymonthday", "/schedules/0/bymonthday"},
            {"/schedules/0/byyearday", "/schedules/0/byyearday"},
            {"/schedules/0/description", "/schedules/0/description"},
            {"/schedules/0/opens_at", "/schedules/0/opens_at"},
            {"/schedules/0/closes_at", "/schedules/0/closes_at"},
            {"/schedules/0/schedule_link", "/schedules/0/schedule_link"},
            {"/schedules/0/attending_type", "/schedules/0/attending_type"},
            {"/schedules/0/notes", "/schedules/0/notes"},
            {"/service_areas/0/id", "/service_areas/0/source_id"},
            {"/service_areas/0/name", "/service_areas/0/name"},
            {"/service_areas/0/description", "/service_areas/0/description"},
            {"/service_areas/0/extent", "/service_areas/0/extent"},
            {"/service_areas/0/extent_type", "/service_areas/0/extent_type"},
            {"/service_areas/0/uri", "/service_areas/0/uri"},
            {"/service_at_locations/0/id", "/service_at_locations/0/source_id"},
            {"/service_at_locations/0/description", "/service_at_locations/0/description"},
            {"/service_at_locations/0/contacts/0/name", "/service_at_locations/0/contacts/0/name"},
            {"/service_at_locations/0/location/id", "/service_at_locations/0/location/source_id"},
            {"/service_at_locations/0/location/name", "/service_at_locations/0/location/name"},
            {"/service_at_locations/0/location/transportation", "/service_at_locations/0/location/transportation"},
            {"/service_at_locations/0/location/latitude", "/service_at_locations/0/location/latitude"},
            {"/service_at_locations/0/location/longitude", "/service_at_locations/0/location/longitude"},
            {"/service_at_locations/0/location/external_identifier", "/service_at_locations/0/location/external_identifier"},
            {"/service_at_locations/0/location/addresses/0/address_1", "/service_at_locations/0/location/addresses/0/address_1"},
            {"/service_at_locations/0/location/addresses/0/city", "/service_at_locations/0/location/addresses/0/city"},
            {"/service_at_locations/0/location/addresses/0/postal_code", "/service_at_locations/0/location/addresses/0/postal_code"},
            {"/service_at_locations/0/location/addresses/0/country", "/service_at_locations/0/location/addresses/0/country"},
            {"/service_at_locations/0/location/accessibility/0/details", "/service_at_locations/0/location/accessibility/0/details"},
            {"/languages/0/id", "/languages/0/source_id"},
            {"/languages/0/name", "/languages/0/name"},
            {"/languages/0/code", "/languages/0/code"},
            {"/languages/0/note", "/languages/0/note"},
            {"/organization/id", "/organization/source_id"},
            {"/organization/name", "/organization/name"},
            {"/organization/alternate_name", "/organization/alternate_name"},
            {"/organization/description", "/organization/description"},
            {"/organization/email", "/organization/email"},
            {"/organization/website", "/organization/website"},
            {"/organization/tax_status", "/organization/tax_status"},
            {"/organization/year_incorporated", "/organization/year_incorporated"},
            {"/organization/legal_status", "/organization/legal_status"},
            {"/organization/logo", "/organization/logo"},
            {"/organization/uri", "/organization/uri"},
            {"/organization/funding/0/source", "/organization/funding/0/source"},
            {"/funding/0/id", "/funding/0/source_id"},
            {"/funding/0/source", "/funding/0/source"},
            {"/cost_options/0/id", "/cost_options/0/source_id"},
            {"/cost_options/0/valid_from", "/cost_options/0/valid_from"},
            {"/cost_options/0/valid_to", "/cost_options/0/valid_to"},
            {"/cost_options/0/option", "/cost_options/0/option"},
            {"/cost_options/0/currency", "/cost_options/0/currency"},
            {"/cost_options/0/amount", "/cost_options/0/amount"},
            {"/cost_options/0/amount_description", "/cost_options/0/amount_description"},
            {"/program/id", "/program/source_id"},
            {"/program/name", "/program/name"},
            {"/program/description", "/program/description"},
            {"/required_documents/0/id", "/required_documents/0/source_id"},
            {"/required_documents/0/document", "/required_documents/0/document"},
            {"/required_documents/0/uri", "/required_documents/0/uri"},
            {"/contacts/0/id", "/contacts/0/source_id"},
            {"/contacts/0/name", "/contacts/0/name"},
            {"/contacts/0/title", "/contacts/0/title"},
            {"/contacts/0/department", "/contacts/0/department"},
            {"/contacts/0/email", "/contacts/0/email"},
            {"/contacts/0/phones/0/number", "/contacts/0/phones/0/number"},
            {"/capacities/0/available", "/capacities/0/available"},
            {"/capacities/0/maximum", "/capacities/0/maximum"},
            {"/capacities/0/unit/name", "/capacities/0/unit/name"},
            {"/attributes/0/id", "/attributes/0/source_id"},
            {"/attributes/0/value", "/attributes/0/value"},
            {"/attributes/0/taxonomy_term/code", "/attributes/0/taxonomy_term/code"},
            {"/attributes/0/taxonomy_term/name", "/attributes/0/taxonomy_term/name"},
            {"/attributes/0/taxonomy_term/description", "/attributes/0/taxonomy_term/description"},
            {"/metadata/0/id", "/metadata/0/source_id"},
            {"/metadata/0/field_name", "/metadata/0/field_name"},
            {"/metadata/0/replacement_value", "/metadata/0/replacement_value"},
    };

    /** HSDS 1.1 tables and the list of the service object their rows come out in. */
    private static final Map<String, String> TABLES_11 = Map.of(
            "phones.csv", "/phones", "contacts.csv", "/contacts", "service_areas.csv", "/service_areas",
            "languages.csv", "/languages", "regular_schedules.csv", "/schedules", "funding.csv", "/funding",
            "required_documents.csv", "/required_documents", "holiday_schedules.csv", "/holiday_schedules",
            "payments_accepted.csv", "/payments_accepted");
    /** HSDS 3.1 tables and the list of the service object their rows come out in. */
    private static final Map<String, String> TABLES_31 = Map.of(
            "phones.csv", "/phones", "contacts.csv", "/contacts", "service_areas.csv", "/service_areas",
            "languages.csv", "/languages", "schedules.csv", "/schedules", "funding.csv", "/funding",
            "required_documents.csv", "/required_documents", "cost_options.csv", "/cost_options");
    /** HSDS 1.1 columns renamed to their 3.1 names, and the id → source_id. */
    private static final Map<String, String> COLUMNS_11 = Map.of("service_area", "/name", "language", "/name",
            "fees", "/fees_description", "id", "/source_id");
    /** HSDS 3.1 columns: the id → source_id. */
    private static final Map<String, String> COLUMNS_31 = Map.of("id", "/source_id");
    /** The link columns become the nesting and are not compared. */
    private static final List<String> LINKS = List.of("service_id", "organization_id", "program_id", "location_id",
            "contact_id", "service_at_location_id", "taxonomy_ids", "weekday", "phone_id");

    @TempDir
    static Path data;
    @TempDir
    static Path federations;
    Vertx vertx;
    HttpServer server;
    Hub hub;
    TestHttp http;
    JsonNode service31;

    @BeforeAll
    void start() throws Exception {
        Path examples = SharedFolder.require("standards/hsds-3.1/examples");
        service31 = JSON.readTree(examples.resolve("service_full.json").toFile());
        byte[] full = Files.readAllBytes(examples.resolve("service_full.json"));
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(req -> {
            if (req.path().equals("/hsds/services")) {
                req.response().putHeader("Content-Type", "application/json").end("""
                        {"total_items": 1, "total_pages": 1, "page_number": 1, "size": 1, "first_page": true,
                         "last_page": true, "empty": false, "contents": [{"id": "%s", "name": "Community Counselling"}]}
                        """.formatted(SERVICE_31));
            } else if (req.path().equals("/egen/services")) {
                req.response().putHeader("Content-Type", "application/json").end("""
                        {"total_pages": 1, "last_page": true, "contents": [{"id": "egen-1", "name": "Språkstöd",
                          "description": "Stöd i svenska ", "organization_id": "org-x", "status": "inactive",
                          "service_areas": [{"id": "a1", "name": "Linköping"}, {"id": "a2", "name": "Tromsø"}],
                          "phones": [{"id": "p1", "number": "013-20 00 00"}],
                          "cost_options": [{"id": "c1", "option": "Alla", "amount": "gratis"}],
                          "x_local_note": "ett eget fält"}]}
                        """);
            } else if (req.path().equals("/hsds/services/" + SERVICE_31)) {
                req.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(full));
            } else {
                req.response().setStatusCode(404).end();
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
        Path api = Files.createDirectories(federations.resolve("hsds-api"));
        Files.writeString(api.resolve("federation.json"), """
                {"id": "hsds-api", "name": {"sv": "HSDS-API", "en": "HSDS API"}, "municipalities": ["0180"],
                 "sources": [{"id": "hsds", "kind": "hsds", "location": "http://127.0.0.1:%d/hsds", "language": "en"}]}
                """.formatted(server.actualPort()), StandardCharsets.UTF_8);
        Path own = Files.createDirectories(federations.resolve("hsds-egen"));
        Files.writeString(own.resolve("federation.json"), """
                {"id": "hsds-egen", "name": {"sv": "Eget HSDS"}, "municipalities": ["0180"],
                 "sources": [{"id": "hsds", "kind": "hsds", "location": "http://127.0.0.1:%d/egen", "options": {"details": "false"}}]}
                """.formatted(server.actualPort()), StandardCharsets.UTF_8);
        packageFederation("hsds-elva", SharedFolder.require("standards/hsds-1.1-sample"));
        packageFederation("hsds-tre", examples.resolve("csv"));
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
    }

    @AfterAll
    void stop() throws Exception {
        if (hub != null) {
            hub.stop().get(5, TimeUnit.MINUTES);
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
        }
    }

    private static void packageFederation(String id, Path sample) throws Exception {
        Path pkg = Files.createDirectories(federations.resolve(id).resolve("paket"));
        try (Stream<Path> files = Files.list(sample)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, pkg.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(federations.resolve(id).resolve("federation.json"), """
                {"id": "%s", "name": {"sv": "Exempelförbund", "en": "Example federation"}, "municipalities": ["0180"],
                 "sources": [{"id": "hsds", "kind": "hsds", "location": "paket", "language": "en"}]}
                """.formatted(id), StandardCharsets.UTF_8);
    }

    private RunReport sync(String federation) {
        List<RunReport> runs = hub.syncNow(federation, "test");
        assertEquals(1, runs.size());
        assertEquals(RunStatus.SUCCEEDED, runs.get(0).status(), runs.get(0).toString());
        return runs.get(0);
    }

    /** The hub's HSDS service of a federation's source id, found by /hsds/services?source_id=. */
    private JsonNode published(String federation, String sourceId) {
        JsonNode page = http.json("/hsds/services?source_id=" + sourceId);
        List<JsonNode> found = new ArrayList<>();
        page.path("contents").forEach(s -> {
            if (s.path("federation_id").asText().equals(federation)) {
                found.add(s);
            }
        });
        assertEquals(1, found.size(), page.toString());
        assertEquals(sourceId, found.get(0).path("source_id").asText());
        String id = found.get(0).path("id").asText();
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
        return http.json("/hsds/services/" + id);
    }

    @Test
    void everyFieldOfTheHsds31ServiceExampleComesBackFromTheHsdsApi() {
        sync("hsds-api");
        JsonNode out = published("hsds-api", SERVICE_31);
        List<String> differences = new ArrayList<>();
        for (String[] field : FIELDS_31) {
            JsonNode in = service31.at(field[0]);
            assertFalse(in.isMissingNode(), "the table names " + field[0] + ", which the example does not have");
            if (!same(in, out.at(field[1]))) {
                differences.add(field[0] + " → " + field[1] + ": sent " + in + ", got " + out.at(field[1]));
            }
        }
        assertEquals(List.of(), differences, out::toPrettyString);
    }

    @Test
    void everyLeafOfTheHsds31ServiceExampleIsSomewhereInTheOutput() {
        sync("hsds-api");
        JsonNode out = published("hsds-api", SERVICE_31);
        List<String> missing = new ArrayList<>();
        leaves(service31, "", (pointer, value) -> {
            String name = pointer.substring(pointer.lastIndexOf('/') + 1);
            if (name.endsWith("_id")) {
                return; // references: mapped to the hub's UUIDs of what they name
            }
            String target = name.equals("id") ? pointer.substring(0, pointer.lastIndexOf('/')) + "/source_id" : pointer;
            if (!same(value, out.at(target))) {
                missing.add(pointer + " = " + value + " (at " + target + ": " + out.at(target) + ")");
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void theOutputOfTheHsds31ExampleIsValidHsds() throws Exception {
        sync("hsds-api");
        JsonNode out = published("hsds-api", SERVICE_31);
        Schema schema;
        try (InputStream in = Files.newInputStream(SharedFolder.require("standards/hsds-3.1/schema/compiled/service_with_definitions.json"))) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
        }
        List<Error> errors = schema.validate(out, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
        assertEquals(List.of(), errors, out::toPrettyString);
    }

    @Test
    void theSourcesIdCostsAndAbroadAreaAreLinkedDataToo() {
        sync("hsds-api");
        JsonNode canonical = http.json("/id/service/hsds-api." + SERVICE_31 + "?format=json");
        assertEquals(SERVICE_31, canonical.at("/identifiers/0/notation").asText(), canonical.toPrettyString());
        assertEquals("hsds", canonical.at("/identifiers/0/scheme").asText());
        assertEquals(service31.path("fees_description").asText().strip(), canonical.at("/costs/0/description/en").asText());
        assertEquals(35, canonical.at("/costs/1/amount").asInt());
        assertEquals("GBP", canonical.at("/costs/1/currency").asText());
        assertEquals(service31.path("alert").asText(), canonical.at("/alert/en").asText());
        // MyCity is no Swedish municipality: kept as a named place, the federation's 0180 is not put in its place
        assertFalse(canonical.has("municipalities"), canonical.toPrettyString());
        assertEquals(service31.at("/service_areas/0/name").asText(), canonical.at("/areas/0/name").asText());
        assertTrue(canonical.at("/areas").toString().contains("MyCity\""), canonical.toPrettyString());
        String turtle = http.get("/id/service/hsds-api." + SERVICE_31, "text/turtle").body();
        assertTrue((turtle.contains("adms:identifier") || turtle.contains("adms#identifier"))
                && turtle.contains("notation") && turtle.contains("\"" + SERVICE_31 + "\""), "adms:identifier in the Turtle");
        assertTrue(turtle.contains("hasCost"), "cv:hasCost in the Turtle");
    }

    @Test
    void aMessyServiceKeepsItsSwedishAndForeignAreasItsOwnFieldsAndPointsAtTheHubsOrganization() {
        sync("hsds-egen");
        JsonNode canonical = http.json("/id/service/hsds-egen.egen-1?format=json");
        assertEquals("[\"0580\"]", canonical.path("municipalities").toString(), canonical.toPrettyString());
        assertEquals("[{\"name\":\"Tromsø\"}]", canonical.path("areas").toString());
        JsonNode out = published("hsds-egen", "egen-1");
        assertEquals(out.at("/organization/id"), out.at("/organization_id"), "the service names the hub's organization");
        assertEquals("inactive", out.path("status").asText(), "the source's status, not the hub's mapping of it");
        assertEquals("a1", out.at("/service_areas/0/source_id").asText());
        assertEquals("Tromsø", out.at("/service_areas/1/name").asText());
        assertTrue(out.at("/service_areas").toString().contains("/id/place/municipality/0580"), out.toPrettyString());
        assertEquals("gratis", out.at("/cost_options/0/amount").asText());
        assertEquals("ett eget fält", out.path("x_local_note").asText());
        JsonNode listed = http.json("/hsds/services?source_id=egen-1").at("/contents/0");
        assertEquals("egen-1", listed.path("source_id").asText());
        assertFalse(listed.has("phones") || listed.has("service_areas") || listed.has("cost_options"), listed.toString());
        JsonNode minimal = http.json("/hsds/services?source_id=egen-1&minimal=true").at("/contents/0");
        List<String> fields = new ArrayList<>();
        minimal.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "modified_date"), fields, "minimal is the spec's id and modified_date");
    }

    @Test
    void anUnknownSourceIdFindsNothingAndAnEmptyOneIsABadRequest() {
        sync("hsds-api");
        assertEquals(0, http.json("/hsds/services?source_id=no-such-id").path("contents").size());
        assertEquals(400, http.get("/hsds/services?source_id=", "application/json").statusCode());
        assertEquals(400, http.get("/hsds/services?source_id=x&search=y", "application/json").statusCode());
    }

    @Test
    void everyHsds11ColumnOfAServiceComesBackFromTheHsdsApi() throws Exception {
        RunReport run = sync("hsds-elva");
        int compared = compareColumns("hsds-elva", SharedFolder.require("standards/hsds-1.1-sample"), HELPLINE_11, TABLES_11, COLUMNS_11);
        assertTrue(compared >= 5, "rows of the helpline's tables compared: " + compared);
        JsonNode report = http.json("/api/federations/hsds-elva/runs/" + run.id());
        // every row of the package is in a service but the table descriptions and a taxonomy term no service uses
        assertEquals("{\"meta_table_descriptions.csv\":1,\"taxonomy.csv\":1}", report.path("notCarried").toString());
    }

    @Test
    void everyHsds31CsvColumnOfTheServiceComesBackFromTheHsdsApi() throws Exception {
        RunReport run = sync("hsds-tre");
        int compared = compareColumns("hsds-tre", SharedFolder.require("standards/hsds-3.1/examples/csv"), SERVICE_31, TABLES_31, COLUMNS_31);
        assertEquals(TABLES_31.size(), compared);
        JsonNode report = http.json("/api/federations/hsds-tre/runs/" + run.id());
        // e.g. the example's url.csv row links to nothing, its capacity is of another service
        assertEquals(1, report.at("/notCarried/url.csv").asInt(), report.path("notCarried").toString());
        assertEquals(1, report.at("/notCarried/service_capacity.csv").asInt(), report.path("notCarried").toString());
        assertEquals(1, report.at("/notCarried/meta_table_descriptions.csv").asInt(), report.path("notCarried").toString());
    }

    /**
     * Compares every non-empty cell of the service's row of services.csv, and of each of its rows in
     * {@code tables}, with the field it comes out as; returns the number of table rows compared.
     */
    private int compareColumns(String federation, Path sample, String serviceId, Map<String, String> tables,
                               Map<String, String> columns) throws Exception {
        JsonNode out = published(federation, serviceId);
        List<String> differences = new ArrayList<>();
        for (CSVRecord row : rows(sample.resolve("services.csv"))) {
            if (row.get("id").equals(serviceId)) {
                compare(row, out, columns, "services.csv", differences);
            }
        }
        int compared = 0;
        for (Map.Entry<String, String> table : tables.entrySet()) {
            for (CSVRecord row : rows(sample.resolve(table.getKey()))) {
                if (!serviceId.equals(row.toMap().get("service_id"))) {
                    continue;
                }
                JsonNode match = null;
                for (JsonNode o : out.at(table.getValue())) {
                    if (o.path("source_id").asText().equals(row.get("id"))) {
                        match = o;
                    }
                }
                if (match == null) {
                    differences.add(table.getKey() + " row " + row.get("id") + ": not in " + table.getValue());
                    continue;
                }
                compare(row, match, columns, table.getKey(), differences);
                compared++;
            }
        }
        assertEquals(List.of(), differences, out::toPrettyString);
        return compared;
    }

    private static void compare(CSVRecord row, JsonNode out, Map<String, String> columns, String table, List<String> differences) {
        row.toMap().forEach((column, value) -> {
            if (value.isBlank() || LINKS.contains(column)) {
                return;
            }
            String target = columns.getOrDefault(column, "/" + column);
            JsonNode got = out.at(target);
            if (!same(JSON.getNodeFactory().textNode(value), got)) {
                differences.add(table + " " + column + " → " + target + ": sent '" + value + "', got " + got);
            }
        });
    }

    private static List<CSVRecord> rows(Path csv) throws Exception {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    /**
     * Whether what came out is what went in: equal JSON, numbers by value (a CSV cell "100" and the number 100
     * alike), texts with surrounding white space trimmed (the hub's documented rule for every text).
     */
    private static boolean same(JsonNode in, JsonNode out) {
        if (out.isMissingNode() || out.isNull()) {
            return false;
        }
        if (in.isNumber() || out.isNumber()) {
            try {
                return new BigDecimal(in.asText().strip()).compareTo(new BigDecimal(out.asText().strip())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (in.isValueNode() && out.isValueNode()) {
            return in.asText().strip().equals(out.asText().strip());
        }
        return in.equals(out);
    }

    private static void leaves(JsonNode node, String pointer, BiConsumer<String, JsonNode> each) {
        if (node.isObject()) {
            node.properties().forEach(e -> leaves(e.getValue(), pointer + "/" + e.getKey(), each));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), pointer + "/" + i, each);
            }
        } else {
            each.accept(pointer, node);
        }
    }
}
