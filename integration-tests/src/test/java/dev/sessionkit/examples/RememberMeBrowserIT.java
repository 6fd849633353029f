package dev.sessionkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Keep me signed in" on the demo, in a real headless Chromium: the checkbox on the sign-in form sets the remember
 * cookie; with the session cookie gone (the browser restarted) the next page still opens, on a new session, with a
 * replaced remember cookie; "Your devices" marks the session and lists the remembered device; forgetting it means
 * the password is needed again.
 */
class RememberMeBrowserIT {

    private static final Duration WAIT = DemoInChromium.WAIT;

    @TempDir
    Path data;
    @TempDir
    Path profiles;

    @BeforeAll
    static void chromiumInstalled() {
        Chromium.requireInstalled("RememberMeBrowserIT");
    }

    @Test
    void keepMeSignedInWhenTheSessionCookieIsGoneThenStillSignedInUntilTheDeviceIsForgotten() throws Exception {
        try (DemoInChromium browser = new DemoInChromium(data, profiles, Map.of())) {
            ChromeDriver chromium = browser.chromium;
            URI base = browser.base;
            {
                browser.signIn("alice", true);
                Cookie remember = chromium.manage().getCookieNamed("remember");
                assertNotNull(remember, "the checkbox set the remember cookie");
                assertTrue(remember.isHttpOnly());
                assertTrue(remember.getExpiry() != null, "a lasting cookie, unlike the session's");
                String firstSession = chromium.manage().getCookieNamed("sid").getValue();

                chromium.manage().deleteCookieNamed("sid"); // as if the browser had been closed
                chromium.get(base.resolve("/app/devices.html").toString());
                new WebDriverWait(chromium, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("body[data-loaded='true']")));

                assertTrue(chromium.getCurrentUrl().endsWith("/app/devices.html"), "still signed in");
                assertNotEquals(firstSession, chromium.manage().getCookieNamed("sid").getValue(), "a new session");
                assertNotEquals(remember.getValue(), chromium.manage().getCookieNamed("remember").getValue(),
                        "the remember cookie was replaced");
                // The first session still lives on the server (only the browser dropped its cookie), and the page's
                // first requests may each have started one: every session listed is the remembered device's.
                int sessions = chromium.findElements(By.cssSelector("#sessions tr[data-session]")).size();
                assertTrue(sessions >= 2, "the first session and at least one the cookie started: " + sessions);
                assertEquals(sessions, tags(chromium, "#sessions .tag.remembered").size());
                assertEquals(1, chromium.findElements(By.cssSelector("#remembered tr[data-remembered]")).size());
                assertTrue(chromium.findElement(By.cssSelector("#remembered .device")).getText()
                        .endsWith("this device"));
                assertEquals(List.of(), Chromium.cspViolations(chromium));
                Chromium.save(chromium, "remembered-devices.png");

                chromium.findElement(By.cssSelector("#remembered button[data-forget]")).click();
                Alert sure = new WebDriverWait(chromium, WAIT).until(ExpectedConditions.alertIsPresent());
                sure.accept();
                new WebDriverWait(chromium, WAIT).until(ExpectedConditions.urlMatches("/login\\.html$"));
                chromium.manage().deleteCookieNamed("sid");
                chromium.get(base.resolve("/app/devices.html").toString());
                new WebDriverWait(chromium, WAIT).until(ExpectedConditions.urlMatches("/login\\.html$"));
                assertEquals(null, chromium.manage().getCookieNamed("remember"), "forgotten, and dropped");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> tags(ChromeDriver chromium, String css) {
        return (List<String>) chromium.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);", css);
    }
}
