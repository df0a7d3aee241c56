package se.insatsnavet.hub;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
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
 * {@link BrowserTest}, unless INSATSNAVET_REQUIRE_BROWSER is set.
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
        boolean present = Files.isExecutable(BrowserTest.CHROMIUM) && Files.isExecutable(BrowserTest.CHROMEDRIVER);
        if (System.getenv("INSATSNAVET_REQUIRE_BROWSER") == null) {
            Assumptions.assumeTrue(present, "No /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        }
        assertTrue(present, "INSATSNAVET_REQUIRE_BROWSER is set but Chromium or ChromeDriver is missing");
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
        base = "http://127.0.0.1:" + hub.port();
        ChromeOptions options = new ChromeOptions().setBinary(BrowserTest.CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=sv-SE", "--window-size=390,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(BrowserTest.CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(2));
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
        List<Rule> serious = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser)
                .getViolations().stream().filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertTrue(serious.isEmpty(), () -> serious.stream().map(Rule::getId).toList().toString());

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
