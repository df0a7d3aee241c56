package se.insatsnavet.hub;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hittaguiden's real journeys and the public pages on a phone, in headless Chromium (see {@link Chromium} for
 * how the browser is found; skipped, saying so, without one): three people answer the questions as a job coach
 * would and get the services expected (and not the ones that do not fit); every page fits 320 and 390 px wide
 * without sideways scrolling and has the one header and menu.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesBrowserTest {

    @TempDir
    static Path data;
    Hub hub;
    WebDriver browser;
    String base;
    TestHttp http;

    @BeforeAll
    void start() throws Exception {
        Chromium.assumePresent();
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
        await().atMost(Duration.ofMinutes(5)).until(http::allIndicatorsImported);
        base = "http://127.0.0.1:" + hub.port();
        browser = Chromium.start(1280, 900);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (hub != null) {
            hub.stop().get(5, TimeUnit.MINUTES);
        }
    }

    /** Answers Hittaguiden's questions in the form and sends them; returns the answer region's text. */
    private String answer(String age, String municipality, String situation, String help) {
        browser.get(base + "/hittaguiden");
        browser.findElement(By.id("alder")).sendKeys(age);
        new Select(browser.findElement(By.id("kommun"))).selectByVisibleText(municipality);
        click("situation", situation);
        click("hjalp", help);
        browser.findElement(By.cssSelector("form.finder button[type=submit]")).click();
        await().atMost(Duration.ofMinutes(5)).until(() -> browser.getCurrentUrl().contains("situation=" + situation));
        assertTrue(browser.getCurrentUrl().endsWith("#resultat"), "the answer is in sight: " + browser.getCurrentUrl());
        WebElement answer = browser.findElement(By.id("resultat"));
        assertEquals("polite", answer.getAttribute("aria-live"));
        await().atMost(Duration.ofMinutes(5)).until(() -> "resultat".equals(browser.switchTo().activeElement().getAttribute("id")));
        return answer.getText();
    }

    private void click(String name, String value) {
        String id = browser.findElement(By.cssSelector("input[name=" + name + "][value=" + value + "]")).getAttribute("id");
        browser.findElement(By.cssSelector("label[for=" + id + "]")).click();
    }

    /** The titles of a list of answers under a heading of the answer region ("" = the first list). */
    private List<String> titles(String heading) {
        Object titles = ((JavascriptExecutor) browser).executeScript(
                "var h = arguments[0]; var lists = document.querySelectorAll('#resultat ol.results');"
                        + "for (var i = 0; i < lists.length; i++) { var p = lists[i].previousElementSibling;"
                        + " while (p && p.tagName !== 'H2') { p = p.previousElementSibling; }"
                        + " if (h === '' ? i === 0 : p && p.textContent.indexOf(h) === 0) {"
                        + "  return Array.from(lists[i].querySelectorAll('h3')).map(function (e) { return e.textContent; }); } }"
                        + "return [];", heading);
        return new ArrayList<>((List<?>) titles).stream().map(String::valueOf).toList();
    }

    @Test
    void aJobCoachFindsCurrentServicesForA24YearOldOnActivityCompensationInLinkoping() {
        String text = answer("24", "Linköping", "aktivitetsersattning", "arbete");
        assertTrue(text.contains("passar dig i Linköping"), text);
        List<String> best = titles("");
        assertTrue(best.contains("Supported Employment Linköping"), best.toString());
        List<String> more = titles("Fler som kan passa");
        assertTrue(more.contains("Ung framtid"), more.toString());
        assertTrue(more.contains("SIP-samordning för unga vuxna"), more.toString());
        assertTrue(text.contains("för unga vuxna 16–29 år, och du är 24"), "the reason is said: " + text);
        assertTrue(text.contains("Planerad"), "a planned service is shown as such: " + text);
        assertFalse(text.contains("Samordningsbron"), "an ended service is never an answer: " + text);
        assertFalse(text.contains("Anhörigträffar"), "nor a paused one");
    }

    @Test
    void aLongTermSickListed50YearOldInVasterasGetsServicesForSickLeave() {
        String text = answer("50", "Västerås", "sjukskriven", "arbete");
        List<String> best = titles("");
        assertTrue(best.contains("Förstärkt samverkan AF–FK"), best.toString());
        assertTrue(best.contains("Samordningsteam Västerås"), best.toString());
        assertFalse(text.contains("Unga vuxna med aktivitetsersättning"), "19–29 years: " + text);
        assertFalse(text.contains("Yrkes- och studievägledning"), "paused: " + text);
        assertFalse(text.contains("Linköping"), "another federation's: " + text);
    }

    @Test
    void aNewlyArrived30YearOldWhereThereIsNoServiceIsShownWhatIsNearAndWhomToCall() {
        String text = answer("30", "Norrköping", "nyanland", "arbete");
        assertTrue(text.contains("Ingen insats i Norrköping passar alla dina svar"), text);
        assertTrue(titles("Stöd i närheten").contains("Studie- och yrkesvägledning för vuxna"), text);
        assertTrue(text.contains("grannkommunen Linköping"), text);
        assertFalse(text.contains("Arbetsmarknadskunskap och yrkesinformation"), "Västerås is not near: " + text);
        List<WebElement> neighbours = browser.findElements(By.cssSelector("#resultat ul.neighbours a"));
        assertTrue(neighbours.stream().anyMatch(a -> a.getText().equals("Linköping")), text);
        assertTrue(neighbours.stream().anyMatch(a -> a.getText().equals("Söderköping")), text);
        assertFalse(neighbours.stream().anyMatch(a -> a.getText().equals("Västerås")), text);
        assertTrue(text.contains("Vem kan du ringa?") && text.contains("Samordningsförbundet Centrala Östergötland")
                && text.contains("070-174 06 05"), text);
        neighbours.stream().filter(a -> a.getText().equals("Linköping")).findFirst().orElseThrow().click();
        await().atMost(Duration.ofMinutes(5)).until(() -> browser.getCurrentUrl().contains("kommun=0580"));
        assertTrue(titles("").contains("Studie- och yrkesvägledning för vuxna"), browser.findElement(By.id("resultat")).getText());
    }

    /** Every public page: search, results, Hittaguiden with answers, coverage, a county, docs, a service, quality, a concept. */
    private List<String> pages() {
        String service = http.json("/api/services?municipality=0580&perPage=1&q=supported").path("items").path(0).path("id").asText();
        String withOutcomes = "vasteras.ST-100";
        return List.of("/", "/?kommun=0580&status=alla", "/hittaguiden",
                "/hittaguiden?alder=24&kommun=0580&situation=aktivitetsersattning&hjalp=arbete&flera=ja",
                "/hittaguiden?alder=30&kommun=0581&situation=nyanland&hjalp=arbete",
                "/tackning", "/tackning?malgrupp=young-adults&lan=05", "/tackning?niva=lan", "/docs",
                "/id/service/" + service, "/id/service/" + withOutcomes, "/kvalitet/centrala-ostergotland",
                "/id/concept/target-group/activity-compensation", "/id/organisation/vasteras", "/min-plan");
    }

    @Test
    void everyPageFitsA320And390PixelPhoneWithoutSidewaysScrolling() {
        Dimension size = browser.manage().window().getSize();
        List<String> problems = new ArrayList<>();
        try {
            for (int width : new int[]{320, 390}) {
                browser.manage().window().setSize(new Dimension(width, 800));
                for (String page : pages()) {
                    browser.get(base + page);
                    Number viewport = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;");
                    Number scroll = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
                    if (scroll.intValue() > viewport.intValue()) {
                        problems.add(page + " at " + width + " px: scrollWidth " + scroll + " > " + viewport + " " + widest());
                    }
                }
            }
        } finally {
            browser.manage().window().setSize(size);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The element reaching furthest right, to say what overflows. */
    private String widest() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "var w = 0, d = ''; document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                        + " if (r.right > w) { w = r.right; d = e.tagName + '.' + e.className + ' ' + Math.round(r.right); } }); return d;"));
    }

    @Test
    void everyPageHasTheOneHeaderAndMenu() {
        for (String page : pages()) {
            browser.get(base + page);
            List<WebElement> headers = browser.findElements(By.cssSelector("body > header"));
            assertEquals(1, headers.size(), page);
            List<String> menu = browser.findElements(By.cssSelector("body > header nav a")).stream().map(WebElement::getText).toList();
            assertEquals(List.of("Sök", "Hittaguiden", "Vägledning", "Täckning", "Min plan", "Öppna data"), menu, page);
        }
    }
}
