package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A federation's editor on /kvalitet in a real browser: the bundled examples' duplicate (Försäkringskassan's
 * förrehabilitering, listed by Södertörn and by Stockholm) is shown with buttons; a wrong key is refused, the
 * right one confirms the pair, and nothing of the key is left in the browser. Skipped without Chromium, like
 * the other browser tests ({@link Chromium}), unless INSATSNAVET_REQUIRE_BROWSER is set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorsPageBrowserTest {

    @TempDir
    static Path data;
    Hub hub;
    TestHttp http;
    WebDriver browser;
    String base;

    @BeforeAll
    void start() throws Exception {
        Chromium.assumePresent();
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
        base = "http://127.0.0.1:" + hub.port();
        browser = Chromium.start(390, 900);
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

    @Test
    void anEditorConfirmsTheBundledDuplicateWithTheFederationsKeyAndTheKeyIsNotKept() {
        JsonNode open = http.json("/api/duplicates?federation=sodertorn");
        assertTrue(open.path("total").asInt() >= 1, "the bundled examples have a duplicate: " + open);
        String key = hub.tokens().create("sodertorn", "editors page test").secret();

        browser.get(base + "/kvalitet/sodertorn");
        WebElement form = await().atMost(Duration.ofMinutes(1)).until(() -> browser.findElements(By.cssSelector("form.beslut")).stream()
                .filter(f -> f.getAttribute("data-a").contains("OS-0116") || f.getAttribute("data-b").contains("OS-0116"))
                .filter(WebElement::isDisplayed).findFirst().orElse(null), f -> f != null);
        Chromium.assertAccessible(browser, "/kvalitet/sodertorn");

        WebElement keyField = browser.findElement(By.id("api-nyckel"));
        keyField.sendKeys("fel-nyckel");
        form.findElement(By.cssSelector("button[value=confirmed]")).click();
        WebElement status = browser.findElement(By.id("dubblett-status"));
        await().atMost(Duration.ofMinutes(1)).until(() -> status.getText().contains("Nyckeln gäller inte"));

        keyField.clear();
        keyField.sendKeys(key);
        form.findElement(By.cssSelector("button[value=confirmed]")).click();
        await().atMost(Duration.ofMinutes(1)).until(() -> status.getText().contains("Bekräftad som samma insats"));

        JsonNode confirmed = http.json("/api/duplicates?federation=sodertorn&status=confirmed");
        assertEquals(1, confirmed.path("total").asInt(), confirmed.toString());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertEquals("", js.executeScript("return document.cookie"));
        assertEquals(0L, js.executeScript("return window.localStorage.length + window.sessionStorage.length"));
    }
}
