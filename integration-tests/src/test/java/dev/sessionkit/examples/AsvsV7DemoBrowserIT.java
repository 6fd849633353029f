package dev.sessionkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * ASVS 5.0.0 V7.4.4 on the demo, in a real headless Chromium: every page that needs a session shows a visible
 * "Sign out" button in its header, and pressing it ends the session. (The other V7 requirements are proved over
 * HTTP by {@code AsvsV7ConformanceIT}.)
 */
class AsvsV7DemoBrowserIT {

    private static final Duration WAIT = DemoInChromium.WAIT;
    private static final List<String> SIGNED_IN_PAGES = List.of("/app/", "/app/devices.html", "/app/history.html",
            "/app/activity.html", "/app/alerts.html", "/app/password.html", "/app/admin.html");

    @TempDir
    Path data;
    @TempDir
    Path profiles;

    @BeforeAll
    static void chromiumInstalled() {
        Chromium.requireInstalled("AsvsV7DemoBrowserIT");
    }

    @Test
    void v7_4_4_everyPageThatNeedsASessionShowsSignOut() throws Exception {
        try (DemoInChromium browser = new DemoInChromium(data, profiles, Map.of())) {
            ChromeDriver chromium = browser.chromium;
            browser.signIn("alice", false);
            for (String page : SIGNED_IN_PAGES) {
                chromium.get(browser.base.resolve(page).toString());
                WebElement signOut = new WebDriverWait(chromium, WAIT).until(ExpectedConditions
                        .visibilityOfElementLocated(By.cssSelector("header form button[type='submit']")));
                assertEquals("Sign out", signOut.getText(), page);
                assertTrue(signOut.isEnabled() && signOut.getRect().getY() < 200, page + ": at the top");
            }
            chromium.findElement(By.cssSelector("header form button[type='submit']")).click();
            new WebDriverWait(chromium, WAIT).until(ExpectedConditions.urlMatches("/login\\.html$"));
            chromium.get(browser.base.resolve("/app/devices.html").toString());
            new WebDriverWait(chromium, WAIT).until(ExpectedConditions.urlMatches("/login\\.html$"));
        }
    }
}
