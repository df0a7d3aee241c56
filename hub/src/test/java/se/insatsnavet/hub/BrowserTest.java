package se.insatsnavet.hub;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public pages in a real browser (Debian's headless Chromium through ChromeDriver): a search, the guided
 * finder and the coverage map end to end, keyboard and 200% zoom, and axe-core finding no serious or critical
 * violation.
 * .ci/run installs the browser and requires this test; elsewhere it is skipped, saying so, without one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {

    @TempDir
    static Path data;
    Hub hub;
    WebDriver browser;
    String base;

    @BeforeAll
    void start() throws Exception {
        Chromium.assumePresent();
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        TestHttp http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
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

    private void assertAccessible(String page) {
        Chromium.assertAccessible(browser, page);
    }

    @Test
    void aSearchWithAFilterFindsServicesAndTheirPages() {
        browser.get(base + "/");
        assertAccessible("search page");
        browser.findElement(By.id("q")).sendKeys("arbetsträning");
        new Select(browser.findElement(By.id("kommun"))).selectByVisibleText("Linköping");
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        await().atMost(Duration.ofMinutes(5)).until(() -> browser.getCurrentUrl().contains("kommun=0580"));
        List<WebElement> results = browser.findElements(By.cssSelector("ol.results li h2 a"));
        assertTrue(!results.isEmpty(), browser.getPageSource());
        assertAccessible("search results");
        String title = results.get(0).getText();
        results.get(0).click();
        await().atMost(Duration.ofMinutes(5)).until(() -> browser.getCurrentUrl().contains("/id/service/"));
        assertEquals(title, browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.getPageSource().contains("application/ld+json"), "schema.org JSON-LD embedded");
        assertAccessible("service page");
    }

    @Test
    void aNetworkChoosesSeveralCountiesAndSeesWhichFederationEachServiceComesFrom() {
        browser.get(base + "/");
        browser.findElement(By.cssSelector("details.regions summary")).click();
        browser.findElement(By.cssSelector("label[for=lan-05]")).click();
        browser.findElement(By.cssSelector("label[for=lan-19]")).click();
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        await().atMost(Duration.ofMinutes(5)).until(() -> browser.getCurrentUrl().contains("lan=19"));
        assertTrue(browser.getCurrentUrl().contains("lan=05"), browser.getCurrentUrl());
        String text = browser.findElement(By.id("resultat")).getText();
        assertTrue(text.contains("Samordningsförbund:"), text);
        assertTrue(browser.findElement(By.id("lan-05")).isSelected(), "the choice is kept");
        assertAccessible("search across two counties");
    }

    @Test
    void theGuidedFinderAnswersAndLetsOneChangeAnAnswer() {
        browser.get(base + "/hittaguiden");
        assertAccessible("finder questions");
        browser.findElement(By.id("alder")).sendKeys("24");
        new Select(browser.findElement(By.id("kommun"))).selectByVisibleText("Linköping");
        browser.findElement(By.cssSelector("label[for=" + radioId("situation", "aktivitetsersattning") + "]")).click();
        browser.findElement(By.cssSelector("label[for=" + radioId("hjalp", "arbete") + "]")).click();
        browser.findElement(By.cssSelector("form.finder button[type=submit]")).click();
        await().atMost(Duration.ofMinutes(5)).until(() -> browser.getCurrentUrl().contains("situation=aktivitetsersattning"));
        String shared = browser.getCurrentUrl();
        assertTrue(browser.findElements(By.cssSelector("ol.results li")).size() > 0, browser.getPageSource());
        assertTrue(browser.findElement(By.cssSelector("p.why")).getText().startsWith("Därför passar den"));
        assertAccessible("finder results");
        browser.findElement(By.cssSelector("label[for=" + radioId("hjalp", "halsa") + "]")).click();
        browser.findElement(By.cssSelector("form.finder button[type=submit]")).click();
        await().atMost(Duration.ofMinutes(5)).until(() -> browser.getCurrentUrl().contains("hjalp=halsa"));
        browser.get(shared);
        assertTrue(browser.findElement(By.id(radioId("hjalp", "arbete"))).isSelected(), "the shared URL restores the answers");
    }

    @Test
    void theCoverageMapIsAccessibleAndAFormChoiceZoomsToACounty() {
        browser.get(base + "/");
        browser.findElement(By.linkText("Täckning")).click();
        await().atMost(Duration.ofMinutes(5)).until(() -> browser.getCurrentUrl().endsWith("/tackning"));
        assertAccessible("coverage page");
        new Select(browser.findElement(By.id("malgrupp"))).selectByValue("young-adults");
        new Select(browser.findElement(By.id("lan"))).selectByVisibleText("Östergötlands län");
        browser.findElement(By.cssSelector("form.tackning button[type=submit]")).click();
        await().atMost(Duration.ofMinutes(5)).until(() -> browser.getCurrentUrl().contains("lan=05"));
        assertEquals(13, browser.findElements(By.cssSelector("table.kommuner tbody tr")).size(), "Östergötland's municipalities");
        assertEquals(13, browser.findElements(By.cssSelector("figure.karta path[data-kod]")).size());
        WebElement gap = browser.findElement(By.cssSelector("figure.karta path.antal-0"));
        Object fill = ((JavascriptExecutor) browser).executeScript("return getComputedStyle(arguments[0]).fill;", gap);
        assertTrue(String.valueOf(fill).contains("#saknas"), "a municipality without a service is hatched: " + fill);
        assertAccessible("coverage page, a county");
        new Select(browser.findElement(By.id("niva"))).selectByValue("lan");
        browser.findElement(By.cssSelector("form.tackning button[type=submit]")).click();
        await().atMost(Duration.ofMinutes(5)).until(() -> browser.getCurrentUrl().contains("niva=lan"));
        assertEquals(21, browser.findElements(By.cssSelector("figure.karta path[data-kod]")).size(), "the counties");
        assertAccessible("coverage page, counties");
        Dimension size = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(640, 900)); // 1280 px at 200% zoom
            browser.get(base + "/tackning?malgrupp=young-adults&metod=supported-employment");
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(((Number) overflow).intValue() <= 0, "no horizontal scrolling at 640 px: " + overflow);
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    /** The id of the radio button with this value (ids are name-index). */
    private String radioId(String name, String value) {
        return browser.findElement(By.cssSelector("input[name=" + name + "][value=" + value + "]")).getAttribute("id");
    }

    @Test
    void keyboardFirstReachesTheSkipLinkAndTheLayoutHoldsAt200PercentZoom() {
        browser.get(base + "/");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertEquals("Hoppa till resultaten", focused.getText());
        Dimension size = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(640, 900)); // 1280 px at 200% zoom
            browser.get(base + "/hittaguiden?alder=24&kommun=0580&situation=aktivitetsersattning&hjalp=arbete");
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(((Number) overflow).intValue() <= 0, "no horizontal scrolling at 640 px: " + overflow);
        } finally {
            browser.manage().window().setSize(size);
        }
    }
}
