package dev.sessionkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.servlet.testing.Browser;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Security monitoring's pages in a real headless Chromium, on the demo: alice sees her recent security activity
 * (her own sign-in, an intruder's from another device, wrong passwords typed for her account), says "This wasn't
 * me" about the intruder's sign-in, which signs the intruder out and keeps her; then, as administrator, sees the
 * failed sign-ins counted and charted per hour. Under the demo's CSP, with no violation and no console error.
 */
class SecurityActivityBrowserIT {

    private static final Duration WAIT = DemoInChromium.WAIT;
    private static final String FIREFOX_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101"
            + " Firefox/133.0";
    private static final int WRONG_PASSWORDS = 3;

    @TempDir
    Path data;
    @TempDir
    Path profiles;

    private DemoInChromium browser;
    private DemoServer demo;
    private URI base;
    private ChromeDriver chromium;

    @BeforeAll
    static void chromiumInstalled() {
        Chromium.requireInstalled("SecurityActivityBrowserIT");
    }

    @BeforeEach
    void start() throws Exception {
        browser = new DemoInChromium(data, profiles, Map.of());
        demo = browser.demo;
        base = browser.base;
        chromium = browser.chromium;
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
    }

    @Test
    void activityWhenAnIntruderSignedInThenShownAndReportedOnceAndAdminChartsFailures() throws Exception {
        String password = demo.users().passwords().get("alice");
        browser.signIn("alice", false);
        Browser intruder = new Browser(base).userAgent(FIREFOX_UA);
        assertEquals(303, intruder.post("/login", Map.of("username", "alice", "password", password)).statusCode());
        for (int i = 0; i < WRONG_PASSWORDS; i++) {
            assertEquals(401, new Browser(base).post("/login", Map.of("username", "alice", "password", "guess" + i))
                    .statusCode());
        }

        open("/app/activity.html", "Security activity - Sessionkit demo");
        List<String> types = column("data-type");
        assertEquals(List.of("authn_login_fail", "authn_login_fail", "authn_login_fail"), types.subList(0, 3),
                "newest first: " + types);
        assertTrue(types.contains("risk_new_device"), "the intruder's browser was new: " + types);
        assertEquals(1, chromium.findElements(By.cssSelector("#events button[data-report]")).size(),
                "the intruder's sign-in can be reported; this device's own is marked instead");
        assertEquals("this device", chromium.findElement(By.cssSelector(
                "#events tr[data-type^='authn_login_success']:last-of-type .tag")).getText());
        String intruderRow = "#events tr[data-type^='authn_login_success']";
        assertTrue(chromium.findElement(By.cssSelector(intruderRow + " .device")).getText().contains("Firefox"),
                "the newest sign-in is the intruder's Firefox");
        assertTrue(chromium.findElement(By.cssSelector(intruderRow + " .signals")).getText().contains("new-device"));
        assertClean("activity");
        Chromium.save(chromium, "security-activity.png");

        chromium.findElement(By.cssSelector(intruderRow + " button[data-report]")).click();
        Alert confirm = new WebDriverWait(chromium, WAIT).until(ExpectedConditions.alertIsPresent());
        assertTrue(confirm.getText().startsWith("Sign out the session this sign-in started"), confirm.getText());
        confirm.accept();
        new WebDriverWait(chromium, WAIT).until(ExpectedConditions.textToBe(By.id("status"),
                "Thank you. 1 session(s) signed out."));
        new WebDriverWait(chromium, WAIT).until(d -> column("data-type").contains("user_reported_signin"));
        assertEquals(401, intruder.get("/app/ping", "Accept", "application/json").statusCode(),
                "the intruder is signed out");
        assertClean("activity after the report");

        open("/app/admin.html", "Admin - Sessionkit demo");
        new WebDriverWait(chromium, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("body[data-charts-drawn='true']")));
        new WebDriverWait(chromium, WAIT).until(d -> Boolean.TRUE.equals(chromium.executeScript(
                "return Object.values(Chart.instances).length === 4 && Object.values(Chart.instances)"
                        + ".every(c => c.width > 0 && c.height > 0 && !Chart.animator.running(c));")));
        assertEquals(String.valueOf(WRONG_PASSWORDS), chromium.findElement(By.id("failures")).getText());
        assertEquals((long) WRONG_PASSWORDS, chromium.executeScript("const chart = Object.values(Chart.instances)"
                + ".find(c => c.canvas.id === 'security');"
                + " return chart.data.datasets[1].data.reduce((a, b) => a + b, 0);"), "failed sign-ins charted");
        assertTrue(Integer.parseInt(chromium.findElement(By.id("alerts")).getText()) >= 2,
                "new device and the report are alerts");
        assertClean("admin");
        Chromium.save(chromium, "security-admin.png");
    }

    private void open(String path, String title) {
        chromium.get(base.resolve(path).toString());
        new WebDriverWait(chromium, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("header nav a")));
        if (path.endsWith("activity.html")) {
            new WebDriverWait(chromium, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("body[data-loaded='true']")));
        }
        assertEquals(title, chromium.getTitle(), path);
    }

    @SuppressWarnings("unchecked")
    private List<String> column(String attribute) {
        return (List<String>) chromium.executeScript("return [...document.querySelectorAll('#events tr[' + arguments[0]"
                + " + ']')].map(tr => tr.getAttribute(arguments[0]));", attribute);
    }

    private void assertClean(String page) {
        assertEquals(List.of(), Chromium.cspViolations(chromium), page + ": CSP violations");
        assertEquals(List.of(), Chromium.consoleErrors(chromium), page + ": console errors");
    }
}
