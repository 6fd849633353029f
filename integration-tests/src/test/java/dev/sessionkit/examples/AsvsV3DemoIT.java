package dev.sessionkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionkit.servlet.testing.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OWASP ASVS 4.0.3 V3 requirements that need an application's own password change, proved on the demo's
 * ({@code POST /app/password}) over real HTTP; the rest of V3 is in {@code AsvsV3ConformanceIT} (the API alone),
 * and {@code SECURITY.md} maps every requirement to its test.
 */
class AsvsV3DemoIT {

    /** The demo serves plain http://localhost, so its cookie is not Secure and has no {@code __Host-} prefix. */
    private static final String SID = "sid";
    private static final String NEW_PASSWORD = "correct horse battery";

    @TempDir
    Path data;

    private DemoServer demo;
    private URI base;
    private String alicePassword;

    @BeforeEach
    void start() throws Exception {
        demo = new DemoServer();
        base = demo.start("127.0.0.1", 0, Map.of(
                "jdbc-url", "jdbc:h2:file:" + data.resolve("sessionkit").toAbsolutePath(),
                "sessionkit.demo.data", data.toString()));
        alicePassword = demo.users().passwords().get("alice");
    }

    @AfterEach
    void stop() throws Exception {
        demo.close();
    }

    @Test
    void v3_3_3_aPasswordChangeEndsEveryOtherSession() throws Exception {
        Browser laptop = signIn("alice", alicePassword);
        Browser phone = signIn("alice", alicePassword);
        Browser tablet = signIn("alice", alicePassword);
        Browser bob = signIn("bob", demo.users().passwords().get("bob"));
        String laptopToken = laptop.cookies().get(SID);

        HttpResponse<String> changed = changePassword(laptop, alicePassword, NEW_PASSWORD);

        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("2", changed.body(), "two other sessions ended");
        assertEquals(401, ping(phone));
        assertEquals(401, ping(tablet));
        assertEquals(200, ping(laptop), "the device that changed the password stays signed in");
        assertNotEquals(laptopToken, laptop.cookies().get(SID), "with a new token");
        assertEquals(401, ping(withToken(laptopToken)), "so a stolen copy of its old token is dead too");
        assertEquals(200, ping(bob), "other users are untouched");
        JsonNode history = new ObjectMapper().readTree(laptop.get("/api/sessions/history", "Accept",
                "application/json").body());
        assertEquals(2, history.get("items").findValuesAsText("endReason").stream()
                .filter("password-changed"::equals).count(), history.toString());
        assertEquals(401, new Browser(base).post("/login", Map.of("username", "alice", "password", alicePassword))
                .statusCode(), "the old password no longer signs in");
        signIn("alice", NEW_PASSWORD);
    }

    @Test
    void v3_7_1_aPasswordChangeNeedsAFullSessionAndTheCurrentPassword() throws Exception {
        // No session at all, as in a half-finished sign-in or reset flow: refused before the app runs.
        assertEquals(401, changePassword(new Browser(base), alicePassword, NEW_PASSWORD).statusCode());
        // A session that has ended (signed out): refused too.
        Browser old = signIn("alice", alicePassword);
        String oldToken = old.cookies().get(SID);
        old.post("/logout", Map.of());
        assertEquals(401, changePassword(withToken(oldToken), alicePassword, NEW_PASSWORD).statusCode());

        // A full session, but without re-entering the current password: refused, and nothing changes.
        Browser laptop = signIn("alice", alicePassword);
        Browser phone = signIn("alice", alicePassword);
        HttpResponse<String> wrong = changePassword(laptop, "not-the-password", NEW_PASSWORD);
        assertEquals(400, wrong.statusCode());
        assertEquals(200, ping(phone), "no session was ended");
        signIn("alice", alicePassword);

        // A full session and the current password: accepted.
        assertEquals(200, changePassword(laptop, alicePassword, NEW_PASSWORD).statusCode());
        signIn("alice", NEW_PASSWORD);
    }

    private Browser signIn(String user, String password) {
        Browser browser = new Browser(base);
        HttpResponse<String> response = browser.post("/login", Map.of("username", user, "password", password));
        assertEquals(303, response.statusCode(), "sign-in of " + user);
        return browser;
    }

    private Browser withToken(String token) {
        Browser browser = new Browser(base);
        browser.cookies().put(SID, token);
        return browser;
    }

    /** The demo's password form as its page sends it, with the header its cross-site guard asks for. */
    private static HttpResponse<String> changePassword(Browser browser, String current, String next) {
        return browser.post("/app/password", Map.of("current", current, "next", next), "X-Requested-With", "asvs");
    }

    private static int ping(Browser browser) {
        return browser.get("/app/ping", "Accept", "application/json").statusCode();
    }
}
