package dev.sessionkit.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.MaxSessionsPolicy;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.config.SessionkitSettingsBuilder;
import dev.sessionkit.servlet.WebSettings;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.store.SessionSearch;
import dev.sessionkit.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OWASP ASVS 5.0.0 chapter V7 (Session Management): one test per requirement that applies to Sessionkit, named by
 * the requirement's ID. {@code SECURITY.md} lists all 19 with the test or the reason; V7.4.4 (sign-out on every
 * page) is proved on the demo in Chromium by {@code AsvsV7DemoBrowserIT}.
 *
 * <p>Over real HTTP to Jetty 12 running the filter, the REST API at {@code /api} and the test app's servlets
 * ({@code /login}, {@code /app/reauthenticate}, {@code /app/sensitive}, {@code /app/end-others}), on a fresh H2
 * database with default settings unless a test says otherwise; time is a {@link MutableClock} the tests move.
 */
class AsvsV7ConformanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SID = "__Host-sid";
    private static final String[] SCRIPT = {"X-Requested-With", "asvs"};

    private final MutableClock clock = MutableClock.atT0();
    private final List<AutoCloseable> running = new ArrayList<>();
    private Sessionkit sessionkit;

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    // ---- V7.1 Session management documentation (the rest of V7.1 is SECURITY.md itself) -----------------------

    @Test
    void v7_1_2_concurrentSessionsAreLimitedAsDocumented() throws Exception {
        URI evicting = start(s -> s.maxSessionsPerUser(2).maxSessionsPolicy(MaxSessionsPolicy.EVICT_OLDEST));
        Browser first = signedIn(evicting, "alice", "user");
        clock.advance(Duration.ofSeconds(1));
        Browser second = signedIn(evicting, "alice", "user");
        clock.advance(Duration.ofSeconds(1));
        Browser third = signedIn(evicting, "alice", "user");
        assertEquals(401, current(first).statusCode(), "evict-oldest: the oldest session ended");
        assertEquals(200, current(second).statusCode());
        assertEquals(200, current(third).statusCode());

        URI rejecting = start(s -> s.maxSessionsPerUser(2).maxSessionsPolicy(MaxSessionsPolicy.REJECT));
        signedIn(rejecting, "bob", "user");
        signedIn(rejecting, "bob", "user");
        HttpResponse<String> refused = new Browser(rejecting).post("/login", Map.of("username", "bob"));
        assertEquals(409, refused.statusCode(), "reject: the third sign-in is refused, nothing ends");
    }

    // ---- V7.2 Fundamental session management security ---------------------------------------------------------

    @Test
    void v7_2_1_everyTokenIsCheckedByTheServerOnEveryRequest() throws Exception {
        URI base = start(UnaryOperator.identity());
        Browser alice = signedIn(base, "alice", "user");
        String token = alice.cookies().get(SID);
        assertFalse(token.contains("."), "an opaque reference, not a self-contained token a client could read");

        String id = JSON.readTree(current(alice).body()).get("id").asText();
        sessionkit.service().end(new SessionId(id), EndReason.REVOKED_BY_ADMIN);

        assertEquals(401, current(alice).statusCode(), "ended in the store: refused at the next request");
        Browser forger = new Browser(base);
        forger.cookies().put(SID, token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A'));
        assertEquals(401, current(forger).statusCode(), "a well-formed token the store never issued");
    }

    @Test
    void v7_2_2_onlyPerLoginTokensNoStaticApiSecrets() throws Exception {
        URI base = start(UnaryOperator.identity());
        Browser alice = signedIn(base, "alice", "user");
        String token = alice.cookies().get(SID);
        String id = JSON.readTree(current(alice).body()).get("id").asText();
        Browser api = new Browser(base);

        for (String[] header : List.of(new String[] {"Authorization", "Bearer " + token},
                new String[] {"X-API-Key", token}, new String[] {"Authorization", "Bearer " + id})) {
            assertEquals(401, api.get("/api/sessions/current", "Accept", "application/json", header[0], header[1])
                    .statusCode(), header[0]);
        }
        alice.post("/logout", Map.of());
        Browser replay = new Browser(base);
        replay.cookies().put(SID, token);
        assertEquals(401, current(replay).statusCode(), "the token dies with its session: nothing static");
    }

    @Test
    void v7_2_3_referenceTokensAreUniqueWith256BitsFromACsprng() throws Exception {
        URI base = start(UnaryOperator.identity());
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String token = signedIn(base, "user" + i, "").cookies().get(SID);
            assertEquals(32, Base64.getUrlDecoder().decode(token).length, "256 bits, twice the 128 asked for");
            tokens.add(token);
        }
        assertEquals(200, tokens.size());
        // The generator is SecureRandom (SECURITY.md, V3.2.4 of 4.0.3 has the statistical checks).
        assertEquals("dev.sessionkit.token.SecureRandomTokenGenerator", dev.sessionkit.token.TokenGenerator
                .secureRandom(new java.security.SecureRandom()).getClass().getName());
    }

    @Test
    void v7_2_4_newTokenOnSignInAndOnReauthenticationAndTheOldOneEnds() throws Exception {
        URI base = start(UnaryOperator.identity());
        Browser alice = new Browser(base);
        alice.cookies().put(SID, "P".repeat(43));
        alice.login("alice", "user");
        String signedIn = alice.cookies().get(SID);
        assertNotEquals("P".repeat(43), signedIn);

        assertEquals(200, alice.post("/app/reauthenticate", Map.of()).statusCode());
        String renewed = alice.cookies().get(SID);

        assertNotEquals(signedIn, renewed, "re-authentication issues a new token");
        Browser old = new Browser(base);
        old.cookies().put(SID, signedIn);
        assertEquals(401, current(old).statusCode(), "and ends the one before");
        assertEquals(200, current(alice).statusCode());
    }

    // ---- V7.3 Session timeout ---------------------------------------------------------------------------------

    @Test
    void v7_3_1_anIdleSessionEndsAfterTheInactivityTimeout() throws Exception {
        URI base = start(s -> s.idleTimeout(Duration.ofMinutes(15)));
        Browser alice = signedIn(base, "alice", "user");
        clock.advance(Duration.ofMinutes(14));
        assertEquals(200, current(alice).statusCode());
        clock.advance(Duration.ofMinutes(17));

        assertEquals(401, current(alice).statusCode(), "16 minutes after the last request (touch-interval 1 min)");
    }

    @Test
    void v7_3_2_aSessionEndsAtItsAbsoluteLifetimeHoweverActive() throws Exception {
        URI base = start(s -> s.absoluteTimeout(Duration.ofHours(12)));
        Browser alice = signedIn(base, "alice", "user");
        for (int i = 0; i < 35; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertEquals(200, current(alice).statusCode(), "used every 20 minutes");
        }
        clock.advance(Duration.ofMinutes(20));

        assertEquals(401, current(alice).statusCode(), "12 hours after sign-in");
    }

    // ---- V7.4 Session termination -----------------------------------------------------------------------------

    @Test
    void v7_4_1_logoutAndExpiryEndTheSessionAndTheBackButtonCannotResumeIt() throws Exception {
        URI base = start(UnaryOperator.identity());
        Browser alice = signedIn(base, "alice", "user");
        String token = alice.cookies().get(SID);
        assertEquals(204, alice.post("/logout", Map.of()).statusCode());
        Browser back = new Browser(base);
        back.cookies().put(SID, token);

        HttpResponse<String> page = back.get("/app/x", "Accept", "text/html");

        assertEquals(302, page.statusCode(), "to the sign-in page, not the old page");
        assertTrue(page.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertEquals(401, current(back).statusCode());
        Browser expired = signedIn(base, "alice", "user");
        clock.advance(Duration.ofHours(25));
        assertEquals(401, current(expired).statusCode());
    }

    @Test
    void v7_4_2_disablingAnAccountEndsAllItsSessionsInOneCall() throws Exception {
        URI base = start(UnaryOperator.identity());
        List<Browser> alices = List.of(signedIn(base, "alice", "user"), signedIn(base, "alice", "user"),
                signedIn(base, "alice", "user"));
        Browser rememberedLaptop = new Browser(base);
        assertEquals(200, rememberedLaptop.post("/login", Map.of("username", "alice", "remember", "on"))
                .statusCode());
        String rememberCookie = rememberedLaptop.cookies().get("__Host-remember");
        Browser bob = signedIn(base, "bob", "user");

        // What README shows an app calling when it disables or deletes an account.
        int ended = sessionkit.signOutEverywhere("alice", EndReason.REVOKED_BY_ADMIN);

        assertEquals(4, ended);
        for (Browser alice : alices) {
            assertEquals(401, current(alice).statusCode());
        }
        Browser comesBack = new Browser(base);
        comesBack.cookies().put("__Host-remember", rememberCookie);
        assertEquals(401, current(comesBack).statusCode(), "a remembered device does not sign the account back in");
        assertEquals(200, current(bob).statusCode());
    }

    @Test
    void v7_4_3_afterAPasswordChangeTheOtherSessionsCanBeEnded() throws Exception {
        URI base = start(UnaryOperator.identity());
        Browser here = signedIn(base, "alice", "user");
        Browser phone = signedIn(base, "alice", "user");
        Browser bob = signedIn(base, "bob", "user");

        HttpResponse<String> changed = here.post("/app/end-others", Map.of());

        assertEquals("1", changed.body());
        assertEquals(401, current(phone).statusCode());
        assertEquals(200, current(here).statusCode(), "this browser goes on, with a new token");
        assertEquals(200, current(bob).statusCode());
    }

    @Test
    void v7_4_5_administratorsEndOneUsersOrEveryonesSessions() throws Exception {
        URI base = start(UnaryOperator.identity());
        Browser admin = signedIn(base, "root", "sessionkit-admin");
        Browser bob = signedIn(base, "bob", "user");
        List<Browser> others = List.of(signedIn(base, "alice", "user"), signedIn(base, "carol", "user"),
                signedIn(base, "root", "sessionkit-admin"));

        assertEquals(1, JSON.readTree(delete(admin, "/api/admin/users/bob/sessions").body()).get("ended").asInt());
        assertEquals(401, current(bob).statusCode());
        assertEquals(400, delete(admin, "/api/admin/sessions").statusCode(), "everyone only with scope=all");
        HttpResponse<String> everyone = delete(admin, "/api/admin/sessions?scope=all");

        assertEquals(3, JSON.readTree(everyone.body()).get("ended").asInt(), everyone.body());
        for (Browser other : others) {
            assertEquals(401, current(other).statusCode());
        }
        assertEquals(200, current(admin).statusCode(), "the administrator's own session goes on");
        assertEquals(403, delete(signedIn(base, "dave", "user"), "/api/admin/sessions?scope=all").statusCode());
    }

    // ---- V7.5 Defences against session abuse ------------------------------------------------------------------

    @Test
    void v7_5_1_accountChangesCanRequireAFreshPassword() throws Exception {
        URI base = start(UnaryOperator.identity());
        Browser alice = signedIn(base, "alice", "user");
        assertEquals("done", alice.get("/app/sensitive").body(), "fresh sign-in: allowed");
        clock.advance(Duration.ofMinutes(6));

        HttpResponse<String> refused = alice.get("/app/sensitive", "Accept", "application/json");
        assertEquals(403, refused.statusCode());
        assertTrue(JSON.readTree(refused.body()).get("type").asText().endsWith("reauthentication-required"));
        assertEquals(200, alice.post("/app/reauthenticate", Map.of()).statusCode());

        assertEquals("done", alice.get("/app/sensitive").body(), "after the password again: allowed");
    }

    @Test
    void v7_5_2_usersSeeTheirSessionsAndEndThemHavingReenteredTheirPassword() throws Exception {
        URI base = start(UnaryOperator.identity());
        Browser laptop = signedIn(base, "alice", "user");
        Browser phone = signedIn(base, "alice", "user");
        signedIn(base, "bob", "user");
        JsonNode list = JSON.readTree(laptop.get("/api/sessions", "Accept", "application/json").body());
        assertEquals(2, list.size(), "alice's own two, with devices and times");
        clock.advance(Duration.ofMinutes(16));

        HttpResponse<String> refused = delete(laptop, "/api/sessions?scope=others");
        assertEquals(403, refused.statusCode());
        assertEquals(200, current(phone).statusCode(), "nothing ended without the password");
        assertEquals(200, laptop.post("/app/reauthenticate", Map.of()).statusCode());
        assertEquals(1, JSON.readTree(delete(laptop, "/api/sessions?scope=others").body()).get("ended").asInt());

        assertEquals(401, current(phone).statusCode());
    }

    @Test
    void v7_5_3_sensitiveOperationsRefuseARememberedDeviceUntilThePasswordIsEntered() throws Exception {
        URI base = start(UnaryOperator.identity());
        Browser remembered = new Browser(base);
        assertEquals(200, remembered.post("/login", Map.of("username", "root", "roles", "sessionkit-admin",
                "method", "remember-me")).statusCode());
        signedIn(base, "bob", "user");

        assertEquals(403, remembered.get("/app/sensitive", "Accept", "application/json").statusCode(),
                "a session no credential started is never recent");
        assertEquals(403, delete(remembered, "/api/admin/users/bob/sessions").statusCode());
        assertEquals(200, remembered.post("/app/reauthenticate", Map.of()).statusCode());
        assertEquals(200, delete(remembered, "/api/admin/users/bob/sessions").statusCode());
    }

    // ---- V7.6 Federated re-authentication (V7.6.1 does not apply: no federation) -------------------------------

    @Test
    void v7_6_2_noSessionIsCreatedWithoutAnExplicitSignIn() throws Exception {
        URI base = start(UnaryOperator.identity());
        Browser visitor = new Browser(base);
        for (String path : List.of("/app/x", "/api/sessions", "/api/sessions/current", "/api/openapi.json",
                "/public/login", "/api/admin/stats")) {
            HttpResponse<String> response = visitor.get(path, "Accept", "application/json");
            assertTrue(response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(SID + "=")
                    && !c.startsWith(SID + "=;")), path + " set a session cookie");
        }

        assertEquals(0, sessionkit.queries().search(SessionSearch.all(), PageRequest.first(10)).total(),
                "nothing but the app's own sign-in call creates a session");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private URI start(UnaryOperator<SessionkitSettingsBuilder> settings) throws Exception {
        sessionkit = Sessionkit.builder(settings.apply(SessionkitSettings.builder()
                .jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").schema(SchemaMode.CREATE))
                .build()).clock(clock).build();
        running.add(sessionkit);
        ApiServer server = new ApiServer();
        running.add(server);
        return server.start(sessionkit, WebSettings.builder().excludePaths(List.of("/login", "/public/*"))
                .loginPath("/public/login").build());
    }

    private static Browser signedIn(URI base, String user, String roles) {
        Browser browser = new Browser(base);
        browser.login(user, roles);
        return browser;
    }

    private static HttpResponse<String> current(Browser browser) {
        return browser.get("/api/sessions/current", "Accept", "application/json");
    }

    private static HttpResponse<String> delete(Browser browser, String path) {
        return browser.send(HttpRequest.newBuilder(browser.base().resolve(path)).DELETE(),
                "Accept", "application/json", SCRIPT[0], SCRIPT[1]);
    }
}
