package dev.sessionkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo in a real headless Chromium, as two devices of one user: a Windows PC running Chrome and an iPhone running
 * Safari both sign in as alice through the login form, each sees both sessions on "Your devices" with its own marked
 * "this device", the PC signs the phone out, the phone's next page load lands on the sign-in page, and the admin page
 * draws its charts. Screenshots go to {@code target/screenshots/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them). Without them the
 * test is skipped on a developer's machine and fails in CI ({@code CI=true}). Selenium Manager never runs: the driver
 * and browser paths are given, so nothing is looked up or downloaded.
 *
 * <p>How the two devices are made: both browsers get their user agent string from {@code --user-agent}, but Chromium
 * still sends its own User-Agent Client Hints (brand "Chromium", platform "Linux"). The PC therefore also gets a
 * DevTools {@code Emulation.setUserAgentOverride} with Windows Chrome's hints, so it sends what a real Windows Chrome
 * sends. The phone keeps Chromium's Linux hints, as a user-agent switcher would: a real iPhone sends none, and the
 * device detector ignores hints next to a user agent string of a browser that never sends them, so it must still be
 * reported as Safari on iOS.
 */
class BrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final String WINDOWS_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X)"
            + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";
    /** The client hints of Chrome 131 on Windows (CDP UserAgentMetadata). */
    private static final Map<String, Object> WINDOWS_CHROME_HINTS = Map.of(
            "brands", List.of(brand("Google Chrome", "131"), brand("Chromium", "131"), brand("Not_A Brand", "24")),
            "fullVersionList", List.of(brand("Google Chrome", "131.0.6778.86"), brand("Chromium", "131.0.6778.86"),
                    brand("Not_A Brand", "24.0.0.0")),
            "platform", "Windows", "platformVersion", "15.0.0", "architecture", "x86", "bitness", "64",
            "model", "", "mobile", false, "wow64", false);

    /**
     * What {@code DeviceDetector.standard()} reports for those two (type, browser, OS as the page shows them): the
     * PC's low-entropy hints confirm its user agent (the demo asks for no platform version, so "Windows 10" stays);
     * the phone's Linux hints are ignored next to a Safari user agent.
     */
    private static final List<String> PC = List.of("desktop", "Chrome 131", "Windows 10");
    private static final List<String> PHONE = List.of("mobile", "Safari 17.1", "iOS 17.1");

    @TempDir
    Path data;
    @TempDir
    Path profiles;

    @BeforeAll
    static void chromiumInstalled() {
        Chromium.requireInstalled("BrowserIT");
    }

    @Test
    @SuppressWarnings("try") // DemoServer.close() may throw InterruptedException; the test lets it fail the test
    void twoDevicesSeeEachOtherAndOneSignsTheOtherOut() throws Exception {
        long started = System.nanoTime();
        try (DemoServer demo = new DemoServer()) {
            URI base = demo.start("127.0.0.1", 0, Map.of(
                    "jdbc-url", "jdbc:h2:file:" + data.resolve("sessionkit").toAbsolutePath(),
                    "sessionkit.demo.data", data.toString()));
            String password = demo.users().passwords().get("alice");
            lap("demo started", started);

            ChromeDriver pc = browser("pc", WINDOWS_CHROME, WINDOWS_CHROME_HINTS, 1280, 800, false);
            ChromeDriver phone = null;
            try {
                phone = browser("phone", IPHONE_SAFARI, null, 390, 844, true);
                lap("two browsers started", started);

                signIn(pc, base, "alice", password);
                signIn(phone, base, "alice", password);
                lap("both signed in through the form", started);

                Map<String, Row> pcView = devices(pc, base);
                Map<String, Row> phoneView = devices(phone, base);
                assertEquals(pcView.keySet(), phoneView.keySet(), "both see the same two sessions");
                String pcSession = currentOf(pcView);
                String phoneSession = currentOf(phoneView);
                assertTrue(!pcSession.equals(phoneSession), "two sessions, not one");
                for (Map<String, Row> view : List.of(pcView, phoneView)) {
                    assertEquals(PC, view.get(pcSession).device(), "the PC as " + view);
                    assertEquals(PHONE, view.get(phoneSession).device(), "the phone as " + view);
                }
                assertEquals(new Row(PC, true, false), pcView.get(pcSession), "the PC's own row, seen on the PC");
                assertEquals(new Row(PHONE, false, true), pcView.get(phoneSession), "the phone, seen on the PC");
                assertEquals(new Row(PHONE, true, false), phoneView.get(phoneSession), "the phone's own row");
                assertEquals(new Row(PC, false, true), phoneView.get(pcSession), "the PC, seen on the phone");
                assertEquals(Boolean.TRUE, phone.executeScript(
                        "return document.documentElement.scrollWidth <= window.innerWidth;"),
                        "on a phone the table scrolls in its box; the page itself is not wider than the screen");
                save(pc, "devices.png");
                save(phone, "devices-phone.png");
                lap("devices checked on both", started);

                pc.findElement(By.cssSelector("button[data-end='" + phoneSession + "']")).click();
                Alert confirm = new WebDriverWait(pc, WAIT).until(ExpectedConditions.alertIsPresent());
                assertEquals("Sign out this device?", confirm.getText());
                confirm.accept();
                new WebDriverWait(pc, WAIT).until(ExpectedConditions.textToBe(By.id("status"), "Device signed out."));
                new WebDriverWait(pc, WAIT).until(d -> rows(pc).size() == 1);
                assertEquals(Set.of(pcSession), rows(pc).keySet(), "only the PC is left");
                save(pc, "devices-after-sign-out.png");
                lap("PC signed the phone out", started);

                phone.navigate().refresh();
                new WebDriverWait(phone, WAIT).until(ExpectedConditions.urlMatches("/login\\.html$"));
                assertTrue(phone.findElement(By.id("username")).isDisplayed(), "the sign-in form");
                assertEquals("Sign in", phone.findElement(By.tagName("h1")).getText());
                save(phone, "phone-signed-out.png");
                lap("phone's next load is the sign-in page", started);

                pc.get(base.resolve("/app/history.html").toString());
                new WebDriverWait(pc, WAIT).until(ExpectedConditions.textToBe(By.cssSelector("#history .reason"),
                        "signed out from another device"));
                save(pc, "history.png");

                pc.get(base.resolve("/app/admin.html").toString());
                new WebDriverWait(pc, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("body[data-charts-drawn='true']")));
                // Chart.js animates for about a second after drawing: wait for it to settle before the screenshot.
                new WebDriverWait(pc, WAIT).until(d -> Boolean.TRUE.equals(pc.executeScript(
                        "return Object.values(Chart.instances).length === 4 && Object.values(Chart.instances)"
                                + ".every(c => c.width > 0 && c.height > 0 && !Chart.animator.running(c));")));
                assertEquals("1", pc.findElement(By.id("active")).getText(), "active sessions: the PC's");
                new WebDriverWait(pc, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("sessions"), "ended (revoked-by-user)"));
                save(pc, "admin.png");
                lap("admin charts drawn", started);
            } finally {
                if (phone != null) {
                    phone.quit();
                }
                pc.quit();
            }
        }
        lap("done", started);
    }

    /** One device's row on "Your devices": type, browser and OS, the "this device" tag, a sign-out button. */
    private record Row(List<String> device, boolean thisDevice, boolean signOutButton) {
    }

    private ChromeDriver browser(String name, String userAgent, Map<String, Object> hints, int width, int height,
            boolean mobile) throws IOException {
        return Chromium.start(Files.createDirectory(profiles.resolve(name)), userAgent, hints, width, height, mobile);
    }

    private static void signIn(ChromeDriver driver, URI base, String user, String password) {
        driver.get(base.resolve("/login.html").toString());
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type='submit']")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlMatches("/app/$"));
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("active-count")));
    }

    private static Map<String, Row> devices(ChromeDriver driver, URI base) {
        driver.get(base.resolve("/app/devices.html").toString());
        new WebDriverWait(driver, WAIT).until(d -> rows(driver).size() == 2);
        return rows(driver);
    }

    /** Reads the table in one script call, so a table redrawn meanwhile cannot leave stale elements behind. */
    @SuppressWarnings("unchecked")
    private static Map<String, Row> rows(ChromeDriver driver) {
        List<Map<String, Object>> read = (List<Map<String, Object>>) driver.executeScript(
                "return [...document.querySelectorAll('#sessions tr[data-session]')].map(tr => ({"
                        + " id: tr.dataset.session,"
                        + " type: tr.cells[0].firstChild.textContent.trim(),"
                        + " browser: tr.querySelector('.browser').innerText,"
                        + " os: tr.querySelector('.os').innerText,"
                        + " thisDevice: [...tr.querySelectorAll('.tag')].some(t => t.innerText === 'this device'),"
                        + " signOut: [...tr.querySelectorAll('button[data-end]')]"
                        + "     .some(b => b.dataset.end === tr.dataset.session && b.innerText === 'Sign out') }));");
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Map<String, Object> r : read) {
            rows.put((String) r.get("id"), new Row(List.of((String) r.get("type"), (String) r.get("browser"),
                    (String) r.get("os")), Boolean.TRUE.equals(r.get("thisDevice")),
                    Boolean.TRUE.equals(r.get("signOut"))));
        }
        return rows;
    }

    private static String currentOf(Map<String, Row> view) {
        List<String> current = new ArrayList<>();
        view.forEach((id, row) -> {
            if (row.thisDevice()) {
                current.add(id);
            }
        });
        assertEquals(1, current.size(), "exactly one row is \"this device\": " + view);
        return current.get(0);
    }

    private static void save(ChromeDriver driver, String file) throws IOException {
        Chromium.save(driver, file);
    }

    private static Map<String, String> brand(String name, String version) {
        return Map.of("brand", name, "version", version);
    }

    private static void lap(String what, long started) {
        System.out.printf("BrowserIT: %-40s %6d ms%n", what, (System.nanoTime() - started) / 1_000_000);
    }
}
