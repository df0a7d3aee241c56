package se.insatsnavet.hub;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunStatus;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guidance on the public pages, on a real hub with a test federation whose articles of every kind come from a
 * JSON file source ({@link GuidanceFixture}): /vagledning lists them by kind and situation, each article's page
 * shows its values, the lättläst page, the Vägval/Berättelser/Vanliga frågor sections of a service's page,
 * Hittaguiden's answer starting with the guide for the chosen situation, 404 and 400, and escaped titles.
 */
class GuidePagesTest {

    @TempDir
    Path data;
    @TempDir
    Path federations;
    Hub hub;
    TestHttp http;
    Path alfa;

    @BeforeEach
    void start() throws Exception {
        alfa = GuidanceFixture.write(federations);
        hub = GuidanceFixture.start(data, federations);
        http = new TestHttp(hub.port());
        sync();
    }

    @AfterEach
    void stop() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    private void sync() {
        for (RunReport r : hub.syncNow("alfa", "test")) {
            assertEquals(RunStatus.SUCCEEDED, r.status(), r.toString());
        }
    }

    private String page(String path) {
        HttpResponse<String> r = http.get(path, "text/html");
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        return r.body();
    }

    /** Asserts that the parts occur in {@code text} in this order. */
    private static void inOrder(String text, String... parts) {
        int at = -1;
        for (String p : parts) {
            int next = text.indexOf(p, at + 1);
            assertTrue(next > at, "'" + p + "' after position " + at + " in:\n" + text);
            at = next;
        }
    }

    @Test
    void theStartPageListsGuidesBySituationThenStoriesThenQuestionsAndIsInTheMenu() {
        String p = page("/vagledning");
        assertTrue(p.contains("<a href=\"/vagledning\" aria-current=\"page\">Vägledning</a>"), p);
        inOrder(p, "<h2 id=\"guider\">Så fungerar välfärdssystemet</h2>", "<h3>Jag är sjukskriven</h3>",
                "<a href=\"/vagledning/alfa/guide-sjuk\">Om du är sjukskriven</a>",
                "<h2 id=\"berattelser\">Berättelser om livet</h2>", "<a href=\"/vagledning/alfa/sara\">Saras väg tillbaka</a>",
                "<h2 id=\"fragor\">Vanliga frågor</h2>", "<a href=\"/vagledning/alfa/kostar\">Kostar det något?</a>",
                "Nej, det är gratis.", "<h2 id=\"vagval\">", "<a href=\"/vagledning/alfa/jobbsparet\">Jobbspåret förklarat</a>");
        assertTrue(p.contains("Samordningsförbundet Alfa"), "each text names its federation");
        assertFalse(p.contains("Här visas"), "every text is listed: no 'shown of' line");
    }

    @Test
    void aGuidePageShowsItsNumberedStepsInOrderItsServicesSituationFederationAndPlanControl() {
        String p = page("/vagledning/alfa/guide-sjuk");
        assertTrue(p.contains("<html lang=\"sv\">"));
        assertTrue(p.contains("<h1>Om du är sjukskriven</h1>"), p);
        assertTrue(p.contains("<p>Den här guiden visar vem som gör vad när du är sjukskriven.</p>"), p);
        inOrder(p, "<ol class=\"steps\">", "<strong>Prata med din läkare</strong>", "skriver ett intyg.",
                "<strong>Ansök om sjukpenning</strong>", "Försäkringskassan betalar och bestämmer",
                "<strong>Be om ett avstämningsmöte</strong>", "<strong>Fråga om Jobbspåret</strong>", "</ol>");
        assertTrue(p.contains("<a href=\"/id/service/alfa.s1\">Jobbspåret</a>"), "links the service's page: " + p);
        assertTrue(p.contains("alfa.finns-inte (insatsen finns inte i katalogen just nu)"), "an unknown service is said, not dropped");
        assertTrue(p.contains("<a href=\"/hittaguiden?situation=sjukskriven#resultat\">Jag är sjukskriven</a>"), p);
        assertTrue(p.contains("<dt>Samordningsförbund</dt><dd>Samordningsförbundet Alfa</dd>"), p);
        assertTrue(p.contains("Linköping"), "its municipality by name");
        assertTrue(p.contains("data-plan-title=\"Om du är sjukskriven\" data-plan-url=\"/vagledning/alfa/guide-sjuk\""),
                "Lägg till i Min plan: " + p);
        assertTrue(p.contains("<script src=\"/assets/min-plan.js\" defer></script>"));
        assertFalse(p.contains("lattlast"), "no lättläst link when there is no lättläst text");
    }

