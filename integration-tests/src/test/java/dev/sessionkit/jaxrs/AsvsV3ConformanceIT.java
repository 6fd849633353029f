package dev.sessionkit.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionkit.Sessionkit;
import dev.sessionkit.servlet.WebSettingsBuilder;
import dev.sessionkit.servlet.WebSettings;
import dev.sessionkit.servlet.SameSite;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.config.SessionkitSettingsBuilder;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OWASP ASVS 4.0.3 chapter V3 (Session Management): one test per requirement that applies to Sessionkit, named by
 * the requirement's ID. {@code SECURITY.md} lists every V3 requirement with the test that proves it or the reason it
 * does not apply; V3.3.3 and V3.7.1 are proved on the demo app by {@code AsvsV3DemoIT}, next to this suite.
 *
 * <p>Every test goes over real HTTP to Jetty 12 running the Sessionkit filter, the REST API at {@code /api} and the
 * test app's login servlets, on a fresh H2 database, with default settings unless the test says otherwise. Time is a
 * {@link MutableClock} the tests move, so timeouts are proved without sleeping. Assertions are on what a browser or
 * an auditor sees: status codes, {@code Set-Cookie} attributes, {@code Location} headers and bodies.
 */
class AsvsV3ConformanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SID = "__Host-sid";
    private static final String BID = "__Host-bid";
    /** What a script sends to pass the API's cross-site request forgery guard. */
    private static final String[] SCRIPT = {"X-Requested-With", "asvs"};
    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    /** Enough logins for the token statistics to have power, yet a few seconds over loopback. */
    private static final int LOGINS = 1_000;

    private final MutableClock clock = MutableClock.atT0();
    private final List<AutoCloseable> running = new ArrayList<>();
    /** Every response of the test, for checks over all of them (V3.1.1). */
    private final List<HttpResponse<String>> seen = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    // ---- V3.1 Fundamental session management ------------------------------------------------------------------

    @Test
    void v3_1_1_tokensNeverAppearInUrlsAndAreNotAcceptedFromThem() throws Exception {
        URI base = start();
        Browser alice = new Browser(base);
        Browser admin = new Browser(base);

        // A whole visit: sent to sign in, signing in, using pages and every read of the API, renewing, signing out.
        HttpResponse<String> toLogin = record(alice.get("/app/home", "Accept", "text/html"));
        record(alice.post("/login", Map.of("username", "alice", "roles", "user")));
        record(admin.post("/login", Map.of("username", "root", "roles", "sessionkit-admin")));
        for (String path : List.of("/api/sessions", "/api/sessions/current", "/api/sessions/count",
                "/api/sessions/history", "/api/sessions/analytics", "/api/openapi.json")) {
            assertEquals(200, record(alice.get(path, "Accept", "application/json")).statusCode(), path);
        }
        for (String path : List.of("/api/admin/sessions", "/api/admin/stats")) {
            assertEquals(200, record(admin.get(path, "Accept", "application/json")).statusCode(), path);
        }
        record(alice.get("/app/home"));
        record(alice.post("/app/rotate", Map.of()));
        String lastToken = alice.cookies().get(SID);
        record(alice.post("/logout", Map.of()));
        alice.cookies().put(SID, lastToken);
        HttpResponse<String> afterLogout = record(alice.get("/app/home", "Accept", "text/html"));

        assertEquals(302, toLogin.statusCode());
        assertEquals("/public/login", toLogin.headers().firstValue("Location").orElseThrow(), "no token, no query");
        assertEquals(302, afterLogout.statusCode());
        assertEquals("/public/login", afterLogout.headers().firstValue("Location").orElseThrow());
        Set<String> tokens = issuedTokens(seen);
        assertEquals(5, tokens.size(), "alice's login and renewal, the admin's login, and a browser id each");
        for (HttpResponse<String> response : seen) {
            for (String token : tokens) {
                String where = response.request().method() + " " + response.uri().getPath();
                assertFalse(response.uri().toString().contains(token), "request URL of " + where);
                assertFalse(response.body().contains(token), "body of " + where);
                response.headers().map().forEach((name, values) -> {
                    if (!name.equalsIgnoreCase("Set-Cookie")) {
                        assertFalse(values.stream().anyMatch(v -> v.contains(token)), name + " of " + where);
                    }
                });
            }
        }

        // A token offered in the URL, by any usual name or as a path parameter, authenticates nobody.
        Browser owner = new Browser(base);
        owner.login("bob", "user");
        String token = owner.cookies().get(SID);
        Browser stranger = new Browser(base);
        for (String url : List.of("/api/sessions/current?" + SID + "=" + token + "&sid=" + token,
                "/api/sessions/current?token=" + token + "&access_token=" + token + "&session=" + token,
                "/api/sessions/current;sid=" + token, "/api/sessions/current;jsessionid=" + token)) {
            int status = stranger.get(url, "Accept", "application/json").statusCode();
            assertTrue(status == 401 || status == 400, url + " answered " + status);
        }
        assertEquals(200, owner.get("/api/sessions/current", "Accept", "application/json").statusCode(),
                "the same token works from its cookie");
    }

    // ---- V3.2 Session binding ---------------------------------------------------------------------------------

    @Test
    void v3_2_1_newTokenOnEveryLogin() throws Exception {
        URI base = start();

        // Fixation with a made-up token planted in the victim's browser before sign-in.
        Browser victim = new Browser(base);
        String planted = "P".repeat(43);
        victim.cookies().put(SID, planted);
        victim.login("alice", "user");
        String issued = victim.cookies().get(SID);
        assertNotEquals(planted, issued);
        assertEquals(401, withToken(base, planted).statusCode(), "the planted value authenticates nobody");

        // Fixation with the attacker's own valid token: the victim's login must not carry on under it.
        Browser attacker = new Browser(base);
        attacker.login("mallory", "user");
        String attackersToken = attacker.cookies().get(SID);
        Browser victim2 = new Browser(base);
        victim2.cookies().put(SID, attackersToken);
        victim2.login("alice", "user");
        assertNotEquals(attackersToken, victim2.cookies().get(SID));
        assertEquals(401, withToken(base, attackersToken).statusCode(),
                "the pre-login token is ended, not upgraded to alice");
        assertEquals("alice", json(victim2.get("/api/sessions/current", "Accept", "application/json"))
                .get("user").asText());

        // The same browser signing in again gets a new token, and the one before stops working.
        String before = victim.cookies().get(SID);
        victim.login("alice", "user");
        assertNotEquals(before, victim.cookies().get(SID));
        assertEquals(401, withToken(base, before).statusCode());
        assertEquals(200, withToken(base, victim.cookies().get(SID)).statusCode());
    }

    @Test
    void v3_2_2_tokensCarryAtLeast64BitsOfEntropy() throws Exception {
        List<byte[]> tokens = logins(start(), LOGINS);

        Set<String> distinct = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        int[] onesAt = new int[256];
        for (byte[] token : tokens) {
            assertEquals(32, token.length, "256 bits, four times the 64 asked for");
            distinct.add(Base64.getEncoder().encodeToString(token));
            prefixes.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(token, 8)));
            for (int bit = 0; bit < 256; bit++) {
                onesAt[bit] += token[bit / 8] >> (bit % 8) & 1;
            }
        }
        assertEquals(LOGINS, distinct.size(), "every login got a token never seen before");
        // A token made of a timestamp plus a little randomness shares leading bytes with others; with 64 random
        // bits up front, a shared 8-byte prefix among 1,000 tokens has a chance of about 3e-14.
        assertEquals(LOGINS, prefixes.size(), "no two tokens share even their first 8 bytes");
        // Sampling cannot measure entropy, but it shows where there is none: a fixed bit, or the high bits of a
        // counter, time or id, sits far from one half. Every one of the 256 bits varies like a coin flip here
        // (Binomial(1000, 1/2): sigma 15.8; the bounds are 6 sigma, missed by chance about once in two million).
        for (int bit = 0; bit < 256; bit++) {
            assertTrue(onesAt[bit] > 405 && onesAt[bit] < 595, "bit " + bit + " was set " + onesAt[bit] + " times");
        }
    }

    @Test
    void v3_2_3_tokenIsKeptOnlyInAHardenedCookie() throws Exception {
        URI base = start();
        Browser browser = new Browser(base);

        HttpResponse<String> login = browser.post("/login", Map.of("username", "alice", "roles", "user"));

        String token = browser.cookies().get(SID);
        SetCookie cookie = SetCookie.only(login, SID);
        assertEquals(token, cookie.value());
        assertTrue(cookie.has("HttpOnly"), "page scripts cannot read it");
        assertTrue(cookie.has("Secure"), "never sent over plain HTTP");
        assertTrue(cookie.attribute("SameSite").isPresent());
        assertFalse(cookie.has("Max-Age") || cookie.has("Expires"), "not kept after the browser closes: " + cookie);
        assertTrue(login.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
                "no cache keeps the response that carries the token");
        assertFalse(login.body().contains(token), "the body gives scripts nothing to put in storage");
        assertNotEquals(token, browser.cookies().get(BID));
        for (String path : List.of("/api/sessions/current", "/api/sessions")) {
            assertFalse(browser.get(path, "Accept", "application/json").body().contains(token), path);
        }
    }

    @Test
    void v3_2_4_tokensComeFromACryptographicRandomGenerator() throws Exception {
        List<byte[]> tokens = logins(start(), LOGINS);

        // Statistics over 256,000 bits: a skewed or patterned generator fails these; a sound one fails them with a
        // chance below one in a million. (They cannot tell a CSPRNG from a good plain PRNG: the check after them,
        // and the code named in SECURITY.md, cover that.)
        int ones = 0;
        int[] byteValues = new int[256];
        for (byte[] token : tokens) {
            for (byte b : token) {
                ones += Integer.bitCount(b & 0xff);
                byteValues[b & 0xff]++;
            }
        }
        double share = ones / (256.0 * LOGINS);
        assertTrue(Math.abs(share - 0.5) < 0.005, "share of one bits " + share + " (5 sigma is 0.0049)");
        double expected = 32.0 * LOGINS / 256;
        double chiSquare = 0;
        for (int count : byteValues) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        // 255 degrees of freedom: mean 255; above 390 happens about once in ten million for uniform bytes.
        assertTrue(chiSquare < 390, "byte values are not uniform: chi-square " + chiSquare);

        // The classic mistake, java.util.Random, is predictable: its 48-bit state shows in every 32-bit output, so
        // the rest of a token follows from its first 4 bytes. No token here continues like that.
        for (byte[] token : tokens.subList(0, 20)) {
            assertFalse(followsJavaUtilRandom(token), "a token is java.util.Random output, hence predictable");
        }
    }

    // ---- V3.3 Session termination -----------------------------------------------------------------------------

    @Test
    void v3_3_1_logoutAndExpiryInvalidateTheToken() throws Exception {
        URI base = start();

        // Logout: the server ends the session; the old cookie, replayed as the back button would, is refused.
        Browser browser = new Browser(base);
        browser.login("alice", "user");
        String token = browser.cookies().get(SID);
        HttpResponse<String> logout = browser.post("/logout", Map.of());
        assertEquals(204, logout.statusCode());
        assertTrue(SetCookie.only(logout, SID).has("Max-Age") && SetCookie.only(logout, SID).value().isEmpty(),
                "the browser is told to drop the cookie");
        assertEquals(401, withToken(base, token).statusCode());
        HttpResponse<String> backButton = withToken(base, token, "Accept", "text/html");
        assertEquals(302, backButton.statusCode(), "a page request goes to sign-in, not to the page");
        assertTrue(backButton.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        browser.login("alice", "user");
        assertEquals(401, withToken(base, token).statusCode(), "a new login does not revive the old token");

        // Idle expiry (default idle-timeout PT30M, touch-interval PT60S: ends between 30 and 31 minutes idle).
        Browser idle = new Browser(base);
        idle.login("alice", "user");
        String idleToken = idle.cookies().get(SID);
        clock.advance(Duration.ofMinutes(31));
        assertEquals(401, withToken(base, idleToken).statusCode());

        // Absolute expiry (default absolute-timeout PT24H), however busy the session is.
        Browser busy = new Browser(base);
        busy.login("alice", "user");
        String busyToken = busy.cookies().get(SID);
        Instant login = clock.instant();
        while (clock.instant().isBefore(login.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(20)))) {
            clock.advance(Duration.ofMinutes(20));
            assertEquals(200, withToken(base, busyToken).statusCode(), "used every 20 minutes");
        }
        clock.set(login.plus(Duration.ofHours(24)));
        assertEquals(401, withToken(base, busyToken).statusCode());
        clock.advance(Duration.ofDays(1));
        for (String ended : List.of(token, idleToken, busyToken)) {
            assertEquals(401, withToken(base, ended).statusCode(), "an ended token stays refused");
        }
    }

    @Test
    void v3_3_2_reauthenticationAfter12HoursOfUseOr30MinutesIdle() throws Exception {
        // Level 1 (30 days) with the defaults: an active session ends at 24 hours.
        URI defaults = start();
        Browser user = new Browser(defaults);
        user.login("alice", "user");
        JsonNode current = json(user.get("/api/sessions/current", "Accept", "application/json"));
        assertEquals(Duration.ofHours(24), Duration.between(Instant.parse(current.get("created").asText()),
                Instant.parse(current.get("expiresAt").asText())));
        for (int i = 0; i < 71; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertEquals(200, user.get("/api/sessions/current", "Accept", "application/json").statusCode());
        }
        clock.advance(Duration.ofMinutes(20));
        assertEquals(401, user.get("/api/sessions/current", "Accept", "application/json").statusCode(),
                "24 hours after login, well within 30 days");

        // Levels 2 and 3 need shorter limits; SECURITY.md gives the settings, proved here for level 2: idle-timeout
        // PT29M plus the default touch-interval PT60S ends a session after at most 30 idle minutes, and
        // absolute-timeout PT12H after 12 hours of use.
        URI level2 = start(s -> s.idleTimeout(Duration.ofMinutes(29)).absoluteTimeout(Duration.ofHours(12)));
        Browser idle = new Browser(level2);
        idle.login("alice", "user");
        clock.advance(Duration.ofSeconds(59));
        // This request falls inside the touch interval, so it is not written: the worst case for idle expiry.
        assertEquals(200, idle.get("/app/x").statusCode());
        clock.advance(Duration.ofMinutes(30));
        assertEquals(401, idle.get("/app/x", "Accept", "application/json").statusCode(),
                "30 minutes after the last request, sign-in is needed again");

        Browser active = new Browser(level2);
        active.login("alice", "user");
        Instant login = clock.instant();
        for (int i = 0; i < 28; i++) {
            clock.advance(Duration.ofMinutes(25));
            assertEquals(200, active.get("/app/x").statusCode(), "used every 25 minutes");
        }
        clock.set(login.plus(Duration.ofHours(12)));
        assertEquals(401, active.get("/app/x", "Accept", "application/json").statusCode(),
                "12 hours after login, however active");
    }

    @Test
    void v3_3_4_usersSeeAndEndTheirOtherSessionsAndDevices() throws Exception {
        URI base = start();
        Browser laptop = new Browser(base);
        laptop.login("alice", "user");
        Browser phone = new Browser(base).userAgent(PHONE);
        String phoneId = phone.login("alice", "user");
        Browser tablet = new Browser(base);
        tablet.login("alice", "user");
        Browser bob = new Browser(base);
        bob.login("bob", "user");

        JsonNode list = json(laptop.get("/api/sessions", "Accept", "application/json"));
        assertEquals(3, list.size(), "alice's three sessions, not bob's");
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        list.forEach(s -> byId.put(s.get("id").asText(), s));
        assertEquals(1, list.findValues("current").stream().filter(JsonNode::asBoolean).count());
        assertEquals("mobile", byId.get(phoneId).get("device").get("type").asText());
        for (JsonNode session : list) {
            assertEquals("alice", session.get("user").asText());
            for (String field : List.of("created", "lastAccessed", "expiresAt", "ip")) {
                assertFalse(session.get(field).isNull(), field);
            }
        }

        // Having re-entered their credentials: a sign-in older than privileged-session-max-age must confirm first.
        clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> confirmFirst = delete(laptop, "/api/sessions/" + phoneId);
        assertEquals(403, confirmFirst.statusCode());
        assertTrue(json(confirmFirst).get("type").asText().endsWith("reauthentication-required"));
        assertEquals(200, phone.get("/api/sessions/current", "Accept", "application/json").statusCode());
        assertEquals(200, laptop.post("/app/reauthenticate", Map.of()).statusCode(), "the app checked the password");

        assertEquals(204, delete(laptop, "/api/sessions/" + phoneId).statusCode(), "sign out one device");
        assertEquals(401, phone.get("/api/sessions/current", "Accept", "application/json").statusCode());
        assertEquals(1, json(delete(laptop, "/api/sessions?scope=others")).get("ended").asInt(), "all others");
        assertEquals(401, tablet.get("/api/sessions/current", "Accept", "application/json").statusCode());
        assertEquals(1, json(laptop.get("/api/sessions", "Accept", "application/json")).size());
        assertEquals(1, json(delete(laptop, "/api/sessions?scope=all")).get("ended").asInt(), "all, this one too");
        assertEquals(401, laptop.get("/api/sessions/current", "Accept", "application/json").statusCode());
        assertEquals(200, bob.get("/api/sessions/current", "Accept", "application/json").statusCode(),
                "nobody else's sessions were touched");
    }

    // ---- V3.4 Cookie-based session management -----------------------------------------------------------------

    @Test
    void v3_4_1_sessionCookieIsSecure() throws Exception {
        for (SetCookie cookie : everySessionCookieSet(start())) {
            assertTrue(cookie.has("Secure"), cookie.toString());
        }
    }

    @Test
    void v3_4_2_sessionCookieIsHttpOnly() throws Exception {
        for (SetCookie cookie : everySessionCookieSet(start())) {
            assertTrue(cookie.has("HttpOnly"), cookie.toString());
        }
    }

    @Test
    void v3_4_3_sessionCookieHasSameSite() throws Exception {
        URI base = start();
        for (SetCookie cookie : everySessionCookieSet(base)) {
            assertEquals(Optional.of("Lax"), cookie.attribute("SameSite"), cookie.toString());
        }
        for (SetCookie cookie : everySessionCookieSet(startWeb(web -> web.cookieSameSite(SameSite.STRICT)))) {
            assertEquals(Optional.of("Strict"), cookie.attribute("SameSite"), cookie.toString());
        }

        // Behind SameSite, for browsers that ignore it: a cross-site state change that carries the cookie anyway
        // is refused, and the session it aimed at lives on.
        Browser alice = new Browser(base);
        alice.login("alice", "user");
        Browser other = new Browser(base);
        other.login("alice", "user");
        HttpResponse<String> forged = alice.send(HttpRequest.newBuilder(base.resolve("/api/sessions?scope=others"))
                .DELETE(), "Accept", "application/json", "Origin", "https://evil.example", "Sec-Fetch-Site",
                "cross-site");
        assertEquals(403, forged.statusCode());
        assertEquals(200, other.get("/api/sessions/current", "Accept", "application/json").statusCode());
    }

    @Test
    void v3_4_4_sessionCookieUsesTheHostPrefix() throws Exception {
        URI base = start();
        List<SetCookie> cookies = new ArrayList<>(everySessionCookieSet(base));
        cookies.add(SetCookie.only(new Browser(base).post("/login", Map.of("username", "bob", "roles", "")), BID));
        for (SetCookie cookie : cookies) {
            // The prefix is kept by browsers only with Secure, Path=/ and no Domain: check all three, or the
            // browser would drop the cookie instead of protecting it.
            assertTrue(cookie.name().startsWith("__Host-"), cookie.toString());
            assertTrue(cookie.has("Secure"), cookie.toString());
            assertEquals(Optional.of("/"), cookie.attribute("Path"), cookie.toString());
            assertFalse(cookie.has("Domain"), cookie.toString());
        }
    }

    @Test
    void v3_4_5_sessionCookieIsHostOnlyWithPathRoot() throws Exception {
        URI base = start();
        List<SetCookie> cookies = new ArrayList<>(everySessionCookieSet(base));
        cookies.add(SetCookie.only(new Browser(base).post("/login", Map.of("username", "bob", "roles", "")), BID));
        for (SetCookie cookie : cookies) {
            // No Domain: sent back only to the exact host that set it, never to sibling hosts of the domain.
            assertFalse(cookie.has("Domain"), cookie.toString());
            // "/" is the only path the __Host- prefix allows (SECURITY.md explains why that is the most precise).
            assertEquals(Optional.of("/"), cookie.attribute("Path"), cookie.toString());
        }
    }

    // ---- V3.5 Token-based session management ------------------------------------------------------------------

    @Test
    void v3_5_2_theApiAcceptsSessionTokensOnlyNoStaticKeys() throws Exception {
        URI base = start();
        Browser alice = new Browser(base);
        String publicId = alice.login("alice", "user");
        String token = alice.cookies().get(SID);
        Browser client = new Browser(base);

        // Only the per-login session cookie authenticates: the same secret as a bearer token or an API key header
        // does not, and neither does the public session id, which appears in URLs and lists.
        List<String[]> attempts = List.of(
                new String[] {"Authorization", "Bearer " + token},
                new String[] {"X-API-Key", token},
                new String[] {"Cookie", SID + "=" + publicId},
                new String[] {"Authorization", "Bearer " + publicId});
        for (String[] attempt : attempts) {
            assertEquals(401, client.get("/api/sessions/current", "Accept", "application/json", attempt[0],
                    attempt[1]).statusCode(), attempt[0] + ": " + attempt[1]);
        }
        assertEquals(200, alice.get("/api/sessions/current", "Accept", "application/json").statusCode());
        // And that token is no static secret: it dies with its session.
        alice.post("/logout", Map.of());
        assertEquals(401, withToken(base, token).statusCode());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private URI start() throws Exception {
        return start(UnaryOperator.identity());
    }

    /** Starts Jetty with Sessionkit at its defaults, changed only by {@code settings}, on a fresh H2 database. */
    private URI start(UnaryOperator<SessionkitSettingsBuilder> settings) throws Exception {
        return start(settings, UnaryOperator.identity());
    }

    /** Starts Jetty with the filter's settings changed only by {@code web}. */
    private URI startWeb(UnaryOperator<WebSettingsBuilder> web) throws Exception {
        return start(UnaryOperator.identity(), web);
    }

    private URI start(UnaryOperator<SessionkitSettingsBuilder> settings, UnaryOperator<WebSettingsBuilder> web)
            throws Exception {
        Sessionkit sessionkit = Sessionkit.builder(settings.apply(SessionkitSettings.builder()
                        .jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").schema(SchemaMode.CREATE))
                        .build())
                .clock(clock).build();
        running.add(sessionkit);
        ApiServer server = new ApiServer();
        running.add(server);
        return server.start(sessionkit, web.apply(WebSettings.builder()
                .excludePaths(List.of("/login", "/public/*")).loginPath("/public/login")).build());
    }

    private HttpResponse<String> record(HttpResponse<String> response) {
        seen.add(response);
        return response;
    }

    /** A fresh browser presenting only this token, asking for JSON unless other headers are given. */
    private static HttpResponse<String> withToken(URI base, String token, String... headers) {
        Browser browser = new Browser(base);
        browser.cookies().put(SID, token);
        return browser.get("/app/x", headers.length == 0 ? new String[] {"Accept", "application/json"} : headers);
    }

    private static HttpResponse<String> delete(Browser browser, String path) {
        return browser.send(HttpRequest.newBuilder(browser.base().resolve(path)).DELETE(),
                "Accept", "application/json", SCRIPT[0], SCRIPT[1]);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** Signs in {@code count} times from new browsers and returns the decoded session tokens. */
    private static List<byte[]> logins(URI base, int count) {
        List<byte[]> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Browser browser = new Browser(base);
            browser.login("user" + i, "");
            String token = browser.cookies().get(SID);
            assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
            tokens.add(Base64.getUrlDecoder().decode(token));
        }
        return tokens;
    }

    /** Values of every session and browser-id cookie the responses set: the secrets that must stay out of URLs. */
    private static Set<String> issuedTokens(List<HttpResponse<String>> responses) {
        Set<String> tokens = new HashSet<>();
        for (HttpResponse<String> response : responses) {
            for (String header : response.headers().allValues("Set-Cookie")) {
                SetCookie cookie = SetCookie.parse(header);
                if ((cookie.name().equals(SID) || cookie.name().equals(BID)) && !cookie.value().isEmpty()) {
                    tokens.add(cookie.value());
                }
            }
        }
        return tokens;
    }

    /**
     * Every way the server sets the session cookie: at login, at renewal (rotate), when signing out, and when it
     * clears a stale one. A clearing cookie needs the same attributes, or a browser would not replace the original.
     */
    private static List<SetCookie> everySessionCookieSet(URI base) {
        Browser browser = new Browser(base);
        List<SetCookie> cookies = new ArrayList<>();
        cookies.add(SetCookie.only(browser.post("/login", Map.of("username", "alice", "roles", "")), SID));
        String stale = browser.cookies().get(SID);
        cookies.add(SetCookie.only(browser.post("/app/rotate", Map.of()), SID));
        cookies.add(SetCookie.only(browser.post("/logout", Map.of()), SID));
        browser.cookies().put(SID, stale);
        cookies.add(SetCookie.only(browser.get("/app/x", "Accept", "application/json"), SID));
        assertEquals(2, cookies.stream().filter(c -> !c.value().isEmpty()).count(), "two set, two cleared");
        return cookies;
    }

    /**
     * Tells whether the token's 32 bytes are what {@code java.util.Random.nextBytes} would give: recovers the 16
     * hidden state bits from the first 4 bytes and checks that the next 8 bytes follow.
     */
    private static boolean followsJavaUtilRandom(byte[] token) {
        long first = littleEndianInt(token, 0) & 0xffffffffL;
        int second = littleEndianInt(token, 4);
        int third = littleEndianInt(token, 8);
        for (long low = 0; low < 1 << 16; low++) {
            long state = first << 16 | low;
            state = (state * 0x5DEECE66DL + 0xBL) & ((1L << 48) - 1);
            if ((int) (state >>> 16) != second) {
                continue;
            }
            state = (state * 0x5DEECE66DL + 0xBL) & ((1L << 48) - 1);
            if ((int) (state >>> 16) == third) {
                return true;
            }
        }
        return false;
    }

    private static int littleEndianInt(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
                | (bytes[at + 3] & 0xff) << 24;
    }

    /**
     * One {@code Set-Cookie} header: name, value and attributes (names case-insensitive, as browsers read them).
     *
     * @param name the cookie's name
     * @param value its value, empty when the header clears the cookie
     * @param attributes attribute values by lower-case name; flags such as HttpOnly map to ""
     * @param header the header as sent
     */
    private record SetCookie(String name, String value, Map<String, String> attributes, String header) {

        static SetCookie parse(String header) {
            String[] parts = header.split(";");
            int equals = parts[0].indexOf('=');
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i].strip();
                int eq = part.indexOf('=');
                attributes.put((eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT),
                        eq < 0 ? "" : part.substring(eq + 1).strip());
            }
            return new SetCookie(parts[0].substring(0, equals).strip(), parts[0].substring(equals + 1).strip(),
                    attributes, header);
        }

        /** The one Set-Cookie for this name in a response; fails when there is none or more than one. */
        static SetCookie only(HttpResponse<String> response, String name) {
            List<SetCookie> matching = response.headers().allValues("Set-Cookie").stream()
                    .map(SetCookie::parse).filter(c -> c.name().equals(name)).toList();
            assertEquals(1, matching.size(), "Set-Cookie for " + name + " in " + response.headers().map());
            return matching.get(0);
        }

        boolean has(String attribute) {
            return attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
        }

        Optional<String> attribute(String attribute) {
            return Optional.ofNullable(attributes.get(attribute.toLowerCase(Locale.ROOT)));
        }

        @Override
        public String toString() {
            return header;
        }
    }
}
