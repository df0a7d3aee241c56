package se.insatsnavet.hub;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prometheus metrics and per-client rate limits on the expensive endpoints. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsTest {

    @TempDir
    static Path data;
    Hub hub;
    TestHttp http;

    @BeforeAll
    void start() throws Exception {
        System.setProperty("insatsnavet.limits.searchPerMinute", "5");
        System.setProperty("insatsnavet.limits.sparqlPerMinute", "3");
        try {
            hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                    .toCompletionStage().toCompletableFuture().get();
        } finally {
            System.clearProperty("insatsnavet.limits.searchPerMinute");
            System.clearProperty("insatsnavet.limits.sparqlPerMinute");
        }
        http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
    }

    @AfterAll
    void stop() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    @Test
    void metricsCountImportsAndTimeRequestsInPrometheusFormat() {
        http.get("/health");
        HttpResponse<String> r = http.get("/metrics", "text/plain");
        assertEquals(200, r.statusCode());
        String text = r.body();
        assertTrue(text.contains("insatsnavet_import_runs_total{federation=\"vasteras\",status=\"succeeded\"}"), text);
        assertTrue(text.contains("insatsnavet_import_records_total{federation=\"vasteras\",result=\"added\"}"), text);
        assertTrue(text.contains("insatsnavet_http_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"2xx\"}"), text);
        assertTrue(text.contains("jvm_memory_used_bytes"), text);
    }

    @Test
    void searchAndSparqlAreRateLimitedPerClientWith429AndRetryAfter() {
        int ok = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 8; i++) {
            last = http.get("/api/services?q=arbete", "application/json");
            if (last.statusCode() == 200) {
                ok++;
            }
        }
        assertEquals(5, ok, "five a minute");
        assertEquals(429, last.statusCode());
        assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElse("0")) >= 1);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.get("/sparql?query=ASK%7B%7D", "application/sparql-results+json").statusCode());
        }
        assertEquals(429, http.get("/sparql?query=ASK%7B%7D", "application/sparql-results+json").statusCode());
        assertEquals(200, http.get("/hsds/services", "application/json").statusCode(), "other reads are not limited by these");
    }
}
