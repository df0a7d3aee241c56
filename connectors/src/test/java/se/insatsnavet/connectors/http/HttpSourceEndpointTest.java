package se.insatsnavet.connectors.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.insatsnavet.connectors.fixture.FixtureServer;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceBatch;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpSourceEndpointTest {

    private CamelContext context;
    private FixtureServer server;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        context.start();
        server = FixtureServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        context.stop();
        server.close();
    }

    private HttpSourceEndpoint endpoint(String url, String options) {
        return assertInstanceOf(HttpSourceEndpoint.class,
                context.getEndpoint("insats-http:vasteras/api?url=RAW(" + url + ")" + options));
    }

    private static JsonArray services(int from, int toExclusive) {
        JsonArray array = new JsonArray();
        for (int i = from; i < toExclusive; i++) {
            array.add(new JsonObject().put("id", "S-" + i).put("namn", "Insats " + i + " i Västerås"));
        }
        return array;
    }

    private static List<String> ids(SourceBatch batch) {
        return batch.records().stream().map(r -> (String) r.get("id")).toList();
    }

    @Test
    void readsEveryPageNumberUntilAShortPage() throws Exception {
        server.on("/api/insatser", ctx -> {
            int page = Integer.parseInt(ctx.request().getParam("page"));
            int size = Integer.parseInt(ctx.request().getParam("per_page"));
            int from = (page - 1) * size;
            ctx.json(new JsonObject().put("data", services(from, Math.min(from + size, 5))));
        });
        SourceBatch batch = endpoint(server.url("/api/insatser"),
                "&paging=page&sizeParam=per_page&pageSize=2&recordPath=data").read();
        assertEquals(List.of("S-0", "S-1", "S-2", "S-3", "S-4"), ids(batch));
        assertEquals("Insats 3 i Västerås", batch.records().get(3).get("namn"));
        assertEquals("page 2 data[1]", batch.records().get(3).locator());
        assertEquals(3, server.requests().size());
    }

    @Test
    void readsByOffsetUntilAnEmptyPage() throws Exception {
        server.on("/api", ctx -> {
            int offset = Integer.parseInt(ctx.request().getParam("offset"));
            ctx.json(services(offset, Math.min(offset + 2, 4)));
        });
        SourceBatch batch = endpoint(server.url("/api?lang=sv"), "&paging=offset&sizeParam=limit&pageSize=2").read();
        assertEquals(List.of("S-0", "S-1", "S-2", "S-3"), ids(batch));
        assertEquals("lang=sv&offset=4&limit=2", server.requests().get(2).query());
    }

    @Test
    void followsNextLinksInTheBodyAndInTheLinkHeader() throws Exception {
        server.on("/a", ctx -> ctx.json(new JsonObject().put("items", services(0, 2)).put("links",
                        new JsonObject().put("next", "/b"))))
                .on("/b", ctx -> ctx.json(new JsonObject().put("items", services(2, 3)).put("links", new JsonObject())));
        assertEquals(List.of("S-0", "S-1", "S-2"),
                ids(endpoint(server.url("/a"), "&paging=link&nextPath=links.next&recordPath=items").read()));

        server.on("/h1", ctx -> ctx.response().putHeader("Link", "<" + server.url("/h2") + ">; rel=\"next\"")
                        .putHeader("Content-Type", "application/json").end(services(0, 1).encode()))
                .on("/h2", ctx -> ctx.json(services(1, 2)));
        assertEquals(List.of("S-0", "S-1"), ids(endpoint(server.url("/h1"), "&paging=link").read()));
    }

    @Test
    void anUnchangedSourceAnswered304GivesTheSameFingerprintWithoutABody() throws Exception {
        server.on("/api", ctx -> {
            if ("\"v1\"".equals(ctx.request().getHeader("If-None-Match"))) {
                ctx.response().setStatusCode(304).end();
            } else {
                ctx.response().putHeader("ETag", "\"v1\"").putHeader("Content-Type", "application/json")
                        .end(services(0, 3).encode());
            }
        });
        HttpSourceEndpoint endpoint = endpoint(server.url("/api"), "");
        SourceBatch first = endpoint.read();
        SourceBatch second = endpoint.read();
        assertNull(server.requests().get(0).header("If-None-Match"));
        assertEquals("\"v1\"", server.requests().get(1).header("If-None-Match"));
        assertEquals(first.fingerprint(), second.fingerprint());
        assertEquals(ids(first), ids(second));
    }

    @Test
    void anErrorStatusFailsTheReadNamingTheUrlAndStatus() {
        server.on("/api", ctx -> ctx.response().setStatusCode(500).end("database down"));
        IOException e = assertThrows(IOException.class, () -> endpoint(server.url("/api"), "").read());
        assertTrue(e.getMessage().contains("HTTP 500 from " + server.url("/api")), e.getMessage());
        assertTrue(e.getMessage().contains("insats-http vasteras/api"), e.getMessage());
    }

    @Test
    void aSlowSourceTimesOut() {
        server.on("/slow", ctx -> server.vertx().setTimer(3_000, t -> ctx.json(services(0, 1))));
        IOException e = assertThrows(IOException.class, () -> endpoint(server.url("/slow"), "&timeout=300").read());
        assertTrue(e.getMessage().contains("within 300 ms"), e.getMessage());
    }

    @Test
    void truncatedJsonFailsTheWholeReadWithItsPosition() {
        server.serve("/api", "application/json", "[{\"id\": \"S-1\"}, {\"id\": \"S-");
        IOException e = assertThrows(IOException.class, () -> endpoint(server.url("/api"), "").read());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void aRecordThatIsNotAnObjectIsAProblemAndTheRestComesThrough() throws Exception {
        server.serve("/api", "application/json", "[{\"id\": \"S-1\"}, 42, {\"id\": \"S-3\"}]");
        SourceBatch batch = endpoint(server.url("/api"), "").read();
        assertEquals(List.of("S-1", "S-3"), ids(batch));
        assertEquals("records[1]", batch.problems().get(0).locator());
    }

    @Test
    void nextLinksAndRedirectsToOtherHostsAreRefused() {
        server.on("/a", ctx -> ctx.json(new JsonObject().put("items", services(0, 1))
                .put("next", "http://169.254.169.254/latest/meta-data")));
        IOException e = assertThrows(IOException.class,
                () -> endpoint(server.url("/a"), "&paging=link&nextPath=next&recordPath=items").read());
        assertTrue(e.getMessage().contains("refused to fetch http://169.254.169.254/latest/meta-data"), e.getMessage());

        server.on("/moved", ctx -> ctx.response().setStatusCode(302).putHeader("Location", "http://localhost:" + server.port() + "/a").end());
        IOException redirect = assertThrows(IOException.class, () -> endpoint(server.url("/moved"), "").read());
        assertTrue(redirect.getMessage().contains("refused to fetch http://localhost:"), redirect.getMessage());
    }

    @Test
    void aPagingLoopOrTooManyPagesFailsInsteadOfReadingInPart() {
        server.on("/loop", ctx -> ctx.json(new JsonObject().put("items", services(0, 1)).put("next", "/loop")));
        IOException loop = assertThrows(IOException.class,
                () -> endpoint(server.url("/loop"), "&paging=link&nextPath=next&recordPath=items").read());
        assertTrue(loop.getMessage().contains("paging loop"), loop.getMessage());

        server.on("/endless", ctx -> ctx.json(services(0, 2)));
        IOException endless = assertThrows(IOException.class,
                () -> endpoint(server.url("/endless"), "&paging=page&pageSize=2&maxPages=3").read());
        assertTrue(endless.getMessage().contains("more than 3 pages"), endless.getMessage());
    }

    @Test
    void aUrlThatIsNotHttpIsRejectedWhenTheEndpointIsCreated() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("insats-http:vasteras/api?url=RAW(file:///etc/passwd)"));
        assertTrue(e.getMessage().contains("not an http(s) URL"), e.getMessage());
    }

    @Test
    void sendsTheConfiguredAuthorization() throws Exception {
        server.on("/api", ctx -> ctx.json(services(0, 1)));
        endpoint(server.url("/api"), "&authorization=RAW(Bearer s3cret)").read();
        assertEquals("Bearer s3cret", server.requests().get(0).header("Authorization"));
        System.setProperty("insatsnavet.test.secret", "from-the-environment");
        endpoint(server.url("/api"), "&authorization=RAW(Bearer {{sys:insatsnavet.test.secret}})").read();
        assertEquals("Bearer from-the-environment", server.requests().get(1).header("Authorization"));
        RawRecord record = endpoint(server.url("/api"), "").read().records().get(0);
        assertEquals("S-0", record.get("id"));
    }
}
