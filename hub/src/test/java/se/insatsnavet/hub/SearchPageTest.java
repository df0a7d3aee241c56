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

/** The public Swedish search page at / (server-rendered, no JavaScript needed). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageTest {

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
    }

    @AfterAll
    void stopHub() throws Exception {
        hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
    }

    @Test
    void theStartPageIsASwedishSearchFormWithResults() {
        HttpResponse<String> r = http.get("/", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<html lang=\"sv\">"));
        assertTrue(r.body().contains("<label for=\"q\">Sök</label>"));
        assertTrue(r.body().contains("<option value=\"0580\">Linköping</option>"), "municipalities by name");
        assertTrue(r.body().contains("/id/service/"), "result cards link to service pages");
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty(), "no cookies");
    }

    @Test
    void filteringByMunicipalityShowsOnlyServicesThere() {
        HttpResponse<String> r = http.get("/?kommun=1980", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Kommuner: Västerås"), r.body());
        assertFalse(r.body().contains("Kommuner: Linköping"), "only Västerås services");
        assertTrue(r.body().contains("<option value=\"1980\" selected>"));
    }

    @Test
    void severalCountiesCanBeChosenAndEachCardNamesItsFederation() {
        String one = http.get("/?lan=05", "text/html").body();
        assertTrue(one.contains("Kommuner: Linköping") || one.contains("Kommuner: Norrköping"), one);
        assertFalse(one.contains("Kommuner: Västerås"), "only Östergötland");
        assertTrue(one.contains("id=\"lan-05\" name=\"lan\" value=\"05\" checked"));
        assertTrue(one.contains("Samordningsförbund: "), "cards say which federation a service comes from");
        String two = http.get("/?lan=05&lan=19", "text/html").body();
        assertTrue(two.contains("Kommuner: Västerås"), "Västmanland too");
        assertTrue(two.contains("Kommuner: Linköping") || two.contains("Kommuner: Norrköping"), two);
        assertTrue(two.contains("Län (2 valda)"));
        assertTrue(two.contains("lan=05&amp;lan=19"), "paging and facet links keep the counties");
        assertFalse(http.get("/?lan=%3Cb%3E", "text/html").body().contains("<b>"), "unknown codes are ignored");
    }

    @Test
    void searchTextIsEscaped() {
        HttpResponse<String> r = http.get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "text/html");
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("<script>alert(1)"), "no injected markup");
        assertTrue(r.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(r.body().contains("Inga insatser hittades"));
    }

    @Test
    void theStylesheetIsServed() {
        assertEquals(200, http.get("/assets/site.css", "text/css").statusCode());
    }

    @Test
    void resultsHighlightTheWordsAndOfferFacetsThatNarrowTheSearch() {
        String html = http.get("/?q=arbete", "text/html").body();
        assertTrue(html.contains("<mark>"), "matched words are marked");
        assertTrue(html.contains("Förfina sökningen"), html);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/\\?sida=1&amp;q=arbete&amp;anordnare=[a-z-]+)\">[^<]+</a> \\(([0-9]+)\\)")
                .matcher(html);
        assertTrue(link.find(), html);
        String narrowed = http.get(link.group(1).replace("&amp;", "&"), "text/html").body();
        assertTrue(narrowed.contains("<h2>" + link.group(2) + (link.group(2).equals("1") ? " insats" : " insatser") + "</h2>"),
                "the count on the link is what the narrowed search finds");
    }
}
