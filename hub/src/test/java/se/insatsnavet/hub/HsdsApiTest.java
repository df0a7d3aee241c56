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
        await().atMost(Duration.ofSeconds(60)).until(http::allFederationsImported);
    }

    @AfterAll
    void stop() throws Exception {
        hub.stop().get(60, TimeUnit.SECONDS);
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

        JsonNode filtered = http.json("/hsds/services?per_page=100&taxonomy_term_id=" + youngAdults.path("id").asText());
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
    void ndjsonMinimalPagingAndErrorsBehave() {
        String ndjson = http.get("/hsds/services?per_page=3&format=ndjson&minimal=true").body();
        String[] lines = ndjson.strip().split("\n");
        assertEquals(3, lines.length);
        assertFalse(lines[0].contains("\"attributes\""), lines[0]);
        JsonNode second = http.json("/hsds/services?per_page=2&page=2");
        assertEquals(2, second.path("page_number").asInt());
        assertFalse(second.path("first_page").asBoolean());
        assertEquals(404, http.get("/hsds/services/00000000-0000-0000-0000-000000000000", "application/json").statusCode());
        assertEquals(400, http.get("/hsds/services?modified_after=2026-01-01", "application/json").statusCode());
        assertEquals(400, http.get("/hsds/services?per_page=1000", "application/json").statusCode());
    }
}
