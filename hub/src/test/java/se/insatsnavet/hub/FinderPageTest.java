package se.insatsnavet.hub;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hittaguiden over the bundled examples: questions, a sharable answer URL, ranked matches with reasons. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinderPageTest {

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
        hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
    }

    @Test
    void withoutAnswersItAsksTheQuestions() {
        HttpResponse<String> r = http.get("/hittaguiden", "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<html lang=\"sv\">"));
        for (String question : new String[]{"Hur gammal är du?", "Var bor du?", "Vad stämmer bäst på dig just nu?",
                "Vad vill du ha hjälp med?", "flera myndigheter"}) {
            assertTrue(html.contains(question), question);
        }
        assertTrue(html.contains("<legend>") && html.contains("<label for=\"alder\">"), "labelled controls");
        assertFalse(html.contains("insatser passar"), "no results before any answer");
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
    }

    @Test
    void aJobCoachFindsServicesForA24YearOldOnActivityCompensationInLinkoping() {
        String html = http.get("/hittaguiden?alder=24&kommun=0580&situation=aktivitetsersattning&hjalp=arbete&flera=nej",
                "text/html").body();
        assertTrue(html.contains("insatser passar") || html.contains("insats passar"), html);
        assertTrue(html.contains("Därför passar den:"), html);
        assertTrue(html.contains("för dig som har aktivitetsersättning"), html);
        assertTrue(html.contains("finns i Linköping"), html);
        assertTrue(html.contains("value=\"aktivitetsersattning\" checked"), "the answers stay chosen, to change one");
        int first = html.indexOf("<li><h3>");
        assertTrue(first > 0, html);
        // the same answers over the API: every result is offered in Linköping and fits a 24-year-old
        var api = http.json("/api/services?municipality=0580&age=24&targetGroup=activity-compensation&perPage=100");
        assertTrue(api.path("total").asInt() > 0);
        api.path("items").forEach(s -> assertTrue(html.contains(se.insatsnavet.hub.linkeddata.Html.escape(
                se.insatsnavet.hub.linkeddata.ServicePage.text(s.path("title")))), s.path("title").toString()));
    }

    @Test
    void answersAreValidatedAndEscaped() {
        String html = http.get("/hittaguiden?alder=%3Cscript%3E&kommun=x&situation=%22%3E%3Cb%3E&hjalp=nope", "text/html").body();
        assertFalse(html.contains("<script>") || html.contains("\"><b>"), html);
        assertFalse(html.contains("insatser passar"), "invalid answers are no answers");
    }
}
