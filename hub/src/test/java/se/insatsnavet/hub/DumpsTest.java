package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk dumps: complete, consistent with the dataset, with size and checksum, and nothing else reachable. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DumpsTest {

    @TempDir
    static Path data;
    Hub hub;
    TestHttp http;

    @BeforeAll
    void startHub() throws Exception {
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
        await().atMost(Duration.ofMinutes(5)).until(() -> {
            int services = http.json("/api/services?perPage=1&status=all").path("total").asInt();
            JsonNode dumps = http.json("/dumps/");
            for (JsonNode d : dumps.path("items")) {
                if (d.path("name").asText().equals("services.ndjson")) {
                    byte[] body = http.getRaw("/dumps/services.ndjson").body();
                    return services > 40 && new String(body).split("\n").length == services;
                }
            }
            return false;
        });
    }

    @AfterAll
    void stopHub() throws Exception {
        hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
    }

    @Test
    void theNQuadsDumpHoldsExactlyTheDataset() throws Exception {
        JsonNode info = null;
        for (JsonNode d : http.json("/dumps/").path("items")) {
            if (d.path("name").asText().equals("catalogue.nq.gz")) {
                info = d;
            }
        }
        assertTrue(info != null);
        // the last import (a federation's indicators, read after its services) is followed by a rebuild
        long published = hub.store().size();
        await().atMost(Duration.ofMinutes(5)).until(() -> quads(http.getRaw("/dumps/catalogue.nq.gz").body()) == published);
        for (JsonNode d : http.json("/dumps/").path("items")) {
            if (d.path("name").asText().equals("catalogue.nq.gz")) {
                info = d;
            }
        }
        byte[] gz = http.getRaw("/dumps/catalogue.nq.gz").body();
        assertEquals(info.path("bytes").asLong(), gz.length);
        assertEquals(info.path("sha256").asText(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(gz)));
        Dataset copy = DatasetFactory.create();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(gz))).lang(Lang.NQUADS).parse(copy);
        long dumped = copy.asDatasetGraph().stream().count();
        assertEquals(published, dumped);
    }

    private static long quads(byte[] gz) throws java.io.IOException {
        Dataset copy = DatasetFactory.create();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(gz))).lang(Lang.NQUADS).parse(copy);
        return copy.asDatasetGraph().stream().count();
    }

    @Test
    void eachFederationHasATurtleDumpAndTheCatalogueListsTheDumps() {
        assertEquals(200, http.get("/dumps/vasteras.ttl", "text/turtle").statusCode());
        String catalog = http.get("/catalog", "text/turtle").body();
        assertTrue(catalog.contains("dumps/catalogue.nq.gz"), catalog);
        assertTrue(catalog.contains("byteSize"), catalog);
    }

    @Test
    void aDumpAnswersConditionalRequestsWith304() {
        var first = http.getRaw("/dumps/services.ndjson");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, http.getRaw("/dumps/services.ndjson", "If-None-Match", etag).statusCode());
        assertEquals(304, http.getRaw("/dumps/services.ndjson", "If-Modified-Since", lastModified).statusCode());
        assertEquals(200, http.getRaw("/dumps/services.ndjson", "If-None-Match", "\"other\"").statusCode());
        assertEquals(200, http.getRaw("/dumps/services.ndjson", "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").statusCode());
    }

    @Test
    void nothingButTheDumpsIsServed() {
        assertEquals(404, http.get("/dumps/..%2Fdb%2Finsatsnavet.mv.db", null).statusCode());
        assertEquals(404, http.get("/dumps/catalogue.nq.gz.tmp", null).statusCode());
        assertEquals(404, http.get("/dumps/nothing", null).statusCode());
    }

    @Test
    void theHsdsPackageReadsBackWithEveryServiceAndUsesHsdsColumns() throws Exception {
        int services = http.json("/api/services?perPage=1&status=all").path("total").asInt();
        Path zip = data.resolve("hsds-download.zip");
        await().atMost(Duration.ofMinutes(5)).until(() -> {
            java.nio.file.Files.write(zip, http.getRaw("/dumps/hsds.zip").body());
            return se.insatsnavet.connectors.hsds.HsdsPackageReader.read(zip).records().size() == services;
        });
        var read = se.insatsnavet.connectors.hsds.HsdsPackageReader.read(zip);
        assertEquals("3", read.layout());
        assertTrue(read.problems().isEmpty(), read.problems().toString());
        JsonNode first = http.json("/hsds/services?per_page=1&full=true").path("contents").get(0);
        JsonNode same = read.records().stream().map(r -> se.insatsnavet.hub.http.Responses.JSON.valueToTree(r.fields()))
                .map(JsonNode.class::cast).filter(r -> r.path("id").equals(first.path("id"))).findFirst().orElseThrow();
        assertEquals(first.path("name").asText(), same.path("name").asText());
        assertEquals(first.path("organization").path("name").asText(), same.path("organization").path("name").asText());
        assertEquals(first.path("service_areas").size(), same.path("service_areas").size());
        assertEquals(first.path("attributes").size(), same.path("attributes").size());

        JsonNode tabular = se.insatsnavet.hub.http.Responses.JSON.readTree(
                SharedFolder.require("standards/hsds-3.1/schema/compiled/tabular.json").toFile());
        JsonNode descriptor;
        try (var fs = java.nio.file.FileSystems.newFileSystem(zip)) {
            descriptor = se.insatsnavet.hub.http.Responses.JSON.readTree(java.nio.file.Files.readAllBytes(fs.getPath("datapackage.json")));
            for (JsonNode resource : descriptor.path("resources")) {
                JsonNode table = tabular.path("properties").path(resource.path("name").asText()).path("items");
                assertEquals(table.path("path").asText(), resource.path("path").asText(), resource.toString());
                String header = java.nio.file.Files.readAllLines(fs.getPath(resource.path("path").asText())).get(0);
                java.util.List<String> columns = java.util.List.of(header.split(","));
                for (String column : columns) {
                    assertTrue(table.path("properties").has(column), column + " is no HSDS column of " + table.path("path"));
                }
                for (JsonNode required : table.path("required")) {
                    assertTrue(columns.contains(required.asText()), required + " missing in " + table.path("path"));
                }
            }
        }
        assertTrue(http.get("/catalog", "text/turtle").body().contains("dumps/hsds.zip"));
    }
}
