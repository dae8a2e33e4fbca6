package io.faceclock.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver. Both paths are given, so Selenium
 * Manager never runs and nothing is downloaded. The camera is Chromium's fake device playing a file.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Pattern REFUSED_LOAD = Pattern.compile(".*the server responded with a status of (\\d{3}).*");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;
    private final Path screenshots;

    Browser(Path fakeCamera, Path screenshots) throws IOException {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver; .ci/run installs them)");
        }
        this.profile = Files.createTempDirectory("faceclock-chromium");
        this.downloads = Files.createTempDirectory("faceclock-downloads");
        this.screenshots = Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=1280,900", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + fakeCamera, "--no-first-run", "--disable-extensions");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Clicks the element once it is there, again if the page redrew it meanwhile. */
    void click(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(d -> {
                    d.findElement(By.cssSelector(css)).click();
                    return true;
                });
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (up to the given seconds) until the element's text matches the pattern; answers the text. */
    String waitForText(String css, String regex, int seconds) {
        Pattern p = Pattern.compile(regex, Pattern.DOTALL);
        String[] seen = {""};
        try {
            new WebDriverWait(driver, Duration.ofSeconds(seconds)).pollingEvery(Duration.ofMillis(100))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                List<WebElement> els = d.findElements(By.cssSelector(css));
                for (WebElement e : els) {
                    String t = e.getText();
                    seen[0] = t;
                    if (p.matcher(t).find()) {
                        return true;
                    }
                }
                return false;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("'" + css + "' never matched /" + regex + "/ within " + seconds + " s; it said: "
                    + seen[0]);
        }
        return seen[0];
    }

    void waitFor(String css, int seconds) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A PNG of the whole page (not only the window) under target/screenshots, named after the test. */
    Path screenshot(String name) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = ((Number) size.get("height")).doubleValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height,
                        "scale", 1)));
        Path file = screenshots.resolve(name + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    /** The screenshot a person looks at, checked that nothing sticks out of it. */
    void shot(String name) throws IOException {
        screenshot(name);
        assertNothingSticksOut();
    }

    /** The same page as a tablet in portrait shows it (820 x 1180), then back to the laptop window. */
    void tabletShot(String name) throws IOException {
        var window = driver.manage().window();
        var size = window.getSize();
        window.setSize(new org.openqa.selenium.Dimension(820, 1180));
        try {
            shot(name + "-tablet");
        } finally {
            window.setSize(size);
        }
    }

    /**
     * Nothing is wider than the window (no sideways scrolling) and no text runs out of its card:
     * every element inside a .card ends within it.
     */
    void assertNothingSticksOut() {
        Object wide = js("const w = document.documentElement.clientWidth;"
                + "if (document.documentElement.scrollWidth > w) return 'the page is ' + document.documentElement.scrollWidth"
                + " + ' px wide in a ' + w + ' px window';"
                + "for (const card of document.querySelectorAll('.card')) {"
                + "  const edge = card.getBoundingClientRect().right;"
                + "  for (const e of card.querySelectorAll('*')) {"
                + "    const r = e.getBoundingClientRect();"
                + "    if (r.width && r.right > edge + 1 && !e.closest('.scroll')) return (e.id || e.className || e.tagName)"
                + "      + ' ends at ' + Math.round(r.right) + ' px, its card at ' + Math.round(edge) + ': ' + e.textContent.slice(0, 80);"
                + "  }"
                + "}"
                + "return null;");
        assertTrue(wide == null, String.valueOf(wide));
    }

    /**
     * The console's errors since the last call, except the browser's note that a request was refused
     * with one of the given statuses (a refusal the page shows is the point of some tests).
     */
    void assertNoConsoleErrors(int... expectedStatuses) {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !expected(m, expectedStatuses))
                .toList();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
    }

    private static boolean expected(String message, int... statuses) {
        var m = REFUSED_LOAD.matcher(message);
        if (!m.matches()) {
            return false;
        }
        int status = Integer.parseInt(m.group(1));
        for (int s : statuses) {
            if (s == status) {
                return true;
            }
        }
        return false;
    }

    /** Waits for a finished download whose name ends so, and answers its text. */
    String downloaded(String suffix, int seconds) throws IOException {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            try (var files = Files.list(downloads)) {
                var done = files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
                if (done.isPresent()) {
                    return Files.readString(done.get());
                }
            }
            try {
                Thread.sleep(100); // Chromium writes the file on its own schedule: nothing to inject
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("no *" + suffix + " was downloaded within " + seconds + " s");
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
            deleteTree(downloads);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
