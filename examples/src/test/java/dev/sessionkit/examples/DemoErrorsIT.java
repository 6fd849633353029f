package dev.sessionkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.servlet.testing.Browser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's errors as a user or a script meets them over real HTTP: no answer names an exception or shows a stack
 * trace, every error under {@code /api} is {@code application/problem+json} (the container's own included), an
 * over-long password is just a wrong one, and sign-in and sign-out answers are never cached.
 */
class DemoErrorsIT {

    /** What an answer must never show: exception class names, stack frames, the server's internals. */
    private static final Pattern LEAK = Pattern.compile("Exception|java\\.|jakarta\\.|\\bat [a-z]+\\.|Jetty|eclipse");
    private static final String PROBLEM = "application/problem+json";

    @TempDir
    Path data;

    private DemoServer demo;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        demo = new DemoServer();
        base = demo.start("127.0.0.1", 0, Map.of(
                "jdbc-url", "jdbc:h2:file:" + data.resolve("sessionkit").toAbsolutePath(),
                "sessionkit.demo.data", data.toString()));
    }

    @AfterEach
    void stop() throws Exception {
        demo.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {73, 80, 1000})
    void anOverLongPasswordAtSignInIsAWrongPassword(int length) {
        Browser browser = new Browser(base);
        HttpResponse<String> wrong = browser.post("/login", Map.of("username", "bob", "password", "nope"));
        HttpResponse<String> ascii = browser.post("/login", Map.of("username", "bob", "password", "a".repeat(length)));
        HttpResponse<String> multibyte = browser.post("/login", Map.of("username", "bob",
                "password", "\u00e9".repeat(length / 2 + 1)));
        HttpResponse<String> unknown = browser.post("/login", Map.of("username", "mallory",
                "password", "a".repeat(length)));

        for (HttpResponse<String> answer : List.of(ascii, multibyte, unknown)) {
            assertEquals(401, answer.statusCode(), answer.body());
            assertEquals(wrong.body(), answer.body(), "the same answer as any wrong password");
            assertNoLeak(answer);
        }
        assertFalse(browser.cookies().containsKey("sid"), "nobody signed in");
    }

    @Test
    void anOverLongNewOrCurrentPasswordIsAClear400() {
        Browser bob = signedInAsBob();
        String password = demo.users().passwords().get("bob");

        HttpResponse<String> tooLongNext = changePassword(bob, password, "b".repeat(73));
        HttpResponse<String> tooLongCurrent = changePassword(bob, "c".repeat(200), "a fine new password");

        for (HttpResponse<String> answer : List.of(tooLongNext, tooLongCurrent)) {
            assertEquals(400, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("72"), "the message names the limit: " + answer.body());
            assertNoLeak(answer);
        }
        assertTrue(demo.users().authenticate("bob", password).isPresent(), "the password did not change");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/sessions/%25", "/api/%2e%2e/sessions", "/api/sessions/%2F", "/api/sessions/a%00b"})
    void pathsTheContainerRejectsUnderApiAreProblems(String path) {
        Browser bob = signedInAsBob();
        for (String method : List.of("GET", "DELETE")) {
            HttpResponse<String> answer = bob.send(HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()), "X-Requested-With", "test");
            assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, method + " " + path + ": "
                    + answer.statusCode());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM),
                    method + " " + path + ": " + answer.headers().map());
            assertTrue(answer.body().contains("\"status\":" + answer.statusCode()), answer.body());
            assertNoLeak(answer);
        }
    }

    @Test
    void theContainersOwnErrorsOutsideTheApiArePlainPagesForBrowsers() {
        Browser bob = signedInAsBob();
        String[] html = {"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"};
        List<HttpResponse<String>> answers = List.of(
                bob.get("/app/password", html),                      // 405 from HttpServlet
                bob.get("/app/no-such-page.html", html),             // 404 from the default servlet
                bob.send(HttpRequest.newBuilder(URI.create(base + "/app/%25")).DELETE(), html)); // refused by Jetty
        for (HttpResponse<String> answer : answers) {
            assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, answer.uri() + ": "
                    + answer.statusCode());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                    answer.uri() + ": " + answer.headers().map());
            assertTrue(answer.body().contains("<h1>"), answer.body());
            assertNoLeak(answer);
        }
    }

    @Test
    void theContainersOwnErrorsOutsideTheApiAreProblemsForScripts() {
        Browser bob = signedInAsBob();
        for (String path : List.of("/app/password", "/app/no-such-page.html", "/app/%2e%2e/x", "/app/a%00b")) {
            HttpResponse<String> answer = bob.get(path, "Accept", "application/json");
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM),
                    path + ": " + answer.headers().map());
            assertNoLeak(answer);
        }
    }

    @Test
    void signInAndSignOutAnswersAreNeverCached() {
        Browser browser = new Browser(base);
        List<HttpResponse<String>> answers = List.of(
                browser.post("/login", Map.of("username", "bob", "password", "wrong")),
                browser.post("/login", Map.of("username", "bob", "password", demo.users().passwords().get("bob"))),
                browser.post("/logout", Map.of()),
                browser.post("/logout", Map.of()));
        for (HttpResponse<String> answer : answers) {
            assertEquals(List.of("no-store"), answer.headers().allValues("Cache-Control"),
                    answer.request().method() + " " + answer.uri() + " " + answer.statusCode());
        }
    }

    private Browser signedInAsBob() {
        Browser bob = new Browser(base);
        HttpResponse<String> login = bob.post("/login", Map.of("username", "bob",
                "password", demo.users().passwords().get("bob")));
        assertEquals(303, login.statusCode(), login.body());
        return bob;
    }

    private static HttpResponse<String> changePassword(Browser browser, String current, String next) {
        return browser.post("/app/password", Map.of("current", current, "next", next),
                "X-Requested-With", "test");
    }

    private static void assertNoLeak(HttpResponse<String> answer) {
        assertTrue(answer.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
                "the browser headers on every error too: " + answer.uri() + " " + answer.headers().map());
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), answer.uri() + "");
        assertFalse(LEAK.matcher(answer.body()).find(), "the answer shows internals: " + answer.body());
        assertFalse(answer.headers().map().toString().contains("Exception"), answer.headers().map().toString());
    }
}
