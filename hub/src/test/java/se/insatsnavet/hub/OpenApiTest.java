package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.http.OpenApiDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /openapi.json documents every route the hub serves, and only those. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTest {

    @TempDir
    static Path data;
    Hub hub;
    JsonNode doc;

    @BeforeAll
    void startHub() throws Exception {
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withImportOnStart(false))
                .toCompletionStage().toCompletableFuture().get();
        doc = new TestHttp(hub.port()).json("/openapi.json");
    }

    @AfterAll
    void stopHub() throws Exception {
        hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
    }

    /** Vert.x path → OpenAPI path: {@code :id} → {@code {id}}, {@code /assets/*} → {@code /assets/{file}}. */
    private static String openApiPath(String vertxPath) {
        return vertxPath.replaceAll(":([A-Za-z]+)", "{$1}").replace("/*", "/{file}");
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() {
        assertEquals("3.1.0", doc.path("openapi").asText());
        Set<String> routed = new HashSet<>();
        for (String route : hub.routes()) {
            String[] parts = route.split(" ", 2);
            routed.add(parts[0] + " " + openApiPath(parts[1]));
        }
        Set<String> documented = new HashSet<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        List<String> undocumented = new ArrayList<>(routed);
        undocumented.removeAll(documented);
        List<String> unrouted = new ArrayList<>(documented);
        unrouted.removeAll(routed);
        assertEquals(List.of(), undocumented, "routes missing from openapi.json");
        assertEquals(List.of(), unrouted, "documented but not routed");
    }

    @Test
    void everyOperationHasAUniqueIdAndResponses() {
        Set<String> ids = new HashSet<>();
        doc.path("paths").forEach(path -> path.forEach(op -> {
            assertTrue(ids.add(op.path("operationId").asText()), "duplicate operationId " + op.path("operationId"));
            assertTrue(op.path("responses").size() > 0, op.toString());
            op.path("parameters").forEach(p -> assertTrue(p.has("name") && p.has("in") && p.has("schema"), p.toString()));
        }));
    }

    @Test
    void theDocsPageRendersEveryOperationEscaped() {
        var response = new TestHttp(hub.port()).get("/docs", "text/html");
        assertEquals(200, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("<html lang=\"en\">"), html);
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                assertTrue(html.contains("<code>" + method.toUpperCase(Locale.ROOT) + " " + path.getKey()
                        .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</code>"), method + " " + path.getKey())));
        assertTrue(html.contains("<caption>Parameters</caption>"));
    }

    @Test
    void theDocumentValidatesAgainstTheOpenApi31MetaSchema() throws Exception {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            io.vertx.openapi.contract.OpenAPIVersion v31 = io.vertx.openapi.contract.OpenAPIVersion.V3_1;
            io.vertx.core.json.JsonObject json = new io.vertx.core.json.JsonObject(doc.toString());
            assertEquals(v31, io.vertx.openapi.contract.OpenAPIVersion.fromContract(json));
            io.vertx.json.schema.SchemaRepository repository = v31.getRepository(vertx, "http://localhost/")
                    .toCompletionStage().toCompletableFuture().get(5, java.util.concurrent.TimeUnit.MINUTES);
            io.vertx.json.schema.OutputUnit result = v31.validateContract(vertx, repository, json)
                    .toCompletionStage().toCompletableFuture().get(5, java.util.concurrent.TimeUnit.MINUTES);
            assertTrue(result.getValid(), () -> String.valueOf(result.getErrors()));

            json.getJsonObject("paths").put("/broken", new io.vertx.core.json.JsonObject()
                    .put("get", new io.vertx.core.json.JsonObject().put("responses", "none")));
            io.vertx.json.schema.OutputUnit broken = v31.validateContract(vertx, repository, json)
                    .toCompletionStage().toCompletableFuture().get(5, java.util.concurrent.TimeUnit.MINUTES);
            assertFalse(broken.getValid(), "the meta-schema must reject an operation whose responses is a string");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    @Test
    void everySchemaTheDocumentReferencesIsServedByTheHub() {
        // references to the hub's schemas are relative to the document, served at the root
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\"\\$ref\"\\s*:\\s*\"([^#\"][^\"]*)\"")
                .matcher(doc.toString());
        int external = 0;
        TestHttp http = new TestHttp(hub.port());
        while (refs.find()) {
            external++;
            String path = "/" + refs.group(1);
            assertEquals(200, http.get(path, "application/schema+json").statusCode(), path);
            assertTrue(http.json(path).has("$schema"), path);
        }
        assertTrue(external > 0);
        assertEquals(404, http.get("/schema/other.json", "application/json").statusCode());
    }

    @Test
    void everyCodedParameterListsTheCodesOfItsSchemeAndSaysWhatItIs() {
        se.insatsnavet.schema.Vocabulary vocabulary = se.insatsnavet.schema.Vocabulary.load(
                se.insatsnavet.schema.vocab.HubIris.of(hub.options().baseUri()));
        int checked = 0;
        for (var operation : OpenApiDocument.CODED.entrySet()) {
            String[] methodAndPath = operation.getKey().split(" ", 2);
            JsonNode parameters = doc.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT)).path("parameters");
            for (var coded : operation.getValue().entrySet()) {
                JsonNode parameter = null;
                for (JsonNode p : parameters) {
                    if (p.path("name").asText().equals(coded.getKey())) {
                        parameter = p;
                    }
                }
                assertTrue(parameter != null, operation.getKey() + " documents no parameter " + coded.getKey());
                List<String> values = new ArrayList<>();
                parameter.path("schema").path("enum").forEach(v -> values.add(v.asText()));
                assertEquals(List.copyOf(vocabulary.codes(coded.getValue())), values, operation.getKey() + " " + coded.getKey());
                assertFalse(parameter.path("description").asText().isBlank(), operation.getKey() + " " + coded.getKey());
                checked++;
            }
        }
        assertEquals(13, checked);
        // the values a reader sees, from the SKOS schemes
        JsonNode services = doc.path("paths").path("/api/services").path("get").path("parameters");
        assertTrue(services.toString().contains("\"young-adults\""), services.toString());
        assertTrue(services.toString().contains("\"civil-society\""), services.toString());
    }

    @Test
    void everyOperationSaysWhetherItNeedsAToken() {
        Set<String> secured = new HashSet<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            assertTrue(op.getValue().path("security").isArray(), op.getKey() + " " + path.getKey());
            if (!op.getValue().path("security").isEmpty()) {
                secured.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        // every write (PUT, DELETE, a POST under /api/) and everything under /admin/ needs a bearer token; the
        // POSTs of /sparql and of HSDS's searches read only
        Set<String> writes = new HashSet<>();
        for (String route : hub.routes()) {
            String[] parts = route.split(" ", 2);
            String path = openApiPath(parts[1]);
            if (parts[0].equals("PUT") || parts[0].equals("DELETE") || (parts[0].equals("POST") && path.startsWith("/api/"))
                    || path.startsWith("/admin/")) {
                writes.add(parts[0] + " " + path);
            }
        }
        assertEquals(new java.util.TreeSet<>(writes), new java.util.TreeSet<>(secured));
    }

    @Test
    void theDocumentPassesRedoclysRecommendedRules(@TempDir Path folder) throws Exception {
        String redocly = RedoclyCli.executable();
        TestHttp http = new TestHttp(hub.port());
        Path file = folder.resolve("openapi.json");
        java.nio.file.Files.writeString(file, http.get("/openapi.json", "application/json").body());
        // the schemas the document references, beside it as the hub serves them beside /openapi.json
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\"\\$ref\"\\s*:\\s*\"(schema/[^#\"]+)")
                .matcher(doc.toString());
        while (refs.find()) {
            java.nio.file.Files.createDirectories(folder.resolve(refs.group(1)).getParent());
            java.nio.file.Files.writeString(folder.resolve(refs.group(1)), http.get("/" + refs.group(1), "application/json").body());
        }
        RedoclyCli.Result result = RedoclyCli.lint(redocly, file);
        assertEquals(0, result.errors(), result.output());
        assertEquals(0, result.exitCode(), result.output());
        System.out.println("OpenApiTest: Redocly recommended rules: " + result.errors() + " errors, " + result.warnings() + " warnings");
    }
}
