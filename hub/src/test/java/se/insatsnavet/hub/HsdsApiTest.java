package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled examples through the HSDS 3 API, checked against Open Referral's compiled JSON Schemas. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HsdsApiTest {

    @TempDir
    static Path data;
    Hub hub;
    TestHttp http;

    @BeforeAll
    void start() throws Exception {
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
    }

    @AfterAll
    void stop() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    private static Schema schema(String compiled) throws Exception {
        Path file = SharedFolder.require("standards/hsds-3.1/schema/compiled/" + compiled);
        try (InputStream in = Files.newInputStream(file)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
        }
    }

    private static void assertValid(Schema schema, JsonNode document) {
        List<Error> errors = schema.validate(document, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
        assertTrue(errors.isEmpty(), () -> errors + " in " + document.toPrettyString());
    }

    @Test
    void theMetaInformationNamesTheVersionAndTheOpenApiDocument() {
        JsonNode meta = http.json("/hsds/");
        assertEquals("3.1", meta.path("version").asText());
        assertTrue(meta.path("openapi_url").asText().endsWith("/openapi.json"));
    }

    @Test
    void everyServiceOfThePageAndItsFullObjectValidateAgainstHsds() throws Exception {
        Schema listSchema = schema("service_list.json");
        Schema fullSchema = schema("service_with_definitions.json");
        JsonNode broken = se.insatsnavet.hub.http.Responses.object().put("name", "x").put("status", "open");
        assertFalse(listSchema.validate(broken).isEmpty(), "the HSDS schema must reject a service without id");
        JsonNode page = http.json("/hsds/services?per_page=100");
        long total = http.json("/api/services?perPage=1").path("total").asLong();
        assertEquals(total, page.path("total_items").asLong());
        assertEquals(1, page.path("page_number").asInt());
        assertTrue(page.path("first_page").asBoolean());
        assertFalse(page.path("empty").asBoolean());
        for (JsonNode service : page.path("contents")) {
            assertValid(listSchema, service);
            JsonNode full = http.json("/hsds/services/" + service.path("id").asText());
            assertValid(fullSchema, full);
            assertEquals(service.path("id"), full.path("id"));
        }
    }

    @Test
    void targetGroupsAreTaxonomyTermsAndFilterServices() {
        JsonNode terms = http.json("/hsds/taxonomy_terms?per_page=100");
        JsonNode youngAdults = null;
        for (JsonNode term : terms.path("contents")) {
            if (term.path("code").asText().equals("young-adults")) {
                youngAdults = term;
            }
        }
        assertTrue(youngAdults != null, terms.toString());
        assertEquals("Unga vuxna", youngAdults.path("name").asText());
        JsonNode taxonomy = http.json("/hsds/taxonomies/" + youngAdults.path("taxonomy_id").asText());
        assertEquals("Målgrupper", taxonomy.path("name").asText());

        JsonNode filtered = http.json("/hsds/services?per_page=100&full=true&taxonomy_term_id=" + youngAdults.path("id").asText());
        assertTrue(filtered.path("total_items").asInt() > 0, filtered.toString());
        for (JsonNode service : filtered.path("contents")) {
            boolean tagged = false;
            for (JsonNode attribute : service.path("attributes")) {
                tagged |= attribute.path("taxonomy_term_id").equals(youngAdults.path("id"));
            }
            assertTrue(tagged, service.toString());
        }
        assertEquals(filtered.path("total_items").asInt(),
                http.json("/api/services?targetGroup=young-adults").path("total").asInt());
    }

    @Test
    void ndjsonStreamsEveryMinimalServiceAndPagesCountTheirItems() throws Exception {
        long total = http.json("/hsds/services?per_page=1").path("total_items").asLong();
        String ndjson = http.get("/hsds/services?format=ndjson&minimal=true").body();
        String[] lines = ndjson.strip().split("\n");
        assertEquals(total, lines.length, "ndjson streams every result, without pagination");
        JsonNode line = TestHttp.JSON.readTree(lines[0]);
        List<String> names = new java.util.ArrayList<>();
        line.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("id", "modified_date"), names);
        assertEquals(400, http.get("/hsds/services?per_page=3&format=ndjson", "application/json").statusCode());
        JsonNode second = http.json("/hsds/services?per_page=2&page=2");
        assertEquals(2, second.path("page_number").asInt());
        assertFalse(second.path("first_page").asBoolean());
        int lastPage = (int) ((total + 6) / 7);
        JsonNode last = http.json("/hsds/services?per_page=7&page=" + lastPage);
        assertEquals(total - 7L * (lastPage - 1), last.path("size").asLong(), "size is the number of items on the page");
        assertEquals(last.path("contents").size(), last.path("size").asInt());
        assertTrue(last.path("last_page").asBoolean());
        assertEquals(404, http.get("/hsds/services/00000000-0000-0000-0000-000000000000", "application/json").statusCode());
        assertEquals(404, http.get("/hsds/services/nope", "application/json").statusCode());
        assertEquals(400, http.get("/hsds/services?modified_after=yesterday", "application/json").statusCode());
        assertEquals(400, http.get("/hsds/services?organization_id=00000000-0000-0000-0000-000000000000",
                "application/json").statusCode());
        assertEquals(400, http.get("/hsds/services?per_page=1000", "application/json").statusCode());
    }

    @Test
    void organizationsListTheProvidersWithTheirServicesAndFilterServices() throws Exception {
        Schema orgSchema = schema("organization_list.json");
        JsonNode page = http.json("/hsds/organizations?per_page=100&full=true&status=all");
        assertTrue(page.path("total_items").asInt() > 1, page.toString());
        assertFalse(http.json("/hsds/organizations?per_page=1").path("contents").get(0).has("services"),
                "without full, an organization has its basic fields only");
        long nested = 0;
        for (JsonNode org : page.path("contents")) {
            assertValid(orgSchema, org);
            assertTrue(org.path("uri").asText().contains("/id/organisation/"), org.toString());
            nested += org.path("services").size();
            JsonNode byId = http.json("/hsds/organizations/" + org.path("id").asText());
            assertEquals(org.path("name"), byId.path("name"));
            assertEquals(org.path("services").size(), byId.path("services").size());
            JsonNode services = http.json("/hsds/services?per_page=100&status=all&organization_id=" + org.path("id").asText());
            assertEquals(org.path("services").size(), services.path("total_items").asInt());
            for (JsonNode service : services.path("contents")) {
                assertEquals(org.path("id"), service.path("organization_id"), service.toString());
            }
        }
        assertEquals(http.json("/api/services?perPage=1&status=all").path("total").asLong(), nested,
                "every service has exactly one organization");
        JsonNode first = page.path("contents").get(0);
        JsonNode full = http.json("/hsds/organizations/" + first.path("id").asText() + "?full_service=true");
        assertTrue(full.path("services").get(0).has("service_areas"), full.toString());
        assertEquals(404, http.get("/hsds/organizations/00000000-0000-0000-0000-000000000000", "application/json").statusCode());
    }

    @Test
    void serviceAtLocationsAreTheServicesInTheirMunicipalities() throws Exception {
        Schema salSchema = schema("service_at_location_list.json");
        JsonNode page = http.json("/hsds/service_at_locations?per_page=100&full=true");
        long expected = 0;
        for (JsonNode service : http.json("/hsds/services?per_page=100&full=true").path("contents")) {
            expected += service.path("service_areas").size();
            for (JsonNode at : service.path("service_at_locations")) {
                assertEquals("physical", at.path("location").path("location_type").asText());
            }
        }
        assertEquals(expected, page.path("total_items").asLong());
        for (JsonNode at : page.path("contents")) {
            assertValid(salSchema, at);
            assertTrue(at.path("location").path("external_identifier").asText().matches("[0-9]{4}"), at.toString());
        }
        JsonNode one = page.path("contents").get(0);
        JsonNode byId = http.json("/hsds/service_at_locations/" + one.path("id").asText());
        assertValid(salSchema, byId);
        assertEquals(one.path("service_id"), byId.path("service").path("id"));
        assertEquals(byId.path("service").path("name").asText() + " – " + byId.path("location").path("name").asText(),
                one.path("description").asText());
        JsonNode service = http.json("/hsds/services/" + one.path("service_id").asText());
        boolean listed = false;
        for (JsonNode at : service.path("service_at_locations")) {
            listed |= at.path("id").equals(one.path("id"));
        }
        assertTrue(listed, "the service lists its service_at_location " + one.path("id"));
        assertEquals(404, http.get("/hsds/service_at_locations/00000000-0000-0000-0000-000000000000",
                "application/json").statusCode());
    }

    @Test
    void taxonomyIdAndModifiedAfterFilterServices() {
        String methods = null;
        for (JsonNode taxonomy : http.json("/hsds/taxonomies").path("contents")) {
            if (taxonomy.path("name").asText().equals("Metoder")) {
                methods = taxonomy.path("id").asText();
            }
        }
        JsonNode withMethod = http.json("/hsds/services?per_page=100&full=true&taxonomy_id=" + methods);
        long all = http.json("/hsds/services?per_page=1").path("total_items").asLong();
        assertTrue(withMethod.path("total_items").asLong() > 0 && withMethod.path("total_items").asLong() <= all);
        for (JsonNode service : withMethod.path("contents")) {
            boolean hasMethod = false;
            for (JsonNode attribute : service.path("attributes")) {
                hasMethod |= attribute.path("taxonomy_term").path("taxonomy_id").asText().equals(methods);
            }
            assertTrue(hasMethod, service.toString());
        }
        JsonNode any = http.json("/hsds/services?per_page=1").path("contents").get(0);
        java.time.Instant modified = java.time.Instant.parse(any.path("last_modified").asText());
        assertEquals(all, http.json("/hsds/services?modified_after=2000-01-01").path("total_items").asLong());
        assertEquals(0, http.json("/hsds/services?modified_after=" + modified.plusSeconds(3600)).path("total_items").asLong());
        assertEquals(all, http.json("/hsds/services?modified_after=" + modified.minusSeconds(3600)).path("total_items").asLong());
    }

    @Test
    void theProfileCompiledOverHsdsValidatesTheServicesAndDropsWhatIsNotOffered() throws Exception {
        JsonNode profile = http.json("/hsds/profile/");
        assertTrue(http.json("/hsds/").path("profile").asText().endsWith("/hsds/profile/"));
        JsonNode servicePatch = http.json("/hsds/profile/schema/service.json");
        JsonNode base = se.insatsnavet.hub.http.Responses.JSON.readTree(
                SharedFolder.require("standards/hsds-3.1/schema/compiled/service_with_definitions.json").toFile());
        JsonNode compiled = MergePatch.apply(base, servicePatch);
        Schema profiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(compiled.toString(), InputFormat.JSON);
        JsonNode page = http.json("/hsds/services?per_page=100");
        for (JsonNode service : page.path("contents")) {
            assertValid(profiled, service);
        }
        JsonNode withoutUri = page.path("contents").get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutUri).remove("uri");
        assertFalse(profiled.validate(withoutUri).isEmpty(), "the profile requires the service's uri");

        JsonNode hsdsOpenApi = se.insatsnavet.hub.http.Responses.JSON.readTree(
                SharedFolder.require("standards/hsds-3.1/schema/openapi.json").toFile());
        JsonNode ours = MergePatch.apply(hsdsOpenApi, http.json(profile.path("openapi_url").asText()
                .substring(profile.path("openapi_url").asText().indexOf("/hsds/"))));
        assertEquals("Insatsnavet HSDS API", ours.path("info").path("title").asText());
        assertTrue(ours.path("paths").path("/services").has("post"), "the profile keeps HSDS's POST on the lists");
        ours.path("paths").fields().forEachRemaining(path -> {
            String route = "/hsds" + path.getKey().replaceAll("\\{id}", "00000000-0000-0000-0000-000000000000");
            int status = http.get(route, "application/json").statusCode();
            assertTrue(status == 200 || status == 404 && route.contains("0000"), route + " answered " + status);
        });
        assertTrue(http.get("/hsds/profile/README.md").body().contains("JSON Merge Patch"));
        assertEquals(404, http.get("/hsds/profile/schema/location.json", "application/json").statusCode());
    }
}
