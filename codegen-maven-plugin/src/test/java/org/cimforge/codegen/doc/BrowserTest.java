package org.cimforge.codegen.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.cimforge.runtime.server.RequiredProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The sample module's class reference in a real browser: the system's headless Chromium, driven through its
 * chromedriver by Selenium, opens the site from file://, follows links from the index to a class and on to its
 * superclass, searches, and finds no console error. Screenshots of the index and of the seed class's page are saved
 * under target/doc-browser (and one of the seed page at phone width, which must not scroll sideways). Skipped with the reason where Chromium is not installed, failed then under CI=true.
 */
class BrowserTest {
    // Debian's paths; the properties exist to point the test elsewhere (and to check its skip and CI behaviour).
    private static final Path CHROMIUM = Path.of(System.getProperty("cimforge.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("cimforge.chromedriver",
            "/usr/bin/chromedriver"));
    private static final Path OUT = Path.of("target/doc-browser");

    // Selenium warns on every start that it has no DevTools (CDP) binding for this Chromium version; the test uses
    // WebDriver only, never CDP, so the warning is noise. Held in a field: JUL keeps loggers only weakly.
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger(
            "org.openqa.selenium.devtools");

    static {
        CDP_LOG.setLevel(Level.SEVERE);
    }

    private static Path site;
    private ChromeDriver browser;
    private Path profile;

    @BeforeAll
    static void writeSite() throws IOException {
        site = OUT.resolve("site").toAbsolutePath();
        SiteWriter.write(ClassReference.render(DocSchemas.sample(), new DocOptions("CIMForge sample", List.of())), site);
    }

    @BeforeEach
    void startBrowser() throws IOException {
        RequiredProgram.require(CHROMIUM, "chromium");
        RequiredProgram.require(CHROMEDRIVER, "chromium-driver");
        Files.createDirectories(OUT);
        profile = Files.createTempDirectory(OUT.toAbsolutePath(), "profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String url(String relative) {
        return site.resolve(relative).toUri().toString();
    }

    @Test
    void indexToClassToSuperclassSearchAndNoConsoleErrors() throws IOException {
        browser.get(url("index.html"));
        assertThat(browser.getTitle()).isEqualTo("CIMForge sample");
        // The search form is hidden in the HTML and shown by the script: it ran.
        WebElement query = browser.findElement(By.id("q"));
        assertThat(query.isDisplayed()).isTrue();
        screenshot("index.png");

        browser.findElement(By.linkText("IBMTSESS_AsyncPPRCService")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/classes/IBMTSESS_AsyncPPRCService.html");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("IBMTSESS_AsyncPPRCService");
        assertThat(browser.findElements(By.cssSelector("table.return-codes"))).hasSizeGreaterThan(20);
        screenshot("IBMTSESS_AsyncPPRCService.png");

        List<WebElement> superclasses = browser.findElements(By.cssSelector("#superclasses a"));
        WebElement parent = superclasses.get(superclasses.size() - 1);
        assertThat(parent.getText()).isEqualTo("IBMTSESS_StorageConfigurationService");
        parent.click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("IBMTSESS_StorageConfigurationService");
        assertThat(browser.findElements(By.cssSelector("#subclasses a"))).extracting(WebElement::getText)
                .contains("IBMTSESS_AsyncPPRCService");

        browser.findElement(By.linkText("Index")).click();
        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys("asyncpprc");
        List<WebElement> hits = waitFor(() -> browser.findElements(By.cssSelector("#results li a")),
                found -> !found.isEmpty());
        assertThat(hits).extracting(WebElement::getText).containsExactly("IBMTSESS_AsyncPPRCService");
        // A member name finds the classes that declare it.
        search.clear();
        search.sendKeys("CreateReplica");
        assertThat(browser.findElements(By.cssSelector("#results li a"))).extracting(WebElement::getText)
                .contains("CIM_StorageConfigurationService");
        search.clear();
        search.sendKeys("IBMTSESS_AsyncPPRC");
        search.submit();
        assertThat(waitFor(browser::getCurrentUrl, u -> u.endsWith("IBMTSESS_AsyncPPRCService.html")))
                .endsWith("/classes/IBMTSESS_AsyncPPRCService.html");

        browser.get(url("tree.html"));
        assertThat(browser.findElements(By.cssSelector("svg.tree text"))).hasSizeGreaterThan(50);

        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(problems).as("browser console").isEmpty();
    }

    @Test
    void classPageFitsAPhoneWidth() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("classes/IBMTSESS_AsyncPPRCService.html"));
        screenshot("IBMTSESS_AsyncPPRCService-phone.png");
        // Wide tables scroll inside their own box; the page itself never scrolls sideways.
        Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
        Number viewport = (Number) browser.executeScript("return document.documentElement.clientWidth;");
        // What sticks out, for the failure message: text runs (a long word overflows its box) outside scroll boxes.
        Object wide = browser.executeScript("var w = document.documentElement.clientWidth, out = [];"
                + "var walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), n;"
                + "while ((n = walk.nextNode())) {"
                + "  if (n.parentElement.closest('.table-wrap')) continue;"
                + "  var range = document.createRange(); range.selectNodeContents(n);"
                + "  var r = range.getBoundingClientRect();"
                + "  if (r.right > w + 0.5) out.push(n.parentElement.tagName + ' ' + Math.round(r.right) + ' '"
                + "      + n.textContent.trim().slice(0, 50)); }"
                + "return out.slice(0, 10).join('\\n');");
        assertThat(scrollWidth.intValue()).as("elements wider than the screen:%n%s", wide)
                .isLessThanOrEqualTo(viewport.intValue());
    }

    /** Polls every 50 ms, for at most 10 s, until the value passes the check; returns the last value read. */
    private static <T> T waitFor(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = read.get();
        }
        return value;
    }

    private void screenshot(String name) {
        try {
            Files.write(OUT.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
