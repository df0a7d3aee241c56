package se.insatsnavet.hub;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's headless Chromium through ChromeDriver for the browser tests: skipped, saying so, where it is not
 * installed, unless INSATSNAVET_REQUIRE_BROWSER is set (as .ci/run does), which makes its absence a failure.
 */
final class Chromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Skips the calling test class when there is no browser and none is required; fails when one is required. */
    static void assumePresent() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("INSATSNAVET_REQUIRE_BROWSER") == null) {
            Assumptions.assumeTrue(present, "No /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        }
        assertTrue(present, "INSATSNAVET_REQUIRE_BROWSER is set but Chromium or ChromeDriver is missing");
    }

    /** A new headless browser window of {@code width} × {@code height} CSS pixels, Swedish first. */
    static WebDriver start(int width, int height) {
        return start(width, height, new ChromeOptions());
    }

    /** As {@link #start(int, int)}, with {@code options} carrying more (e.g. preferences: downloads, JavaScript off). */
    static WebDriver start(int width, int height, ChromeOptions options) {
        options.setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=sv-SE",
                        "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        // a bound for a hung page, not a speed limit: a busy CI machine may take long to render one
        browser.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(2));
        return browser;
    }

    /** axe-core on the page open in {@code browser} (WCAG 2.1 A and AA) finds no serious or critical violation. */
    static void assertAccessible(WebDriver browser, String page) {
        List<Rule> serious = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser)
                .getViolations().stream().filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertTrue(serious.isEmpty(), () -> page + ": " + serious.stream().map(v -> v.getId() + " (" + v.getImpact() + "): "
                + v.getHelp() + " " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList()).toList());
    }
}
