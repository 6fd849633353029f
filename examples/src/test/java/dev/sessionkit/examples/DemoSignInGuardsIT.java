package dev.sessionkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionkit.servlet.testing.Browser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's sign-in, sign-out and password change against the attacks of issue 11, over real HTTP: a cross-site
 * form must not sign a browser into the attacker's account (login CSRF) or out of the user's own, and a password
 * change must end every other session even when the changing one is ended while the password is checked.
 */
class DemoSignInGuardsIT {

    private static final String SID = "sid";
    private static final String EVIL = "https://evil.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private DemoServer demo;
    private URI base;

    private URI start(Map<String, String> extra) throws Exception {
        Map<String, String> params = new HashMap<>(Map.of(
                "jdbc-url", "jdbc:h2:file:" + data.resolve("sessionkit").toAbsolutePath(),
                "sessionkit.demo.data", data.toString()));
        params.putAll(extra);
        demo = new DemoServer();
        base = demo.start("127.0.0.1", 0, params);
        return base;
    }

    @AfterEach
    void stop() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void aCrossSiteSignInIsRefusedWith403AndSignsNobodyIn() throws Exception {
        start(Map.of());
        Browser victim = new Browser(base);

        HttpResponse<String> login = victim.post("/login", credentials("bob"), "Origin", EVIL,
                "Sec-Fetch-Site", "cross-site");

        assertEquals(403, login.statusCode(), login.body());
        assertTrue(login.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(login.body().contains("came from another site"), login.body());
        assertFalse(login.body().contains("Exception"), login.body());
        assertFalse(victim.cookies().containsKey(SID), "no session cookie: " + login.headers().allValues("Set-Cookie"));
        assertEquals(0, activeSessionsOf("bob"), "no session was created for the attacker's account");
        assertEquals(403, new Browser(base).post("/login", credentials("bob"), "Origin", EVIL).statusCode(),
                "an old browser's foreign Origin alone is refused too");
        assertEquals(0, activeSessionsOf("bob"));
    }

    @Test
    void aSameOriginOrHeaderlessSignInStillWorks() throws Exception {
        start(Map.of());
        String own = "http://127.0.0.1:" + base.getPort();

        assertEquals(303, new Browser(base).post("/login", credentials("bob"), "Origin", own,
                "Sec-Fetch-Site", "same-origin").statusCode());
        assertEquals(303, new Browser(base).post("/login", credentials("bob")).statusCode());
        assertEquals(2, activeSessionsOf("bob"));
    }

    @Test
    void withCrossSiteLoginAllowedACrossSiteSignInIsAccepted() throws Exception {
        start(Map.of("cross-site-login", "allow"));

        HttpResponse<String> login = new Browser(base).post("/login", credentials("bob"), "Origin", EVIL,
                "Sec-Fetch-Site", "cross-site");

        assertEquals(303, login.statusCode());
    }

    @Test
    void aCrossSiteSignOutIsRefusedAndTheSessionGoesOn() throws Exception {
        start(Map.of());
        Browser bob = signIn("bob");

        HttpResponse<String> logout = bob.post("/logout", Map.of(), "Origin", EVIL, "Sec-Fetch-Site", "same-site");

        assertEquals(403, logout.statusCode());
        assertTrue(bob.cookies().containsKey(SID), "the cookie is not cleared");
        assertEquals(200, ping(bob), "the session goes on");
        assertEquals(303, bob.post("/logout", Map.of(), "Sec-Fetch-Site", "same-origin").statusCode());
        assertEquals(401, ping(bob));
    }

    /**
     * The race of issue 11: an attacker holding a second session ends the changing one while the demo checks and
     * hashes the password (two bcrypt runs). A run is conclusive only when the end landed inside that window; the
     * others (the filter already refused the request, or the change had finished) are retried.
     */
    @Test
    void aSessionEndedDuringThePasswordChangeStillEndsEveryOtherAndTheUserIsTold() throws Exception {
        start(Map.of());
        String password = demo.users().passwords().get("bob");
        for (int attempt = 0; attempt < 8; attempt++) {
            Browser changing = signIn("bob", password);
            Browser attacker = signIn("bob", password);
            Browser third = signIn("bob", password);
            String changingId = currentId(changing);
            String next = "new password " + attempt;
            Map<String, String> form = Map.of("current", password, "next", next);

            CompletableFuture<HttpResponse<String>> change = CompletableFuture.supplyAsync(() -> changing.post(
                    "/app/password", form, "X-Requested-With", "test"));
            Thread.sleep(60);
            int ended = attacker.send(HttpRequest.newBuilder(base.resolve("/api/sessions/" + changingId)).DELETE(),
                    "X-Requested-With", "attacker").statusCode();
            HttpResponse<String> changed = change.get();

            if (changed.statusCode() == 401) {
                continue; // the end came before the filter checked the request: no race, nothing changed
            }
            password = next;
            if (ended != 204) {
                continue; // the change had finished first, and ended the attacker's session itself
            }
            assertEquals(409, changed.statusCode(), changed.body());
            assertTrue(changed.body().contains("Sign in again"), changed.body());
            assertEquals(401, ping(attacker), "the attacker's session is ended");
            assertEquals(401, ping(third), "every other session is ended");
            assertEquals(0, activeSessionsOf("bob"));
            return;
        }
        throw new AssertionError("no attempt ended the session inside the password change");
    }

    private Map<String, String> credentials(String user) {
        return Map.of("username", user, "password", demo.users().passwords().get(user));
    }

    private Browser signIn(String user) {
        return signIn(user, demo.users().passwords().get(user));
    }

    private Browser signIn(String user, String password) {
        Browser browser = new Browser(base);
        HttpResponse<String> response = browser.post("/login", Map.of("username", user, "password", password));
        assertEquals(303, response.statusCode(), "sign-in of " + user);
        return browser;
    }

    private static String currentId(Browser browser) throws Exception {
        return JSON.readTree(browser.get("/api/sessions/current", "Accept", "application/json").body())
                .get("id").asText();
    }

    /** Counted through the admin API, as an operator would. */
    private long activeSessionsOf(String user) throws Exception {
        Browser alice = signIn("alice");
        JsonNode page = JSON.readTree(alice.get("/api/admin/sessions?status=active&user=" + user, "Accept",
                "application/json").body());
        alice.post("/logout", Map.of());
        return page.get("total").asLong();
    }

    private static int ping(Browser browser) {
        return browser.get("/app/ping", "Accept", "application/json").statusCode();
    }
}