    @Test
    void aVagvalPageShowsItsTextDatesSourceAndTargetGroupAndLinksItsLattlastPage() {
        String p = page("/vagledning/alfa/jobbsparet");
        assertTrue(p.contains("<p class=\"meta\">Vägval</p>"), p);
        assertTrue(p.contains("<p>Jobbspåret är för dig som vill börja arbeta.</p>\n<p>Du träffar en coach varje vecka.</p>"), p);
        assertTrue(p.contains("<dt>Publicerad</dt><dd>2026-01-10</dd>"), p);
        assertTrue(p.contains("<dt>Senast ändrad</dt><dd>2026-02-03</dd>"), p);
        assertTrue(p.contains("<a href=\"https://alfa.example/vagval/jobbsparet\">https://alfa.example/vagval/jobbsparet</a>"), p);
        assertTrue(p.contains("Unga vuxna"), "the target group's Swedish label: " + p);
        assertTrue(p.contains("<a href=\"/vagledning/alfa/jobbsparet/lattlast\">Läs texten på lättläst svenska</a>"), p);

        String easy = page("/vagledning/alfa/jobbsparet/lattlast");
        assertTrue(easy.contains("<article class=\"lattlast\" lang=\"sv\">"), easy);
        assertTrue(easy.contains("<strong>Lättläst</strong>"), easy);
        assertTrue(easy.contains("<p>Du får hjälp att hitta ett jobb. En coach hjälper dig.</p>"), easy);
        assertFalse(easy.contains("Du träffar en coach varje vecka."), "the standard text is not on the lättläst page");
        assertTrue(easy.contains("<a href=\"/vagledning/alfa/jobbsparet\">Läs texten på vanlig svenska</a>"), easy);
    }

    @Test
    void aQuestionPageShowsTheQuestionAndTheWholeAnswerAndAStoryPageItsText() {
        String q = page("/vagledning/alfa/kostar");
        inOrder(q, "<p class=\"meta\">Vanlig fråga</p>", "<h1>Kostar det något?</h1>", "<h2>Frågan</h2>",
                "<p>Kostar det något att vara med i Jobbspåret?</p>", "<h2>Svaret</h2>",
                "inom en månad efter att ansökan kom in.</p>");
        String s = page("/vagledning/alfa/sara");
        assertTrue(s.contains("<p class=\"meta\">Berättelse om livet</p>"), s);
        assertTrue(s.contains("<p>Jag var sjukskriven i två år. Nu arbetar jag halvtid i en butik.</p>"), s);
    }

    @Test
    void aServicePageShowsItsVagvalTextStoriesAndQuestionsWithAShortAnswer() {
        String p = page("/id/service/alfa.s1");
        inOrder(p, "<h2 id=\"vagval-rubrik\">Vägval</h2>", "<p>Jobbspåret är för dig som vill börja arbeta.</p>",
                "<a href=\"/vagledning/alfa/jobbsparet/lattlast\">Läs texten på lättläst svenska</a>",
                "<h2 id=\"berattelser-rubrik\">Berättelser</h2>", "<a href=\"/vagledning/alfa/sara\">Saras väg tillbaka</a>",
                "<h2 id=\"fragor-rubrik\">Vanliga frågor</h2>",
                "<a href=\"/vagledning/alfa/kostar\">Kostar det något att vara med i Jobbspåret?</a>", "Nej, det är gratis.");
        assertTrue(p.contains("<p>Fler texter om insatsen:</p>\n<ul>\n<li><a href=\"/vagledning/alfa/jobbsparet-unga\">"
                + "Om Jobbspåret för unga</a></li>"), "a second Vägval text is linked, not dropped: " + p);
        assertFalse(p.contains("Är du under 25 år"), "one Vägval text is shown in full");
        assertTrue(p.contains(" …"), "the long answer is visibly shortened");
        assertFalse(p.contains("efter att ansökan kom in."), "the rest of the answer is on the question's page");
        String none = page("/id/service/alfa.s3");
        assertFalse(none.contains("Vägval") || none.contains("Berättelser") || none.contains("Vanliga frågor"),
                "no empty sections for a service no article is about: " + none);
    }

