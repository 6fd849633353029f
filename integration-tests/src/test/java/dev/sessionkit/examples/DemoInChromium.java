package dev.sessionkit.examples;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo as README starts it (H2 file database in a test directory) with one headless Chromium in front of it,
 * for the browser tests of single features. Close it to stop both.
 */
final class DemoInChromium implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String CHROMIUM_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";

    final DemoServer demo = new DemoServer();
    final URI base;
    final ChromeDriver chromium;

    /**
     * Starts the demo and the browser.
     *
     * @param data the demo's data directory (database, users)
     * @param profiles where the browser profile goes
     * @param settings settings beyond the database's, e.g. {@code privileged-session-max-age}
     */
    DemoInChromium(Path data, Path profiles, Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put("jdbc-url", "jdbc:h2:file:" + data.resolve("sessionkit").toAbsolutePath());
        all.put("sessionkit.demo.data", data.toString());
        base = demo.start("127.0.0.1", 0, all);
        chromium = Chromium.start(Files.createDirectory(profiles.resolve("chromium")), CHROMIUM_UA, null, 1280, 900,
                false);
    }

    String password(String user) {
        return demo.users().passwords().get(user);
    }

    /** Signs in through the sign-in form, ticking "Keep me signed in" when asked, and waits for the dashboard. */
    void signIn(String user, boolean remember) {
        chromium.get(base.resolve("/login.html").toString());
        chromium.findElement(By.id("username")).sendKeys(user);
        chromium.findElement(By.id("password")).sendKeys(password(user));
        if (remember) {
            chromium.findElement(By.id("remember")).click();
        }
        chromium.findElement(By.cssSelector("form button[type='submit']")).click();
        new WebDriverWait(chromium, WAIT).until(ExpectedConditions.urlMatches("/app/$"));
    }

    @Override
    public void close() throws Exception {
        try {
            chromium.quit();
        } finally {
            demo.close();
        }
    }
}
