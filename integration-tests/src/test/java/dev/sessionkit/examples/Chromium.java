package dev.sessionkit.examples;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium for the browser tests: checks it is installed, starts one browser per "device", records
 * Content-Security-Policy violations and console errors, and saves full-page screenshots. Selenium Manager never
 * runs: the driver and browser paths are given, so nothing is looked up or downloaded.
 */
final class Chromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Runs in every document before its own scripts (DevTools injects it, so the page's CSP does not apply to it):
     * each CSP violation the page causes is kept in {@code window.cspViolations}.
     */
    private static final String RECORD_VIOLATIONS = "window.cspViolations = [];"
            + " document.addEventListener('securitypolicyviolation', e => window.cspViolations.push("
            + " e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':'"
            + " + e.lineNumber));";

    private Chromium() {
    }

    /**
     * Skips the calling test class on a developer's machine without Chromium, and fails it in CI ({@code CI=true}).
     *
     * @param test the test class name, for the message
     */
    static void requireInstalled(String test) {
        List<Path> missing = Stream.of(BINARY, DRIVER).filter(p -> !Files.isExecutable(p)).toList();
        if (!missing.isEmpty()) {
            String message = "Browser tests need " + missing.stream().map(Path::toString).collect(Collectors.joining(
                    " and ")) + "; install them with: apt-get install chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " (.ci/run does this in CI)");
            }
            System.err.println(test + " skipped: " + message);
            Assumptions.abort(message);
        }
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    }

    /** Where screenshots go: {@code target/screenshots/}, created if needed. */
    static Path screenshots() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("basedir", ".")).resolve("target/screenshots"));
    }

    /**
     * Starts a headless browser that records CSP violations ({@link #cspViolations}) and keeps its console log
     * ({@link #consoleErrors}).
     *
     * @param profile an empty directory for the browser profile
     * @param userAgent the user agent string it sends
     * @param hints the client hints it sends (CDP UserAgentMetadata), or null for Chromium's own
     * @param width the window width
     * @param height the window height
     * @param mobile whether to emulate a phone's viewport and touch
     */
    static ChromeDriver start(Path profile, String userAgent, Map<String, Object> hints, int width, int height,
            boolean mobile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--user-agent=" + userAgent);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        if (mobile) {
            // A phone's viewport (a headless window cannot be narrower than 500 px), honouring <meta viewport>.
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 2, "mobile", true));
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
        }
        if (hints != null) {
            driver.executeCdpCommand("Emulation.setUserAgentOverride",
                    Map.of("userAgent", userAgent, "userAgentMetadata", hints));
        }
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
        return driver;
    }

    /** Returns the CSP violations of the current document so far. */
    @SuppressWarnings("unchecked")
    static List<String> cspViolations(ChromeDriver driver) {
        return (List<String>) driver.executeScript("return window.cspViolations || ['recorder missing'];");
    }

    /** Returns the console errors (level SEVERE) logged since the last call, CSP reports included. */
    static List<String> consoleErrors(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Saves a full-page screenshot (not just the viewport) through the DevTools protocol. */
    @SuppressWarnings("unchecked")
    static void save(ChromeDriver driver, String file) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", Math.ceil(((Number) size.get("width")).doubleValue()),
                "height", Math.ceil(((Number) size.get("height")).doubleValue()));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(screenshots().resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
