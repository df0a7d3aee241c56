package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Min plan in headless Chromium (skipped, saying so, without one; see {@link Chromium}): a person adds a
 * service from its page, writes a goal and steps, marks one done, reloads, prints, saves the plan as a file
 * and opens it again after the browser forgot it; the page fits a 320 px phone and axe finds nothing serious;
 * without JavaScript the page says Min plan needs it. The browser talks to the hub through a
 * {@link RecordingProxy}, so the test sees every request the hub receives and that none carries the plan.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MinPlanBrowserTest {

    @TempDir
    static Path data;
    @TempDir
    static Path files;
    /** Where the browser saves files, and where the test keeps them once saved. */
    static Path downloads;
    static Path kept;
    Hub hub;
    RecordingProxy proxy;
    WebDriver browser;
    String base;
    String serviceId;
    String serviceTitle;
    /** Every goal and step text typed in this class: none may reach the hub. */
    final List<String> typed = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Chromium.assumePresent();
        downloads = Files.createDirectories(files.resolve("downloads"));
        kept = Files.createDirectories(files.resolve("kept"));
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        TestHttp http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
        JsonNode service = http.json("/api/services?municipality=0580&q=supported&perPage=1").path("items").path(0);
        serviceId = service.path("id").asText();
        serviceTitle = service.path("title").path("sv").asText();
        proxy = RecordingProxy.start(hub.port());
        base = "http://127.0.0.1:" + proxy.port();
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        browser = Chromium.start(1280, 900, options);
        ((ChromeDriver) browser).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (hub != null) {
            hub.stop().get(5, TimeUnit.MINUTES);
        }
    }

    /** Each test starts with an empty plan. */
    @BeforeEach
    void forgetThePlan() {
        browser.get(base + "/min-plan");
        script("window.localStorage.clear();");
        browser.navigate().refresh();
        await().atMost(Duration.ofMinutes(5)).until(() -> browser.findElement(By.id("plan")).isDisplayed());
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private String unique(String prefix) {
        String text = prefix + " " + UUID.randomUUID();
        typed.add(text);
        return text;
    }

    /** On the service's page, "Lägg till i Min plan"; returns what the control then says. */
    private String addTheServiceFromItsPage() {
        browser.get(base + "/id/service/" + serviceId);
        WebElement button = browser.findElement(By.cssSelector(".plan-add-button"));
        assertTrue(button.isDisplayed(), "the button shows with JavaScript");
        assertFalse(browser.findElement(By.cssSelector(".plan-add .plan-nojs")).isDisplayed(), "no need to say JavaScript is needed");
        assertEquals("Lägg till i Min plan", button.getText());
        button.click();
        WebElement status = browser.findElement(By.cssSelector(".plan-add-status"));
        await().atMost(Duration.ofMinutes(5)).until(() -> !status.getText().isEmpty());
        assertEquals("polite", status.getAttribute("aria-live"));
        return status.getText();
    }

    /** On /min-plan: writes the goal and adds the steps (the first by its button, the others with Enter). */
    private void writeGoalAndSteps(String goal, String... steps) {
        browser.get(base + "/min-plan");
        browser.findElement(By.id("plan-mal")).sendKeys(goal);
        for (int i = 0; i < steps.length; i++) {
            WebElement input = browser.findElement(By.id("plan-nytt-steg"));
            if (i == 0) {
                input.sendKeys(steps[i]);
                browser.findElement(By.id("plan-lagg-till-steg")).click();
            } else {
                input.sendKeys(steps[i] + "\n");
            }
            int count = i + 1;
            await().atMost(Duration.ofMinutes(5)).until(() -> stepTexts().size() == count);
        }
        assertEquals("Steget är tillagt.", browser.findElement(By.id("plan-status")).getText());
    }

    private List<String> stepTexts() {
        return browser.findElements(By.cssSelector("#plan-steg li label")).stream().map(WebElement::getText).toList();
    }

    private List<Boolean> stepsDone() {
        return browser.findElements(By.cssSelector("#plan-steg li input[type=checkbox]")).stream().map(WebElement::isSelected).toList();
    }

    private void markFirstStepDone() {
        browser.findElement(By.cssSelector("label[for=plan-steg-0]")).click();
        await().atMost(Duration.ofMinutes(5)).until(() -> stepsDone().equals(List.of(true, false)));
        assertEquals("Bra! Steget är klart.", browser.findElement(By.id("plan-status")).getText());
    }

    private void assertThePlan(String goal, List<String> steps, List<Boolean> done) {
        assertEquals(goal, browser.findElement(By.id("plan-mal")).getAttribute("value"));
        assertEquals(steps, stepTexts());
        assertEquals(done, stepsDone());
        List<WebElement> links = browser.findElements(By.cssSelector("#plan-insatser li a"));
        assertEquals(List.of(serviceTitle), links.stream().map(WebElement::getText).toList());
        assertTrue(links.get(0).getAttribute("href").endsWith("/id/service/" + serviceId), links.get(0).getAttribute("href"));
    }

    @Test
    void aPlanBuiltFromAServicePageIsStillThereAfterAReloadAndPrintsWithoutTheControls() {
        assertEquals("Tillagd i Min plan. Planen finns bara i din webbläsare.", addTheServiceFromItsPage());
        assertEquals("Den här finns redan i Min plan.", addTheServiceFromItsPage(), "added once");
        String goal = unique("Jag vill arbeta deltid");
        String first = unique("Ringa samordnaren");
        String second = unique("Gå på ett första möte");
        writeGoalAndSteps(goal, first, second);
        markFirstStepDone();

        browser.navigate().refresh();
        assertThePlan(goal, List.of(first, second), List.of(true, false));

        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            WebElement printed = browser.findElement(By.id("plan-utskrift"));
            assertTrue(printed.isDisplayed(), "the plan is on paper");
            String text = printed.getText();
            assertTrue(text.contains(goal), text);
            assertTrue(text.contains("[klart] " + first), text);
            assertTrue(text.contains("[ ] " + second), text);
            assertTrue(text.contains(serviceTitle) && text.contains("/id/service/" + serviceId), text);
            assertFalse(browser.findElement(By.id("plan-mal")).isDisplayed(), "no text box on paper");
            assertFalse(browser.findElement(By.id("plan-skriv-ut")).isDisplayed(), "no buttons on paper");
            assertFalse(browser.findElement(By.cssSelector("header.site")).isDisplayed(), "no menu on paper");
        } finally {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        assertFalse(browser.findElement(By.id("plan-utskrift")).isDisplayed(), "the paper version is not on the screen");
    }

    @Test
    void aPlanSavedAsAFileOpensAgainTheSameAfterTheBrowserForgotIt() throws IOException {
        addTheServiceFromItsPage();
        String goal = unique("Börja plugga <b>på</b> komvux & \"må bra\"");
        String first = unique("Boka tid hos studievägledaren");
        String second = unique("Läsa om CSN");
        writeGoalAndSteps(goal, first, second);
        markFirstStepDone();

        browser.findElement(By.id("plan-spara-json")).click();
        Path json = downloaded(".json");
        JsonNode file = TestHttp.JSON.readTree(Files.readString(json));
        assertEquals("insatsnavet-min-plan", file.path("format").asText());
        assertEquals(goal, file.path("goal").asText());
        assertEquals(first, file.path("steps").path(0).path("text").asText());
        assertTrue(file.path("steps").path(0).path("done").asBoolean());
        assertFalse(file.path("steps").path(1).path("done").asBoolean(true));
        assertEquals(serviceTitle, file.path("items").path(0).path("title").asText());

        browser.findElement(By.id("plan-spara-html")).click();
        String html = Files.readString(downloaded(".html"));
        assertTrue(html.contains("Börja plugga &lt;b&gt;på&lt;/b&gt; komvux &amp; &quot;må bra&quot;"), "escaped: " + html);
        assertFalse(html.contains("<b>på</b>"), html);
        assertTrue(html.contains("[klart] " + first) && html.contains("[ ] " + second), html);
        assertFalse(html.contains("<script"), html);

        script("window.localStorage.clear();");
        browser.navigate().refresh();
        assertEquals("", browser.findElement(By.id("plan-mal")).getAttribute("value"), "the browser forgot the plan");
        assertEquals(List.of(), stepTexts());

        browser.findElement(By.id("plan-fil")).sendKeys(json.toString());
        await().atMost(Duration.ofMinutes(5)).until(() -> stepTexts().size() == 2);
        assertThePlan(goal, List.of(first, second), List.of(true, false));
        assertEquals("Planen från filen är öppnad och sparad i den här webbläsaren.", browser.findElement(By.id("plan-status")).getText());
        browser.navigate().refresh();
        assertThePlan(goal, List.of(first, second), List.of(true, false));
    }

    @Test
    void aFileThatIsNotAPlanIsRefusedSayingWhyAndThePlanStaysAsItWas() throws IOException {
        String goal = unique("Mitt mål som ska vara kvar");
        writeGoalAndSteps(goal, unique("Ett steg"));
        Path notAPlan = kept.resolve("inte-en-plan.json");
        Files.writeString(notAPlan, "{\"format\": \"insatsnavet-min-plan\", \"version\": 1, \"goal\": \"x\", \"steps\": [],"
                + " \"items\": [{\"title\": \"Farlig\", \"url\": \"javascript:alert(1)\"}]}");
        browser.findElement(By.id("plan-fil")).sendKeys(notAPlan.toString());
        WebElement status = browser.findElement(By.id("plan-status"));
        await().atMost(Duration.ofMinutes(5)).until(() -> status.getText().contains("Planen är inte ändrad"));
        assertEquals("Insats 1 i filen har ett för långt namn eller en adress som inte är en webbadress. Planen är inte ändrad.",
                status.getText());
        assertEquals(goal, browser.findElement(By.id("plan-mal")).getAttribute("value"));
    }

    @Test
    void aFileWithFieldsAPlanHasNotOpensAndNamesWhatWasLeftOut() throws IOException {
        String goal = unique("Mål från en fil");
        Path file = kept.resolve("med-mer.json");
        Files.writeString(file, "{\"format\": \"insatsnavet-min-plan\", \"version\": 1, \"goal\": \"" + goal + "\","
                + " \"namn\": \"Anna\", \"steps\": [{\"text\": \"Ett steg\", \"done\": true, \"datum\": \"2026-12-01\"}], \"items\": []}");
        browser.findElement(By.id("plan-fil")).sendKeys(file.toString());
        await().atMost(Duration.ofMinutes(5)).until(() -> stepTexts().size() == 1);
        assertEquals(goal, browser.findElement(By.id("plan-mal")).getAttribute("value"));
        assertEquals(List.of(true), stepsDone());
        assertEquals("Planen från filen är öppnad och sparad i den här webbläsaren. Filen hade också uppgifter som Min plan"
                + " inte använder, och de är inte med: namn, steg.datum.", browser.findElement(By.id("plan-status")).getText());
    }

    @Test
    void emptyingThePlanAsksFirstAndThenForgetsEverything() {
        addTheServiceFromItsPage();
        writeGoalAndSteps(unique("Ett mål att tömma"), unique("Ett steg att tömma"));
        browser.findElement(By.id("plan-tom")).click();
        browser.switchTo().alert().dismiss();
        assertEquals(1, stepTexts().size(), "kept when the person says no");
        browser.findElement(By.id("plan-tom")).click();
        browser.switchTo().alert().accept();
        assertEquals("Planen är tömd.", browser.findElement(By.id("plan-status")).getText());
        assertEquals(List.of(), stepTexts());
        assertEquals("", browser.findElement(By.id("plan-mal")).getAttribute("value"));
        assertTrue(browser.findElements(By.cssSelector("#plan-insatser li")).isEmpty());
        assertEquals(null, script("return window.localStorage.getItem('insatsnavet-min-plan');"));
        browser.navigate().refresh();
        assertEquals(List.of(), stepTexts());
    }

    /** Waits for the one finished download ending in {@code suffix}, returns it and moves it out of the way. */
    private Path downloaded(String suffix) throws IOException {
        await().atMost(Duration.ofMinutes(5)).until(() -> files(suffix).size() == 1);
        Path file = files(suffix).get(0);
        Path moved = Files.createTempFile(kept, "plan", suffix);
        Files.move(file, moved, StandardCopyOption.REPLACE_EXISTING);
        return moved;
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> s = Files.list(downloads)) {
            return s.filter(p -> p.getFileName().toString().startsWith("min-plan-") && p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    @Test
    void noRequestTheHubReceivesCarriesThePlanAndNoCookieIsSetOrSent() throws Exception {
        // the whole journey once more, so that this test stands alone: add, write, mark, reload, print, save, open
        addTheServiceFromItsPage();
        String goal = unique("Hemligt mål");
        String step = unique("Hemligt steg");
        writeGoalAndSteps(goal, step);
        browser.findElement(By.cssSelector("label[for=plan-steg-0]")).click();
        browser.navigate().refresh();
        browser.findElement(By.id("plan-spara-json")).click();
        Path json = downloaded(".json");
        browser.findElement(By.id("plan-fil")).sendKeys(json.toString());
        browser.get(base + "/id/service/" + serviceId);
        browser.get(base + "/min-plan");
        assertEquals(goal, browser.findElement(By.id("plan-mal")).getAttribute("value"));

        // the recorder sees request lines and bodies: a control text sent through it is found
        String control = "kontroll-" + UUID.randomUUID();
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/min-plan"))
                .timeout(TestHttp.REQUEST_TIMEOUT).method("OPTIONS", HttpRequest.BodyPublishers.ofString(control)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(sent.statusCode() > 0);
        List<String> requests = proxy.requests();
        assertTrue(requests.stream().anyMatch(r -> r.contains(control)), "the recorder records bodies");
        assertTrue(requests.stream().anyMatch(r -> r.startsWith("GET /min-plan\n")), requests.toString());
        assertTrue(requests.stream().anyMatch(r -> r.startsWith("GET /assets/min-plan.js")), requests.toString());
        assertTrue(requests.stream().anyMatch(r -> r.startsWith("GET /id/service/" + serviceId)), requests.toString());

        List<String> leaks = new ArrayList<>();
        for (String request : requests) {
            for (String text : typed) {
                // the unique part of each text the person typed, in any encoding a request line would use
                String id = text.substring(text.length() - 36);
                if (request.contains(id)) {
                    leaks.add(text + " in " + request);
                }
            }
            if (request.toLowerCase(Locale.ROOT).contains("\ncookie:")) {
                leaks.add("a cookie in " + request);
            }
        }
        assertEquals(List.of(), leaks);
        assertTrue(proxy.responseHeaders().stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).contains("set-cookie")),
                "no response sets a cookie");
    }

    @Test
    void minPlanFitsA320PixelPhoneAndAxeFindsNothingSerious() {
        addTheServiceFromItsPage();
        writeGoalAndSteps(unique("Ett långt mål: " + "arbetslivsinriktadrehabilitering ".repeat(6)), unique("Ett steg"));
        markFirstStepDoneIfOne();
        Dimension size = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(320, 800));
            for (String page : List.of("/min-plan", "/id/service/" + serviceId)) {
                browser.get(base + page);
                Number viewport = (Number) script("return document.documentElement.clientWidth;");
                Number scroll = (Number) script("return document.documentElement.scrollWidth;");
                assertTrue(scroll.intValue() <= viewport.intValue(), page + ": scrollWidth " + scroll + " > " + viewport);
                Chromium.assertAccessible(browser, page + " at 320 px");
            }
        } finally {
            browser.manage().window().setSize(size);
        }
        browser.get(base + "/min-plan");
        Chromium.assertAccessible(browser, "/min-plan");
    }

    private void markFirstStepDoneIfOne() {
        browser.findElement(By.cssSelector("label[for=plan-steg-0]")).click();
        await().atMost(Duration.ofMinutes(5)).until(() -> stepsDone().equals(List.of(true)));
    }

    @Test
    void withoutJavaScriptMinPlanSaysItNeedsItAndWhyAndTheServicePageStillWorks() {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        WebDriver noScript = Chromium.start(1280, 900, options);
        try {
            noScript.get(base + "/min-plan");
            WebElement notice = noScript.findElement(By.id("plan-utan-js"));
            assertTrue(notice.isDisplayed());
            assertTrue(notice.getText().startsWith("Min plan behöver JavaScript"), notice.getText());
            assertTrue(notice.getText().contains("sparar din plan i din egen webbläsare, inte hos oss"), notice.getText());
            assertFalse(noScript.findElement(By.id("plan")).isDisplayed(), "no controls that cannot work");

            noScript.get(base + "/id/service/" + serviceId);
            assertEquals(serviceTitle, noScript.findElement(By.tagName("h1")).getText(), "the service page works");
            assertFalse(noScript.findElement(By.cssSelector(".plan-add-button")).isDisplayed());
            String said = noScript.findElement(By.cssSelector(".plan-add .plan-nojs")).getText();
            assertTrue(said.contains("Min plan behöver JavaScript, eftersom planen bara sparas i din egen webbläsare"), said);
        } finally {
            noScript.quit();
        }
    }
}
