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
        await().atMost(Duration.ofSeconds(60)).until(http::allFederationsImported);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            int services = http.json("/api/services?perPage=1").path("total").asInt();
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
        hub.stop().get(60, java.util.concurrent.TimeUnit.SECONDS);
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
        byte[] gz = http.getRaw("/dumps/catalogue.nq.gz").body();
        assertEquals(info.path("bytes").asLong(), gz.length);
        assertEquals(info.path("sha256").asText(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(gz)));
        Dataset copy = DatasetFactory.create();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(gz))).lang(Lang.NQUADS).parse(copy);
        long dumped = copy.asDatasetGraph().stream().count();
        long published = hub.store().read(ds -> ds.asDatasetGraph().stream().count());
        assertEquals(published, dumped);
    }

    @Test
    void eachFederationHasATurtleDumpAndTheCatalogueListsTheDumps() {
        assertEquals(200, http.get("/dumps/vasteras.ttl", "text/turtle").statusCode());
        String catalog = http.get("/catalog", "text/turtle").body();
        assertTrue(catalog.contains("dumps/catalogue.nq.gz"), catalog);
        assertTrue(catalog.contains("byteSize"), catalog);
    }

    @Test
    void nothingButTheDumpsIsServed() {
        assertEquals(404, http.get("/dumps/..%2Fdb%2Finsatsnavet.mv.db", null).statusCode());
        assertEquals(404, http.get("/dumps/catalogue.nq.gz.tmp", null).statusCode());
        assertEquals(404, http.get("/dumps/nothing", null).statusCode());
    }
}
