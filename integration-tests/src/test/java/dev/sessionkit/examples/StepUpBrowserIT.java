package dev.sessionkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.servlet.testing.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
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
 * Re-authentication in the demo, in a real headless Chromium: once the sign-in is older than
 * {@code privileged-session-max-age} (two seconds here, fifteen minutes by default), signing another device out
 * shows the "Confirm your password" dialog; a wrong password is refused in the dialog, the right one renews the
 * session and the device is signed out. And {@code POST /reauthenticate} itself, over plain HTTP.
 */
class StepUpBrowserIT {

    private static final Duration WAIT = DemoInChromium.WAIT;

    @TempDir
    Path data;
    @TempDir
    Path profiles;

    private DemoInChromium browser;
    private DemoServer demo;
    private URI base;

    @BeforeAll
    static void chromiumInstalled() {
        Chromium.requireInstalled("StepUpBrowserIT");
    }

    @BeforeEach
    void start() throws Exception {
        browser = new DemoInChromium(data, profiles, Map.of("privileged-session-max-age", "PT2S"));
        demo = browser.demo;
        base = browser.base;
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
    }

    private String password() {
        return demo.users().passwords().get("alice");
    }

    @Test
    void signingADeviceOutWhenTheSignInIsOldThenTheDialogAsksForThePasswordFirst() throws Exception {
        ChromeDriver chromium = browser.chromium;
        {
            browser.signIn("alice", false);
            Browser phone = new Browser(base);
            assertEquals(303, phone.post("/login", Map.of("username", "alice", "password", password())).statusCode());
            Thread.sleep(2500); // both sign-ins are now older than privileged-session-max-age

            chromium.get(base.resolve("/app/devices.html").toString());
            new WebDriverWait(chromium, WAIT).until(d -> d.findElements(By.cssSelector("button[data-end]")).size() == 1);
            chromium.findElement(By.cssSelector("button[data-end]")).click();
            Alert sure = new WebDriverWait(chromium, WAIT).until(ExpectedConditions.alertIsPresent());
            sure.accept();
            new WebDriverWait(chromium, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("reauth")));
            assertEquals("Confirm your password", chromium.findElement(By.cssSelector("#reauth h2")).getText());
            assertEquals(200, phone.get("/app/ping", "Accept", "application/json").statusCode(), "not yet");

            chromium.findElement(By.id("reauth-password")).sendKeys("not my password");
            chromium.findElement(By.cssSelector("#reauth-form button[type='submit']")).click();
            new WebDriverWait(chromium, WAIT).until(ExpectedConditions.textToBe(By.id("reauth-error"),
                    "That is not your password."));
            Chromium.save(chromium, "step-up-dialog.png");
            chromium.findElement(By.id("reauth-password")).sendKeys(password());
            chromium.findElement(By.cssSelector("#reauth-form button[type='submit']")).click();

            new WebDriverWait(chromium, WAIT).until(ExpectedConditions.textToBe(By.id("status"),
                    "Device signed out."));
            assertEquals(0, chromium.findElements(By.id("reauth")).size(), "the dialog is gone");
            assertEquals(401, phone.get("/app/ping", "Accept", "application/json").statusCode());
            assertEquals(List.of(), Chromium.cspViolations(chromium));
            // The refused calls (403 asking for the password, 401 for the wrong one) are the page working.
            List<String> errors = Chromium.consoleErrors(chromium).stream()
                    .filter(e -> !e.contains("status of 403") && !e.contains("status of 401")).toList();
            assertEquals(List.of(), errors);
        }
    }

    @Test
    void reauthenticateOverHttpWhenWrongThen401AndCountedWhenRightThenANewCookie() throws Exception {
        Browser alice = new Browser(base);
        assertEquals(303, alice.post("/login", Map.of("username", "alice", "password", password())).statusCode());
        String before = alice.cookies().get("sid");

        HttpResponse<String> noHeader = alice.post("/reauthenticate", Map.of("password", password()));
        HttpResponse<String> wrong = alice.post("/reauthenticate", Map.of("password", "guess"),
                "X-Requested-With", "test");
        HttpResponse<String> right = alice.post("/reauthenticate", Map.of("password", password()),
                "X-Requested-With", "test");
        HttpResponse<String> signedOut = new Browser(base).post("/reauthenticate", Map.of("password", password()),
                "X-Requested-With", "test", "Accept", "application/json");

        assertEquals(403, noHeader.statusCode());
        assertEquals(401, wrong.statusCode());
        assertEquals(204, right.statusCode());
        assertNotEquals(before, alice.cookies().get("sid"), "a renewed session");
        assertEquals(401, signedOut.statusCode(), "no session, nothing to confirm");
        assertTrue(alice.get("/api/sessions/events", "Accept", "application/json").body()
                .contains("authn_reauthenticated"));
    }
}
