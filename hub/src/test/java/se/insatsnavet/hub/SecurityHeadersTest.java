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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every route's responses carry the security headers: nosniff everywhere, a policy and no framing on pages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest {

    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z]+)");

    @TempDir
    static Path data;
    Hub hub;
    TestHttp http;
    final Map<String, String> values = new LinkedHashMap<>();

    @BeforeAll
    void startHub() throws Exception {
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
        JsonNode service = http.json("/api/services?perPage=1").path("items").get(0);
        values.put("id", service.path("id").asText());
        values.put("federation", service.path("federation").asText());
        values.put("slug", "vasteras");
        values.put("scheme", "target-group");
        values.put("code", "young-adults");
    }

    @AfterAll
    void stopHub() throws Exception {
        if (hub != null) {
            hub.stop().get(5, TimeUnit.MINUTES);
        }
    }

    @Test
    void everyGetRouteAnswersWithNosniffAndEveryPageWithAPolicyAgainstFraming() {
        List<String> checked = new ArrayList<>();
        for (String route : hub.routes()) {
            if (!route.startsWith("GET ")) {
                continue;
            }
            String path = concrete(route.substring(4));
            for (String accept : List.of("text/html", "application/json", "*/*")) {
                HttpResponse<byte[]> r = http.getRaw(path, "Accept", accept);
                String where = route + " as " + accept + " (" + path + " -> " + r.statusCode() + ")";
                assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), where);
                String type = r.headers().firstValue("Content-Type").orElse("");
                if (type.startsWith("text/html") || type.startsWith("image/svg+xml")) {
                    String policy = r.headers().firstValue("Content-Security-Policy").orElse("");
                    assertTrue(policy.contains("frame-ancestors 'none'"), where + ": " + policy);
                    assertTrue(policy.contains("default-src"), where + ": " + policy);
                    assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), where);
                }
                checked.add(where + " " + type);
            }
        }
        assertTrue(checked.stream().anyMatch(c -> c.startsWith("GET /id/service/:id as text/html") && c.contains("text/html")),
                checked.toString());
        assertTrue(checked.stream().anyMatch(c -> c.startsWith("GET /id/organisation/:slug as text/html") && c.endsWith("text/html; charset=utf-8")),
                checked.toString());
        assertTrue(checked.stream().anyMatch(c -> c.startsWith("GET /docs ") && c.contains("text/html")), checked.toString());
    }

    @Test
    void aJsonNotFoundIsNotSniffedAsAPage() {
        HttpResponse<byte[]> r = http.getRaw("/nothing/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Accept", "text/html");
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("json"));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    /** The route's path with each {@code :name} replaced by a real value where one is known, else "x". */
    private String concrete(String path) {
        String p = path.endsWith("*") ? path.substring(0, path.length() - 1) + "site.css" : path;
        Matcher m = PARAMETER.matcher(p);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.getOrDefault(name, "x");
            if (name.equals("id") && p.startsWith("/api/federations") || name.equals("federation")) {
                value = values.get("federation");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
