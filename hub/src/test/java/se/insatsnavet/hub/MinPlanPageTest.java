package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import se.insatsnavet.hub.linkeddata.Html;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Min plan over HTTP: the page carries no plan and takes no parameters, its policy lets no script connect, a
 * service page carries the "Lägg till i Min plan" control, and the script has no way of sending anything.
 * (The plan in a real browser: {@link MinPlanBrowserTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MinPlanPageTest {

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

    @Test
    void thePageSaysThePlanStaysInTheBrowserAndNeedsJavaScriptAndLetsNoScriptConnect() {
        HttpResponse<String> r = http.get("/min-plan", "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<html lang=\"sv\">") && html.contains("<h1>Min plan</h1>"), html);
        assertTrue(html.contains("Min plan behöver JavaScript"), html);
        assertTrue(html.contains("Den skickas aldrig till Insatsnavet"), html);
        assertTrue(html.contains("<script src=\"/assets/min-plan.js\" defer></script>"), html);
        assertTrue(html.contains("<a href=\"/min-plan\" aria-current=\"page\">Min plan</a>"), "in the menu: " + html);
        assertFalse(html.contains("<form"), "nothing to post");
        String policy = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("connect-src 'none'") && policy.contains("form-action 'none'")
                && policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
    }

    @Test
    void aQueryParameterIsA400NamingIt() {
        HttpResponse<String> r = http.get("/min-plan?mal=Jag+vill+arbeta", "text/html");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Parameter 'mal' is not supported"), r.body());
    }

    @Test
    void aServicePageCarriesTheAddControlWithItsTitleAndAddress() {
        JsonNode service = http.json("/api/services?perPage=1").path("items").path(0);
        String html = http.get("/id/service/" + service.path("id").asText(), "text/html").body();
        String title = service.path("title").path("sv").asText();
        assertTrue(html.contains("<div class=\"plan-add\" data-plan-title=\"" + Html.escape(title)
                + "\" data-plan-url=\"" + service.path("uri").asText() + "\">"), html);
        assertTrue(html.contains("<script src=\"/assets/min-plan.js\" defer></script>"), html);
    }

    @Test
    void theScriptHasNoWayToSendThePlanAndSetsNoCookie() {
        HttpResponse<String> r = http.get("/assets/min-plan.js", "*/*");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("javascript"));
        String js = r.body();
        assertTrue(js.contains("localStorage"), "it keeps the plan in the browser");
        for (String sender : List.of("fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "document.cookie",
                ".submit(", "innerHTML", "import(")) {
            assertFalse(js.contains(sender), sender);
        }
    }
}
