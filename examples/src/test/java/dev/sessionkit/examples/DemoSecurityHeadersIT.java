package dev.sessionkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.servlet.testing.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 defect 2, over real HTTP on the demo: every answer (pages, static files, the API, sign-in and its
 * refusals, redirects, the container's 404) carries a strict Content-Security-Policy, nosniff and a Referrer-Policy,
 * and no page needs what that policy forbids (inline script or style).
 */
class DemoSecurityHeadersIT {

    private static final List<String> PAGES = List.of("/login.html", "/app/", "/app/index.html",
            "/app/devices.html", "/app/history.html", "/app/admin.html", "/app/password.html",
            "/app/activity.html", "/app/alerts.html");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle\\s*=|\\son[a-z]+\\s*=",
            Pattern.CASE_INSENSITIVE);

    @TempDir
    Path data;

    @Test
    void everyAnswerWhenSignedInOrNotThenCarriesTheSecurityHeaders() throws Exception {
        try (DemoServer demo = new DemoServer()) {
            URI base = demo.start("127.0.0.1", 0, Map.of(
                    "jdbc-url", "jdbc:h2:file:" + data.resolve("sessionkit").toAbsolutePath(),
                    "sessionkit.demo.data", data.toString()));
            Browser browser = new Browser(base);

            assertSecure(browser.get("/app/devices.html", "Accept", "text/html"), 302, "redirect to sign in");
            assertSecure(browser.get("/api/sessions", "Accept", "application/json"), 401, "API refusal");
            assertSecure(browser.get("/login.html"), 200, "sign-in page");
            assertSecure(browser.get("/static/style.css"), 200, "static file");
            assertSecure(browser.get("/ping"), 200, "public ping");
            assertSecure(browser.get("/static/no-such-file.js"), 404, "missing static file");
            assertSecure(browser.post("/login", Map.of("username", "alice", "password", "wrong")), 401,
                    "wrong password");
            assertSecure(browser.post("/login", Map.of("username", "alice",
                    "password", demo.users().passwords().get("alice"))), 303, "sign-in");

            for (String page : PAGES) {
                HttpResponse<String> response = browser.get(page, "Accept", "text/html");
                assertSecure(response, 200, page);
                assertFalse(INLINE_SCRIPT.matcher(response.body()).find(), page + " has an inline <script>");
                assertFalse(INLINE_STYLE.matcher(response.body()).find(), page + " has inline style or handlers");
            }
            for (String file : List.of("/static/app.js", "/static/devices.js", "/static/history.js",
                    "/static/admin.js", "/static/dashboard.js", "/static/password.js",
                    "/webjars/chart.js/4.5.1/dist/chart.umd.js")) {
                assertSecure(browser.get(file), 200, file);
            }
            assertSecure(browser.get("/", "Accept", "text/html"), 302, "root redirect");
            assertSecure(browser.get("/app/ping"), 200, "signed-in ping");
            assertSecure(browser.get("/api/sessions", "Accept", "application/json"), 200, "API answer");
            assertSecure(browser.get("/api/no-such-resource", "Accept", "application/json"), 404,
                    "API 404");
            assertSecure(browser.get("/app/no-such-page.html", "Accept", "text/html"), 404, "missing page");
            assertSecure(browser.post("/logout", Map.of()), 303, "sign-out");
        }
    }

    private static void assertSecure(HttpResponse<String> response, int status, String what) {
        assertEquals(status, response.statusCode(), what);
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        for (String directive : List.of("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "form-action 'self'")) {
            assertTrue(csp.contains(directive), () -> what + ": no " + directive + " in '" + csp + "'");
        }
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), what + ": " + csp);
        assertEquals(List.of("nosniff"), response.headers().allValues("X-Content-Type-Options"), what);
        assertEquals(List.of("same-origin"), response.headers().allValues("Referrer-Policy"), what);
    }
}
