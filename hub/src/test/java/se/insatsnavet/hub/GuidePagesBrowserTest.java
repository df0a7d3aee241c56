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
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guidance pages in headless Chromium (skipped, saying so, without one; see {@link Chromium}): /vagledning, a
 * situation guide, a lättläst page, a service page with its guidance sections and Hittaguiden's answer with the
 * guide have no serious or critical axe-core violation and fit a 320 px phone without sideways scrolling.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuidePagesBrowserTest {

    private static final List<String> PAGES = List.of("/vagledning", "/vagledning/alfa/guide-sjuk",
            "/vagledning/alfa/jobbsparet", "/vagledning/alfa/jobbsparet/lattlast", "/vagledning/alfa/kostar",
            "/id/service/alfa.s1", "/hittaguiden?kommun=0580&situation=sjukskriven");

    @TempDir
    static Path data;
    @TempDir
    static Path federations;
    Hub hub;
    WebDriver browser;
    String base;

    @BeforeAll
    void start() throws Exception {
        Chromium.assumePresent();
        GuidanceFixture.write(federations);
        hub = GuidanceFixture.start(data, federations);
        for (RunReport r : hub.syncNow("alfa", "test")) {
            assertEquals(RunStatus.SUCCEEDED, r.status(), r.toString());
        }
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

    @Test
    void theGuidancePagesHaveNoSeriousAccessibilityViolation() {
        for (String page : PAGES) {
            browser.get(base + page);
            assertEquals(1, browser.findElements(By.tagName("h1")).size(), page);
            Chromium.assertAccessible(browser, page);
        }
    }

    @Test
    void theGuidancePagesFitA320PixelPhoneWithoutSidewaysScrolling() {
        Dimension size = browser.manage().window().getSize();
        List<String> problems = new ArrayList<>();
        try {
            browser.manage().window().setSize(new Dimension(320, 800));
            for (String page : PAGES) {
                browser.get(base + page);
                Number viewport = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;");
                Number scroll = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
                if (scroll.intValue() > viewport.intValue()) {
                    problems.add(page + ": scrollWidth " + scroll + " > " + viewport);
                }
            }
        } finally {
            browser.manage().window().setSize(size);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