    @Test
    void aServicePageShowsAChangedVagvalTextAfterTheNextRun() throws Exception {
        assertTrue(page("/id/service/alfa.s1").contains("Du träffar en coach varje vecka."));
        Files.writeString(alfa.resolve("artiklar.json"), GuidanceFixture.ARTICLES.replace("Du träffar en coach varje vecka.",
                "Du träffar en coach två gånger i veckan."), StandardCharsets.UTF_8);
        sync();
        String p = page("/id/service/alfa.s1");
        assertTrue(p.contains("Du träffar en coach två gånger i veckan."), "not the page cached before the run: " + p);
    }

    @Test
    void hittaguidensAnswerStartsWithTheGuideForTheChosenSituationThenTheServices() {
        String p = page("/hittaguiden?kommun=0580&situation=sjukskriven");
        inOrder(p, "<section id=\"resultat\"", "<h2 id=\"guide-rubrik\">Så fungerar det för dig som är sjukskriven</h2>",
                "<a href=\"/vagledning/alfa/guide-sjuk\">Om du är sjukskriven</a>", "Från Samordningsförbundet Alfa",
                "<strong>Prata med din läkare</strong>", "<strong>Ansök om sjukpenning</strong>",
                "<strong>Be om ett avstämningsmöte</strong>", "Läs hela guiden (alla 4 steg)", "<h2 id=\"resultat-rubrik\">");
        assertFalse(p.contains("<strong>Fråga om Jobbspåret</strong>"), "only the first three steps in the answer");
        String other = page("/hittaguiden?kommun=0580&situation=nyanland");
        assertFalse(other.contains("guide-rubrik"), "no guide for a situation none is written for: " + other);
        assertFalse(page("/hittaguiden?kommun=0580").contains("guide-rubrik"), "no situation chosen, no guide");
    }

    @Test
    void anUnknownArticleOrAMissingLattlastTextIsASwedish404AndAParameterIsA400NamingIt() {
        for (String path : new String[]{"/vagledning/alfa/finns-inte", "/vagledning/beta/sara", "/vagledning/alfa/sara/lattlast"}) {
            HttpResponse<String> r = http.get(path, "text/html");
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.body().contains("<h1>Sidan finns inte</h1>"), path + ": " + r.body());
        }
        for (String path : new String[]{"/vagledning?sida=2", "/vagledning/alfa/sara?sida=2", "/vagledning/alfa/jobbsparet/lattlast?sida=2"}) {
            HttpResponse<String> r = http.get(path, "text/html");
            assertEquals(400, r.statusCode(), path);
            assertTrue(r.body().contains("'sida'"), path + ": " + r.body());
        }
    }

    @Test
    void anArticleIriAskedForAsHtmlIsRedirectedToItsPage() {
        HttpResponse<String> r = http.get("/id/article/alfa/guide-sjuk", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(303, r.statusCode());
        assertEquals("/vagledning/alfa/guide-sjuk", r.headers().firstValue("Location").orElse(""));
        assertEquals(303, http.get("/id/article/alfa/guide-sjuk?format=html", null).statusCode());
        assertFalse(http.get("/id/article/alfa/guide-sjuk", "text/turtle").statusCode() == 303,
                "a machine client is not sent to the page");
    }

    @Test
    void titlesAndTextsAreEscapedOnEveryPage() {
        String article = page("/vagledning/alfa/xss");
        String start = page("/vagledning");
        String service = page("/id/service/alfa.s2");
        for (String p : new String[]{article, start, service}) {
            assertFalse(p.contains("<script>alert("), p);
            assertFalse(p.contains("<b>fet</b>"), p);
        }
        assertTrue(article.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"), article);
        assertTrue(article.contains("&lt;b&gt;fet&lt;/b&gt; &amp; mer"), article);
        assertTrue(start.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), start);
        assertTrue(service.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), service);
    }
}
