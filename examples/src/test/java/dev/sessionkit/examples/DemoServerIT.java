package dev.sessionkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.servlet.testing.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo as a newcomer meets it: start, sign in with a printed password, use the pages and the API, restart. */
class DemoServerIT {

    @TempDir
    Path data;

    private Map<String, String> params() {
        return Map.of("jdbc-url", "jdbc:h2:file:" + data.resolve("sessionkit").toAbsolutePath(),
                "sessionkit.demo.data", data.toString());
    }

    @Test
    void signInUseThePagesAndTheApiThenRestartWithTheSameData() throws Exception {
        String alicePassword;
        try (DemoServer demo = new DemoServer()) {
            URI base = demo.start("127.0.0.1", 0, params());
            alicePassword = demo.users().passwords().get("alice");
            Browser browser = new Browser(base);

            assertEquals("pong", browser.get("/ping").body());
            HttpResponse<String> health = browser.get("/health", "Accept", "application/json");
            assertEquals(200, health.statusCode(), "public, and up while the database answers");
            assertTrue(health.body().startsWith("{\"status\":\"UP\",\"storeMillis\":"), health.body());
            assertEquals("no-store", health.headers().firstValue("Cache-Control").orElse(""));
            assertTrue(!health.body().contains("jdbc:") && !health.body().contains("h2"), "no URL: " + health.body());
            assertEquals(302, browser.get("/app/", "Accept", "text/html").statusCode());
            HttpResponse<String> wrong = browser.post("/login", Map.of("username", "alice", "password", "nope"));
            HttpResponse<String> unknown = browser.post("/login", Map.of("username", "mallory", "password", "nope"));
            assertEquals(401, wrong.statusCode());
            assertEquals(wrong.body(), unknown.body(), "the same message for a wrong password and an unknown user");

            HttpResponse<String> login = browser.post("/login", Map.of("username", "alice", "password", alicePassword));
            assertEquals(303, login.statusCode());
            assertEquals(base.resolve("/app/").getPath(), URI.create(login.headers().firstValue("Location")
                    .orElseThrow()).getPath());
            assertEquals("pong", browser.get("/app/ping").body());
            for (String page : new String[] {"/app/", "/app/devices.html", "/app/history.html", "/app/admin.html",
                    "/app/activity.html", "/app/alerts.html", "/static/activity.js",
                    "/app/password.html", "/static/app.js", "/webjars/chart.js/4.5.1/dist/chart.umd.js"}) {
                assertEquals(200, browser.get(page).statusCode(), page);
            }
            assertTrue(browser.get("/api/sessions", "Accept", "application/json").body().contains("\"current\":true"));
            assertEquals(200, browser.get("/api/admin/stats", "Accept", "application/json").statusCode());
            assertEquals(303, browser.post("/logout", Map.of()).statusCode());
            assertEquals(401, browser.get("/app/ping", "Accept", "application/json").statusCode());

            // Scraped as Prometheus would: one sign-in, one sign-out, the requests in between validated.
            HttpResponse<String> metrics = browser.get("/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            String text = metrics.body();
            // Micrometer's sessionkit.sessions.created: Prometheus reserves a "_created" suffix, so its client drops it.
            assertTrue(text.contains("sessionkit_sessions_total 1.0"), text);
            assertTrue(text.contains("sessionkit_sessions_ended_total{reason=\"logout\"} 1.0"), text);
            assertTrue(text.matches("(?s).*sessionkit_validations_total\\{outcome=\"valid\"\\} [1-9][0-9]*\\.0.*"),
                    text);
            assertTrue(text.contains("sessionkit_sessions_active"), text);
        }
        assertTrue(Files.exists(data.resolve("demo-users.properties")));
        try (DemoServer again = new DemoServer()) {
            URI base = again.start("127.0.0.1", 0, params());
            assertEquals(alicePassword, again.users().passwords().get("alice"), "a second start reuses the data");
            Browser browser = new Browser(base);
            browser.post("/login", Map.of("username", "alice", "password", alicePassword));
            assertTrue(browser.get("/api/sessions/history", "Accept", "application/json").body()
                    .contains("\"endReason\":\"logout\""), "the first run's sessions are still there");
        }
    }

    @Test
    void bobIsNotAnAdmin() throws Exception {
        try (DemoServer demo = new DemoServer()) {
            Browser browser = new Browser(demo.start("127.0.0.1", 0, params()));
            browser.post("/login", Map.of("username", "bob", "password", demo.users().passwords().get("bob")));
            assertEquals(403, browser.get("/api/admin/stats", "Accept", "application/json").statusCode());
        }
    }
}
