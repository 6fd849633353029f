package dev.sessionkit.examples.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionkit.servlet.testing.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The smoke test every deployment of the unchanged demo WAR must pass, over real HTTP: sign in, list the sessions
 * through the REST API, sign in again from a second client, end that session through the API, and see the second
 * client refused while the first goes on. Every answer on the way carries the demo's browser security headers
 * (issue 11), the container's own 404 page included.
 */
final class DemoSmoke {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SID = "__Host-sid";
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    private DemoSmoke() {
    }

    /**
     * Runs the smoke test.
     *
     * @param app the web app's root, ending in a slash, e.g. {@code http://127.0.0.1:8080/sessionkit-demo/}
     * @param password the password both demo users got from {@code SESSIONKIT_DEMO_PASSWORD}
     */
    static void run(URI app, String password) {
        assertTrue(app.getPath().endsWith("/"), "the app URI must end in a slash: " + app);
        Browser laptop = new Browser(app).userAgent(FIREFOX);
        Browser phone = new Browser(app).userAgent(CHROME);

        assertEquals("pong", secure(laptop.get("ping")).body());
        assertEquals(401, secure(laptop.get("app/ping", "Accept", "application/json")).statusCode(),
                "not signed in yet");
        assertEquals(401, secure(laptop.post("login", Map.of("username", "alice", "password", password + "x")))
                .statusCode(), "a wrong password");
        assertEquals(200, secure(laptop.get("login.html")).statusCode(), "the sign-in page");
        assertEquals(404, secure(laptop.get("static/no-such-file.js")).statusCode(), "the container's 404");

        signIn(laptop, app, password);
        assertEquals("pong", laptop.get("app/ping").body());
        List<JsonNode> one = sessions(laptop);
        assertEquals(1, one.size(), "alice's sessions after the first sign-in: " + one);
        assertTrue(one.get(0).path("current").asBoolean(), "the only session is the current one: " + one);

        signIn(phone, app, password);
        assertNotEquals(laptop.cookies().get(SID), phone.cookies().get(SID), "two clients, two sessions");
        String phoneSession = currentId(sessions(phone));
        String laptopSession = currentId(sessions(laptop));
        assertNotEquals(laptopSession, phoneSession);
        List<JsonNode> two = sessions(laptop);
        assertEquals(2, two.size(), "alice's sessions after signing in from a second client: " + two);
        assertTrue(ids(two).contains(phoneSession), "the laptop lists the phone's session: " + two);

        HttpResponse<String> unproven = delete(laptop, "api/sessions/" + phoneSession);
        assertEquals(403, unproven.statusCode(), "ending a session without same-origin proof: " + unproven.body());
        assertEquals("pong", phone.get("app/ping").body(), "a refused DELETE ends nothing");
        HttpResponse<String> ended = delete(laptop, "api/sessions/" + phoneSession, "X-Requested-With",
                "XMLHttpRequest");
        assertEquals(204, ended.statusCode(), "ending the phone's session: " + ended.body());

        HttpResponse<String> refused = phone.get("app/ping", "Accept", "application/json");
        assertEquals(401, refused.statusCode(), "the ended client is signed out: " + refused.body());
        assertEquals("pong", laptop.get("app/ping", "Accept", "application/json").body(), "the first client goes on");
        List<JsonNode> left = sessions(laptop);
        assertFalse(ids(left).contains(phoneSession), "the ended session is no longer listed: " + left);
        assertEquals(List.of(laptopSession), ids(left));
        containerErrorsShowNoInternals(laptop);
    }

    /** The container's own errors go to the demo's error page: problem+json under api/, a plain page elsewhere. */
    private static void containerErrorsShowNoInternals(Browser browser) {
        HttpResponse<String> page = browser.get("app/password", "Accept", "text/html");
        assertEquals(405, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.body());
        for (HttpResponse<String> problem : List.of(browser.get("api/no-such-resource", "Accept", "application/json"),
                delete(browser, "api/sessions/%25", "X-Requested-With", "XMLHttpRequest"),
                browser.get("app/password", "Accept", "application/json"))) {
            assertTrue(problem.statusCode() >= 400 && problem.statusCode() < 500, problem.uri() + " " + problem.body());
            assertTrue(problem.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    problem.uri() + " " + problem.headers().map() + " " + problem.body());
        }
        for (HttpResponse<String> answer : List.of(page, browser.get("app/no-such-page.html", "Accept", "text/html"))) {
            assertFalse(answer.body().contains("Exception") || answer.body().contains("java."),
                    "an error page shows internals: " + answer.body());
        }
    }

    /** Asserts the headers SecurityHeadersFilter sets in the demo, and returns the response. */
    private static HttpResponse<String> secure(HttpResponse<String> response) {
        String what = response.request().method() + " " + response.uri() + " (" + response.statusCode() + ")";
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'")
                && !csp.contains("unsafe-inline"), what + ": Content-Security-Policy '" + csp + "'");
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), what);
        assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(null), what);
        return response;
    }

    private static void signIn(Browser browser, URI app, String password) {
        HttpResponse<String> login = browser.post("login", Map.of("username", "alice", "password", password));
        assertEquals(303, login.statusCode(), "sign-in: " + login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        assertEquals(app.resolve("app/").getPath(), URI.create(location).getPath(), "redirect after sign-in");
        // The WAR keeps the secure default: behind HTTPS its cookie must be __Host- and Secure (the test client
        // sends it over plain HTTP anyway, as a TLS-terminating proxy in front of the container would).
        assertTrue(browser.cookies().containsKey(SID), "session cookie after sign-in: " + login.headers().map());
        String setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(SID + "="))
                .findFirst().orElseThrow();
        assertTrue(setCookie.contains("; Secure"), "the WAR's session cookie is Secure: " + setCookie);
    }

    private static List<JsonNode> sessions(Browser browser) {
        HttpResponse<String> response = secure(browser.get("api/sessions", "Accept", "application/json"));
        assertEquals(200, response.statusCode(), "GET api/sessions: " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "JSON: " + response.headers().map());
        try {
            JsonNode list = JSON.readTree(response.body());
            assertTrue(list.isArray(), "a JSON array: " + response.body());
            List<JsonNode> sessions = new ArrayList<>();
            list.forEach(sessions::add);
            return sessions;
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    private static String currentId(List<JsonNode> sessions) {
        return sessions.stream().filter(s -> s.path("current").asBoolean()).map(s -> s.path("id").asText())
                .findFirst().orElseThrow(() -> new AssertionError("no current session in " + sessions));
    }

    private static List<String> ids(List<JsonNode> sessions) {
        return sessions.stream().map(s -> s.path("id").asText()).toList();
    }

    private static HttpResponse<String> delete(Browser browser, String path, String... headers) {
        return browser.send(HttpRequest.newBuilder(browser.base().resolve(path)).DELETE(), headers);
    }
}
