package se.insatsnavet.connectors.wordpress;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.insatsnavet.connectors.fixture.FixtureServer;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceBatch;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordPressSourceEndpointTest {

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

    private static JsonObject post(int id, String title) {
        return new JsonObject()
                .put("id", id).put("slug", "insats-" + id).put("link", "https://forbund.example/insatser/" + id)
                .put("modified", "2026-10-0" + id + "T09:00:00").put("status", "publish")
                .put("title", new JsonObject().put("rendered", title))
                .put("excerpt", new JsonObject().put("rendered", "<p>Kort om insatsen&#8230;</p>"))
                .put("content", new JsonObject().put("rendered", "<h2>För vem?</h2><p>Unga 16&ndash;29 år.</p>"))
                .put("acf", new JsonObject().put("alder_fran", 16).put("remiss", "Ja"))
                .put("_embedded", new JsonObject().put("wp:term", new JsonArray()
                        .add(new JsonArray().add(new JsonObject().put("id", 3).put("name", "Unga vuxna").put("taxonomy", "malgrupp"))
                                .add(new JsonObject().put("id", 4).put("name", "Nyanlända").put("taxonomy", "malgrupp")))
                        .add(new JsonArray().add(new JsonObject().put("id", 9).put("name", "Arbete &amp; studier").put("taxonomy", "post_tag")))));
    }

    @Test
    void readsEveryPageOfACustomPostTypeWithTermsAndCustomFields() throws Exception {
        server.on("/wp-json/wp/v2/insatser", ctx -> {
            int page = Integer.parseInt(ctx.request().getParam("page"));
            JsonArray posts = page == 1 ? new JsonArray().add(post(1, "Jobbspår")).add(post(2, "Steg &#8211; för steg"))
                    : new JsonArray().add(post(3, "Studiestöd"));
            ctx.response().putHeader("X-WP-Total", "3").putHeader("X-WP-TotalPages", "2")
                    .putHeader("Content-Type", "application/json").end(posts.encode());
        });
        SourceBatch batch = assertInstanceOf(WordPressSourceEndpoint.class, context.getEndpoint(
                "insats-wordpress:sodertorn/webb?url=RAW(" + server.url("/") + ")&type=insatser")).read();

        assertEquals(List.of("1", "2", "3"), batch.records().stream().map(r -> r.get("id")).toList());
        RawRecord second = batch.records().get(1);
        assertEquals("Steg – för steg", second.get("title"));
        assertEquals("Kort om insatsen…", second.get("excerpt"));
        assertEquals("För vem?\nUnga 16–29 år.", second.get("content"));
        assertEquals(Map.of("malgrupp", List.of("Unga vuxna", "Nyanlända"), "post_tag", List.of("Arbete & studier")),
                second.get("terms"));
        assertEquals(16, ((Map<?, ?>) second.get("acf")).get("alder_fran"));
        assertEquals("page 2 post 1", batch.records().get(2).locator());
        assertEquals("per_page=100&page=2&_embed=wp%3Aterm&orderby=id&order=asc", server.requests().get(1).query());
    }

    @Test
    void aSiteWithoutTheRestApiFailsNamingTheUrl() {
        IOException e = assertThrows(IOException.class, () -> assertInstanceOf(WordPressSourceEndpoint.class,
                context.getEndpoint("insats-wordpress:sodertorn/webb?url=RAW(" + server.url("/") + ")")).read());
        assertTrue(e.getMessage().contains("HTTP 404 from " + server.url("/wp-json/wp/v2/posts")), e.getMessage());
    }
}
