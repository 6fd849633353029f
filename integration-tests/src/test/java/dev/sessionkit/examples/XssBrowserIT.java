package dev.sessionkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.servlet.testing.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 11 in a real headless Chromium. Defect 1 (stored XSS): alice signs in over raw HTTP with a hostile
 * {@code User-Agent} and client hints whose brand breaks out of an HTML attribute ({@code \"} is a real quote after
 * structured-field parsing); every page that shows session data (dashboard, devices, history, admin) then shows the
 * device as plain, safe text, and nothing the hints carried runs. Defect 2: under the demo's strict CSP every page
 * works (the admin charts draw) with no CSP violation and no console error.
 */
class XssBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CHROMIUM_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";

    /** A Chromium user agent (so hints are believed) with markup after it; the raw user agent is never shown. */
    private static final String HOSTILE_UA = CHROMIUM_UA + " <img src=x onerror=\"pwned='ua'\">";
    /** After parsing: {@code x" autofocus onfocus="document.title='PWNED';pwned=1//}, run on load with no click. */
    private static final String HOSTILE_BRAND = "\"x\\\" autofocus onfocus=\\\"document.title='PWNED';pwned=1//\"";
    private static final String HOSTILE_PLATFORM = "\"<img src=x onerror=pwned='platform'>\"";
    private static final String HOSTILE_MODEL = "\"<script>pwned='model'</script>\"";

    /** The same names made safe text (DisplayText): what every page must show, literally. */
    private static final String SAFE_BROWSER = "x autofocus onfocusdocument.title'PWNED';pwned1//";
    private static final String SAFE_OS = "img srcx onerrorpwned'platform'";
    private static final String SAFE_DEVICE = SAFE_BROWSER + " / " + SAFE_OS;

    @TempDir
    Path data;
    @TempDir
    Path profiles;

    private DemoServer demo;
    private URI base;
    private ChromeDriver chromium;

    @BeforeAll
    static void chromiumInstalled() {
        Chromium.requireInstalled("XssBrowserIT");
    }

    @BeforeEach
    void start() throws Exception {
        demo = new DemoServer();
        base = demo.start("127.0.0.1", 0, Map.of(
                "jdbc-url", "jdbc:h2:file:" + data.resolve("sessionkit").toAbsolutePath(),
                "sessionkit.demo.data", data.toString()));
        chromium = Chromium.start(Files.createDirectory(profiles.resolve("chromium")), CHROMIUM_UA, null, 1280, 900,
                false);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            chromium.quit();
        } finally {
            demo.close();
        }
    }

    @Test
    void hostileDeviceNamesWhenShownOnEveryPageThenPlainTextAndNothingRuns() throws Exception {
        String password = demo.users().passwords().get("alice");
        hostileSignIn(password); // another device: its row on "Your devices" has the sign-out button
        Browser ended = hostileSignIn(password);
        assertEquals(303, ended.post("/logout", Map.of(), "Origin", origin(), "Sec-Fetch-Site", "same-origin")
                .statusCode()); // for the history
        Browser own = hostileSignIn(password); // the one Chromium uses: the dashboard shows its device

        chromium.get(base.resolve("/login.html").toString());
        chromium.manage().addCookie(new Cookie("sid", own.cookies().get("sid"), "/"));

        open("/app/devices.html", "Your devices - Sessionkit demo", "#sessions tr[data-session]");
        new WebDriverWait(chromium, WAIT).until(d -> count("#sessions tr[data-session]") == 2);
        assertNothingRan("devices");
        assertEquals(List.of(SAFE_BROWSER, SAFE_BROWSER), texts("#sessions .browser"));
        assertEquals(List.of(SAFE_OS, SAFE_OS), texts("#sessions .os"));
        assertEquals("Sign out " + SAFE_BROWSER + " on " + SAFE_OS, chromium.findElement(
                By.cssSelector("#sessions button[data-end]")).getAttribute("aria-label"));
        Chromium.save(chromium, "xss-devices.png");

        open("/app/", "Dashboard - Sessionkit demo", "#active-count");
        assertNothingRan("dashboard");
        assertTrue(text("#summary").contains(" on " + SAFE_DEVICE + " from 127.0.0.1."), text("#summary"));

        open("/app/history.html", "Login history - Sessionkit demo", "#history tr");
        new WebDriverWait(chromium, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#history .reason"), "signed out"));
        assertNothingRan("history");
        assertEquals(List.of(SAFE_DEVICE), columnOf("#history tr", 3));

        open("/app/activity.html", "Security activity - Sessionkit demo", "#events tr[data-event]");
        assertNothingRan("activity");
        List<String> devices = texts("#events tr[data-type^='authn_login_success'] .device");
        assertEquals(3, devices.size(), devices.toString());
        devices.forEach(device -> assertTrue(device.contains(SAFE_BROWSER), device));

        open("/app/admin.html", "Admin - Sessionkit demo", "#sessions tr[data-session]");
        new WebDriverWait(chromium, WAIT).until(d -> count("#sessions tr[data-session]") == 3);
        assertNothingRan("admin");
        assertEquals(List.of(SAFE_DEVICE, SAFE_DEVICE, SAFE_DEVICE), columnOf("#sessions tr[data-session]", 3));
        Chromium.save(chromium, "xss-admin.png");
    }

    @Test
    void everyPageWhenUsedUnderTheCspThenWorksWithoutViolationsOrConsoleErrors() throws Exception {
        chromium.get(base.resolve("/login.html").toString());
        assertClean("login.html");
        chromium.findElement(By.id("username")).sendKeys("alice");
        chromium.findElement(By.id("password")).sendKeys(demo.users().passwords().get("alice"));
        chromium.findElement(By.cssSelector("form button[type='submit']")).click();
        new WebDriverWait(chromium, WAIT).until(ExpectedConditions.urlMatches("/app/$"));
        new WebDriverWait(chromium, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("active-count")));
        assertEquals("1", text("#active-count"));
        assertClean("dashboard");

        open("/app/devices.html", "Your devices - Sessionkit demo", "#sessions tr[data-session]");
        assertEquals("this device", text("#sessions .tag"));
        assertClean("devices");

        open("/app/history.html", "Login history - Sessionkit demo", "#history tr");
        assertEquals("No ended sessions yet.", text("#history td"));
        assertClean("history");

        open("/app/activity.html", "Security activity - Sessionkit demo", "#events tr[data-event]");
        assertEquals("Signed in with password", text("#events .what"));
        assertClean("activity");

        open("/app/password.html", "Change password - Sessionkit demo", "header nav a");
        chromium.findElement(By.id("current")).sendKeys("not the password");
        chromium.findElement(By.id("next")).sendKeys("long enough new one");
        chromium.findElement(By.cssSelector("#change button[type='submit']")).click();
        new WebDriverWait(chromium, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
                "The current password is wrong"));
        // The 400 itself is logged by Chromium as a failed resource load: that is the page working, not an error.
        assertClean("password", "app/password - Failed to load resource: the server responded with a status of 400");

        open("/app/admin.html", "Admin - Sessionkit demo", "#sessions tr[data-session]");
        new WebDriverWait(chromium, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("body[data-charts-drawn='true']")));
        new WebDriverWait(chromium, WAIT).until(d -> Boolean.TRUE.equals(chromium.executeScript(
                "return Object.values(Chart.instances).length === 4 && Object.values(Chart.instances)"
                        + ".every(c => c.width > 0 && c.height > 0 && !Chart.animator.running(c));")));
        assertClean("admin");
        Chromium.save(chromium, "csp-admin.png");
        // The policy is really in force: an inline script added now is refused, and reported.
        chromium.executeScript("const probe = document.createElement('script');"
                + " probe.textContent = 'window.inlineRan = true'; document.body.append(probe);");
        settle();
        assertEquals(null, chromium.executeScript("return window.inlineRan === undefined ? null : 'ran';"),
                "an inline script ran");
        List<String> violations = Chromium.cspViolations(chromium);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("script-src-elem blocked inline"), violations.toString());
        Chromium.consoleErrors(chromium); // Chromium logs the refusal too: read it, so it is not counted below

        chromium.findElement(By.cssSelector("header form button[type='submit']")).click();
        new WebDriverWait(chromium, WAIT).until(ExpectedConditions.urlMatches("/login\\.html$"));
        assertClean("after sign-out"); // a new document: a new, empty list of violations
    }

    /** Signs alice in over raw HTTP, as the hostile client would, and returns that client with its cookie. */
    private Browser hostileSignIn(String password) {
        Browser client = new Browser(base).userAgent(HOSTILE_UA);
        HttpResponse<String> login = client.post("/login", Map.of("username", "alice", "password", password),
                "Origin", origin(), "Sec-Fetch-Site", "same-origin",
                "Sec-CH-UA", HOSTILE_BRAND, "Sec-CH-UA-Mobile", "?0", "Sec-CH-UA-Platform", HOSTILE_PLATFORM,
                "Sec-CH-UA-Model", HOSTILE_MODEL);
        assertEquals(303, login.statusCode(), login.body());
        return client;
    }

    private String origin() {
        return "http://" + base.getHost() + ":" + base.getPort();
    }

    private void open(String path, String title, String loaded) {
        chromium.get(base.resolve(path).toString());
        new WebDriverWait(chromium, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(loaded)));
        assertEquals(title, chromium.getTitle(), path);
    }

    /** Gives autofocus and image error handlers (which run a frame or so after insertion) the time to fire. */
    private void settle() {
        chromium.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)));");
    }

    private void assertNothingRan(String page) {
        settle();
        assertTrue(!chromium.getTitle().contains("PWNED"), page + ": the injected onfocus changed the title");
        assertEquals(null, chromium.executeScript("return window.pwned === undefined ? null : String(window.pwned);"),
                page + ": an injected handler or script ran");
        assertEquals(0L, chromium.executeScript("return document.querySelectorAll("
                + "'main [autofocus], main [onfocus], main [onerror], main img, main script:not([src])').length;"),
                page + ": hostile markup became elements or attributes");
        assertClean(page);
    }

    private void assertClean(String page, String... expectedErrors) {
        assertEquals(List.of(), Chromium.cspViolations(chromium), page + ": CSP violations");
        List<String> errors = Chromium.consoleErrors(chromium).stream()
                .filter(e -> List.of(expectedErrors).stream().noneMatch(e::contains)).toList();
        assertEquals(List.of(), errors, page + ": console errors");
    }

    private String text(String css) {
        return chromium.findElement(By.cssSelector(css)).getText();
    }

    private long count(String css) {
        return chromium.findElements(By.cssSelector(css)).size();
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(String css) {
        return (List<String>) chromium.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);", css);
    }

    @SuppressWarnings("unchecked")
    private List<String> columnOf(String rows, int column) {
        return (List<String>) chromium.executeScript("return [...document.querySelectorAll(arguments[0])]"
                + ".map(tr => tr.cells[arguments[1]].textContent);", rows, column);
    }
}
