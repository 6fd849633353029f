package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.servlet.testing.TestApp;
import dev.sessionkit.servlet.testing.TestContainer;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@link SessionLogin} guards beyond the filter, over real HTTP on every container (issue 11): a sign-in or
 * sign-out another site sent is refused before anything changes (login CSRF), and a password change ends every
 * other session even when this one was ended during the change.
 */
abstract class SignInGuardsContract {

    private static final String SID = "__Host-sid";
    private static final String EVIL = "https://evil.example";

    private final MutableClock clock = MutableClock.atT0();
    private TestContainer container;
    private Sessionkit sessionkit;
    private URI base;

    protected abstract TestContainer newContainer();

    private URI start(WebSettingsBuilder web) throws Exception {
        sessionkit = Sessionkit.builder(SessionkitSettings.builder()
                .jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .schema(SchemaMode.CREATE).build()).clock(clock).build();
        container = newContainer();
        base = container.start(new TestApp.FilterSetup.Instance(new SessionFilter(sessionkit, web.build())));
        return base;
    }

    private URI start() throws Exception {
        return start(web());
    }

    private static WebSettingsBuilder web() {
        return WebSettings.builder().excludePaths(List.of("/public/*", "/login"));
    }

    @AfterEach
    void stop() throws Exception {
        if (container != null) {
            container.close();
        }
        if (sessionkit != null) {
            sessionkit.close();
        }
    }

    // ---- login CSRF -----------------------------------------------------------------------------------------

    static Stream<Arguments> crossSiteHeaders() {
        return Stream.of(
                Arguments.of((Object) new String[] {"Origin", EVIL, "Sec-Fetch-Site", "cross-site"}),
                Arguments.of((Object) new String[] {"Origin", EVIL}),
                Arguments.of((Object) new String[] {"Sec-Fetch-Site", "cross-site"}),
                Arguments.of((Object) new String[] {"Sec-Fetch-Site", "same-site"}),
                Arguments.of((Object) new String[] {"Origin", "null"}));
    }

    @ParameterizedTest
    @MethodSource("crossSiteHeaders")
    void aCrossSiteSignInIsRefusedWith403AndStartsNoSession(String[] headers) throws Exception {
        Browser victim = new Browser(start());

        HttpResponse<String> login = victim.post("/login", Map.of("username", "mallory", "roles", ""), headers);

        assertEquals(403, login.statusCode(), login.body());
        assertTrue(login.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(login.body().contains("cross-site"), login.body());
        assertFalse(login.body().contains("Exception"), "no exception name reaches the client: " + login.body());
        assertEquals(List.of(), login.headers().allValues("Set-Cookie"), "no cookie at all");
        assertEquals(0, sessionsEverStartedBy("mallory"), "no session was created");
    }

    @Test
    void aSameOriginOrHeaderlessSignInIsAccepted() throws Exception {
        URI started = start();
        String own = "http://127.0.0.1:" + started.getPort();

        assertEquals(200, new Browser(started).post("/login", Map.of("username", "alice", "roles", ""),
                "Origin", own, "Sec-Fetch-Site", "same-origin").statusCode());
        assertEquals(200, new Browser(started).post("/login", Map.of("username", "alice", "roles", ""),
                "Origin", own).statusCode(), "an old browser without fetch metadata, from this site");
        assertEquals(200, new Browser(started).post("/login", Map.of("username", "alice", "roles", ""))
                .statusCode(), "a program, or a browser that sends neither header");
        assertEquals(3, sessionkit.queries().countActive("alice"));
    }

    @Test
    void withCrossSiteLoginAllowedACrossSiteSignInIsAccepted() throws Exception {
        Browser browser = new Browser(start(web().crossSiteLogin(CrossSiteLogin.ALLOW)));

        HttpResponse<String> login = browser.post("/login", Map.of("username", "alice", "roles", ""),
                "Origin", EVIL, "Sec-Fetch-Site", "cross-site");

        assertEquals(200, login.statusCode());
        assertTrue(browser.cookies().containsKey(SID));
        assertEquals(200, browser.get("/app/x").statusCode());
    }

    @Test
    void aCrossSiteSignOutIsRefusedAndTheSessionGoesOn() throws Exception {
        Browser browser = new Browser(start());
        String id = browser.login("alice", "");

        HttpResponse<String> logout = browser.post("/logout", Map.of(), "Origin", EVIL, "Sec-Fetch-Site",
                "cross-site");

        assertEquals(403, logout.statusCode());
        assertTrue(logout.headers().allValues("Set-Cookie").isEmpty(), "the cookie is not cleared");
        assertTrue(browser.cookies().containsKey(SID));
        assertEquals(200, browser.get("/app/x").statusCode(), "the session goes on");
        assertTrue(sessionkit.store().findById(new SessionId(id)).orElseThrow().isActive());

        assertEquals(204, browser.post("/logout", Map.of(), "Sec-Fetch-Site", "same-origin").statusCode());
        assertFalse(sessionkit.store().findById(new SessionId(id)).orElseThrow().isActive());
    }

    // ---- password change race -------------------------------------------------------------------------------

    @Test
    void endOthersWhenThisSessionEndedDuringThePasswordChangeStillEndsEveryOtherAndSaysSo() throws Exception {
        start();
        Browser laptop = new Browser(base);
        laptop.login("alice", "");
        Browser phone = new Browser(base);
        String phoneSession = phone.login("alice", "");
        Browser tablet = new Browser(base);
        String tabletSession = tablet.login("alice", "");
        Browser bobs = new Browser(base);
        bobs.login("bob", "");

        HttpResponse<String> changed = laptop.post("/app/end-others-after-own-end", Map.of());

        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(changed.body().contains("currentContinues=false"), "the caller is told: " + changed.body());
        assertEquals(401, phone.get("/app/x", "Accept", "application/json").statusCode(), "the phone is out");
        assertEquals(401, tablet.get("/app/x", "Accept", "application/json").statusCode(), "the tablet is out");
        assertEquals(EndReason.PASSWORD_CHANGED, reason(phoneSession));
        assertEquals(EndReason.PASSWORD_CHANGED, reason(tabletSession));
        assertEquals(0, sessionkit.queries().countActive("alice"), "nothing of alice is left active");
        assertFalse(laptop.cookies().containsKey(SID), "the ended session's cookie is cleared");
        assertEquals(200, bobs.get("/app/x").statusCode(), "other users are untouched");
    }

    private EndReason reason(String id) {
        return sessionkit.store().findById(new SessionId(id)).orElseThrow().ending().orElseThrow().reason();
    }

    private long sessionsEverStartedBy(String user) {
        return sessionkit.queries().countActive(user)
                + sessionkit.queries().history(user, PageRequest.first(10)).total();
    }
}
