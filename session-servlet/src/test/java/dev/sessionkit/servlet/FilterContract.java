package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.IpRange;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.config.SessionkitSettingsBuilder;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.servlet.testing.RawHttp;
import dev.sessionkit.servlet.testing.TestApp;
import dev.sessionkit.servlet.testing.TestContainer;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The filter's behaviour over real HTTP, the same on every container: subclasses name the container.
 * Each test deploys the {@link TestApp} on a fresh H2 database with a clock the test moves by hand.
 */
abstract class FilterContract {

    private static final String SID = "__Host-sid";

    protected final MutableClock clock = MutableClock.atT0();
    private final String jdbcUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private TestContainer container;
    private Sessionkit sessionkit;

    protected abstract TestContainer newContainer();

    protected SessionkitSettingsBuilder settings() {
        return SessionkitSettings.builder().jdbcUrl(jdbcUrl).schema(SchemaMode.CREATE);
    }

    protected WebSettingsBuilder web() {
        return WebSettings.builder().excludePaths(List.of("/public/*", "/login"));
    }

    protected URI start(SessionkitSettingsBuilder settings) throws Exception {
        return start(settings, web());
    }

    protected URI start(WebSettingsBuilder web) throws Exception {
        return start(settings(), web);
    }

    protected URI start(SessionkitSettingsBuilder settings, WebSettingsBuilder web) throws Exception {
        sessionkit = Sessionkit.builder(settings.build()).clock(clock)
                .listener(new dev.sessionkit.service.SessionListener() {
                    @Override
                    public void created(SessionRecord session, boolean newDevice) {
                        sessionkitListener.created(session, newDevice);
                    }
                }).build();
        container = newContainer();
        return container.start(new TestApp.FilterSetup.Instance(new SessionFilter(sessionkit, web.build())));
    }

    protected URI start() throws Exception {
        return start(settings());
    }

    protected URI startDeclared(Map<String, String> initParams) throws Exception {
        container = newContainer();
        return container.start(new TestApp.FilterSetup.Declared(initParams));
    }

    protected Sessionkit sessionkit() {
        return sessionkit;
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

    // ---- public paths (mixed apps) ----------------------------------------------------------------------------

    @Test
    void publicPathWhenNoSessionThenAnonymousAndWhenSignedInThenTheUserIsKnown() throws Exception {
        URI base = start(web().publicPaths(List.of("/app/shop/*")));
        Browser visitor = new Browser(base);

        HttpResponse<String> anonymous = visitor.get("/app/shop/cart", "Accept", "application/json");
        HttpResponse<String> protectedPage = visitor.get("/app/account", "Accept", "application/json");
        Browser alice = new Browser(base);
        alice.login("alice", "admin");
        HttpResponse<String> known = alice.get("/app/shop/cart");

        assertEquals(200, anonymous.statusCode(), "a public page without a session");
        assertTrue(anonymous.body().contains("user=null") && anonymous.body().contains("session=null"),
                anonymous.body());
        assertTrue(anonymous.headers().allValues("Set-Cookie").isEmpty(), "no session is started for a visitor");
        assertEquals(401, protectedPage.statusCode(), "other paths stay protected");
        assertTrue(known.body().contains("user=alice") && known.body().contains("admin=true"), known.body());
    }

    @Test
    void publicPathWhenTheSessionEndedThenAnonymousWithTheStaleCookieCleared() throws Exception {
        URI base = start(web().publicPaths(List.of("/*")));
        Browser alice = new Browser(base);
        alice.login("alice", "user");
        String token = alice.cookies().get(SID);
        assertEquals(204, alice.post("/logout", Map.of()).statusCode());
        Browser stale = new Browser(base);
        stale.cookies().put(SID, token);

        HttpResponse<String> page = stale.get("/app/anything", "Accept", "application/json");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("user=null"), page.body());
        assertTrue(page.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(SID + "=;")),
                "the ended session's cookie is dropped");
    }

    // ---- cookies and the happy path -------------------------------------------------------------------------

    @Test
    void loginSetsAHardenedSessionCookieAndALongLivedBrowserId() throws Exception {
        Browser browser = new Browser(start());

        HttpResponse<String> login = browser.post("/login", Map.of("username", "alice", "roles", "user"));

        assertEquals(200, login.statusCode());
        String sid = cookieHeader(login, SID);
        assertTrue(sid.matches("__Host-sid=[A-Za-z0-9_-]{43}; Path=/; Secure; HttpOnly; SameSite=Lax"), sid);
        String bid = cookieHeader(login, "__Host-bid");
        assertTrue(bid.matches("__Host-bid=[A-Za-z0-9_-]{43}; Max-Age=34560000; Path=/; Secure; HttpOnly; SameSite=Lax"),
                bid);
        assertTrue(login.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }

    @Test
    void cookieAttributesFollowTheSettings() throws Exception {
        Browser browser = new Browser(start(web().cookieSecure(false).cookieName("app_session")
                .cookieSameSite(SameSite.STRICT)));

        HttpResponse<String> login = browser.post("/login", Map.of("username", "alice", "roles", ""));

        assertTrue(cookieHeader(login, "app_session")
                .matches("app_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict"));
        assertEquals(200, browser.get("/app/x").statusCode());
    }

    @Test
    void validSessionReachesTheAppWithItsPrincipalAndRoles() throws Exception {
        Browser browser = new Browser(start());
        String sessionId = browser.login("alice", "user,admin");

        HttpResponse<String> page = browser.get("/app/whoami");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("user=alice"), page.body());
        assertTrue(page.body().contains("principal=alice"));
        assertTrue(page.body().contains("admin=true"));
        assertTrue(page.body().contains("authType=SESSIONKIT"));
        assertTrue(page.body().contains("session=" + sessionId));
    }

    @Test
    void rolesComeOnlyFromTheSession() throws Exception {
        Browser browser = new Browser(start());
        browser.login("bob", "user");
        assertTrue(browser.get("/app/whoami").body().contains("admin=false"));
    }

    // ---- no or bad session ------------------------------------------------------------------------------------

    @Test
    void withoutASessionApiCallsGet401ProblemJson() throws Exception {
        Browser browser = new Browser(start());

        HttpResponse<String> json = browser.get("/app/data", "Accept", "application/json");
        HttpResponse<String> post = browser.post("/app/data", Map.of());

        for (HttpResponse<String> response : List.of(json, post)) {
            assertEquals(401, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("")
                    .split(";")[0]);
            assertTrue(response.body().contains("\"status\":401"), response.body());
            assertFalse(response.body().contains("Exception"));
        }
    }

    @Test
    void withoutASessionBrowsersAreRedirectedToTheLoginPageWhenOneIsSet() throws Exception {
        Browser browser = new Browser(start(web().loginPath("/public/login")));

        HttpResponse<String> page = browser.get("/app/home", "Accept", "text/html,application/xhtml+xml");

        assertEquals(302, page.statusCode());
        assertEquals("/public/login", page.headers().firstValue("Location").orElseThrow());
        assertEquals(401, browser.get("/app/home", "Accept", "application/json").statusCode());
        assertEquals(200, browser.get("/public/login").statusCode());
    }

    @Test
    void withoutALoginPageBrowsersGet401() throws Exception {
        assertEquals(401, new Browser(start()).get("/app/home", "Accept", "text/html").statusCode());
    }

    @Test
    void excludedPathsNeedNoSessionButNothingElseSlipsThrough() throws Exception {
        URI base = start();
        Browser browser = new Browser(base);

        assertEquals(200, browser.get("/public/anything").statusCode());
        assertEquals(401, browser.get("/app/anything").statusCode());
        assertEquals(401, browser.get("/publicity").statusCode());
        HttpResponse<String> traversal = browser.get("/public/%2e%2e/app/secret");
        assertFalse(traversal.statusCode() == 200 && traversal.body().contains("user="),
                "an encoded traversal must not reach the app unauthenticated");
    }

    @Test
    void malformedCookiesGet401AndAreCleared() throws Exception {
        URI base = start();
        for (String value : List.of("garbage", "x".repeat(43), "x".repeat(4000), "\"quoted\"", "a=b=c")) {
            Browser browser = new Browser(base);
            browser.cookies().put(SID, value);

            HttpResponse<String> response = browser.get("/app/x", "Accept", "application/json");

            assertEquals(401, response.statusCode(), value);
            assertTrue(response.headers().allValues("Set-Cookie").stream()
                    .anyMatch(c -> c.startsWith(SID + "=;") && c.contains("Max-Age=0")), value);
        }
    }

    @Test
    void aDuplicatedSessionCookieIsRefusedEvenWhenOneIsValid() throws Exception {
        URI base = start();
        Browser browser = new Browser(base);
        browser.login("alice", "user");
        String token = browser.cookies().get(SID);
        Browser attacker = new Browser(base);

        HttpResponse<String> response = attacker.get("/app/x", "Accept", "application/json",
                "Cookie", SID + "=" + "A".repeat(43) + "; " + SID + "=" + token);

        assertEquals(401, response.statusCode());
    }

    @Test
    void nonAsciiAndOversizeCookiesNeverGiveA500() throws Exception {
        URI base = start();
        assertEquals(401, RawHttp.get(base, "/app/x", SID + "=t\u00f6k\u00e9n\u00e9" + "a".repeat(36)));
        assertEquals(401, RawHttp.get(base, "/app/x", SID + "=\u00ff\u00fe"));
        int huge = RawHttp.get(base, "/app/x", SID + "=" + "a".repeat(20_000));
        assertTrue(huge == 431 || huge == 400 || huge == 413 || huge == -1,
                "an oversize header is refused by the container, never served: " + huge);
    }

    @Test
    void aTokenInTheUrlOrAHeaderIsIgnored() throws Exception {
        URI base = start();
        Browser owner = new Browser(base);
        owner.login("alice", "user");
        String token = owner.cookies().get(SID);
        Browser other = new Browser(base);

        assertEquals(401, other.get("/app/x?sid=" + token + "&" + SID + "=" + token, "Accept", "application/json")
                .statusCode());
        assertEquals(401, other.get("/app/x", "Accept", "application/json", "Authorization", "Bearer " + token,
                "X-Session", token).statusCode());
    }

    // ---- expiry and ending ------------------------------------------------------------------------------------

    @Test
    void idleSessionEndsAfterTheIdleTimeoutAndItsCookieIsCleared() throws Exception {
        Browser browser = new Browser(start());
        String id = browser.login("alice", "user");
        clock.advance(Duration.ofMinutes(20));
        assertEquals(200, browser.get("/app/x").statusCode());

        clock.advance(Duration.ofMinutes(32));
        HttpResponse<String> expired = browser.get("/app/x", "Accept", "application/json");

        assertEquals(401, expired.statusCode());
        assertFalse(browser.cookies().containsKey(SID), "the cookie is cleared");
        assertEquals(EndReason.EXPIRED_IDLE, reason(id));
    }

    @Test
    void activeSessionStillEndsAtTheAbsoluteTimeout() throws Exception {
        Browser browser = new Browser(start(settings().absoluteTimeout(Duration.ofHours(2))));
        String id = browser.login("alice", "user");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertEquals(200, browser.get("/app/x").statusCode());
        }
        clock.advance(Duration.ofMinutes(20));

        assertEquals(401, browser.get("/app/x", "Accept", "application/json").statusCode());
        assertEquals(EndReason.EXPIRED_ABSOLUTE, reason(id));
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() throws Exception {
        URI base = start();
        Browser browser = new Browser(base);
        String id = browser.login("alice", "user");
        String token = browser.cookies().get(SID);

        assertEquals(204, browser.post("/logout", Map.of()).statusCode());

        assertFalse(browser.cookies().containsKey(SID));
        Browser replay = new Browser(base);
        replay.cookies().put(SID, token);
        assertEquals(401, replay.get("/app/x", "Accept", "application/json").statusCode());
        assertEquals(EndReason.LOGOUT, reason(id));
    }

    @Test
    void aSessionEndedElsewhereGets401AndAClearedCookie() throws Exception {
        Browser browser = new Browser(start());
        String id = browser.login("alice", "user");

        sessionkit().service().end(new SessionId(id), EndReason.REVOKED_BY_ADMIN);
        HttpResponse<String> after = browser.get("/app/x", "Accept", "application/json");

        assertEquals(401, after.statusCode());
        assertTrue(after.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.contains("Max-Age=0")));
    }

    @Test
    void loggingInAgainReplacesTheBrowsersOldSession() throws Exception {
        Browser browser = new Browser(start());
        String first = browser.login("alice", "user");
        String firstToken = browser.cookies().get(SID);

        String second = browser.login("alice", "user");

        assertNotEquals(first, second);
        assertNotEquals(firstToken, browser.cookies().get(SID), "a new token on every login");
        assertEquals(EndReason.LOGOUT, reason(first));
    }

    @Test
    void newDeviceIsFlaggedOnlyForTheFirstLoginFromABrowser() throws Exception {
        List<Boolean> newDevice = new ArrayList<>();
        sessionkitListener = (session, isNew) -> newDevice.add(isNew);
        Browser browser = new Browser(start());
        browser.login("alice", "user");
        browser.login("alice", "user");
        new Browser(browser.base()).login("alice", "user");
        assertEquals(List.of(true, false, true), newDevice);
    }

    @Test
    void rotateGivesANewTokenAndTheOldOneStopsWorking() throws Exception {
        URI base = start();
        Browser browser = new Browser(base);
        String oldId = browser.login("alice", "user");
        String oldToken = browser.cookies().get(SID);

        HttpResponse<String> rotated = browser.post("/app/rotate", Map.of());

        assertEquals(200, rotated.statusCode());
        assertNotEquals(oldId, rotated.body());
        assertNotEquals(oldToken, browser.cookies().get(SID));
        assertTrue(browser.get("/app/x").body().contains("session=" + rotated.body()));
        Browser replay = new Browser(base);
        replay.cookies().put(SID, oldToken);
        assertEquals(401, replay.get("/app/x", "Accept", "application/json").statusCode());
        assertEquals(EndReason.ROTATED, reason(oldId));
    }

    @Test
    void endOthersAfterAPasswordChangeSignsOutOtherDevicesAndKeepsThisOne() throws Exception {
        URI base = start();
        Browser laptop = new Browser(base);
        laptop.login("alice", "user");
        Browser phone = new Browser(base);
        String phoneSession = phone.login("alice", "user");
        Browser bobs = new Browser(base);
        bobs.login("bob", "user");

        HttpResponse<String> ended = laptop.post("/app/end-others", Map.of());

        assertEquals("1", ended.body());
        assertEquals(200, laptop.get("/app/x").statusCode());
        assertEquals(401, phone.get("/app/x", "Accept", "application/json").statusCode());
        assertEquals(EndReason.PASSWORD_CHANGED, reason(phoneSession));
        assertEquals(200, bobs.get("/app/x").statusCode(), "other users are untouched");
    }

    @Test
    void theCleanupSchedulerEndsExpiredSessionsInTheBackground() throws Exception {
        Browser browser = new Browser(start(settings().cleanupInterval(Duration.ofMillis(200))));
        String id = browser.login("alice", "user");
        clock.advance(Duration.ofHours(1));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sessionkit().store().findById(new SessionId(id)).orElseThrow().isActive()
                && System.nanoTime() < deadline) {
            Thread.sleep(20); // waiting for the scheduler's next tick; expiry itself comes from the clock
        }

        assertEquals(EndReason.EXPIRED_IDLE, reason(id), "no request came: the scheduler ended it");
    }

    // ---- client address -----------------------------------------------------------------------------------

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerIsIgnored() throws Exception {
        Browser browser = new Browser(start());
        browser.post("/login", Map.of("username", "alice", "roles", ""), "X-Forwarded-For", "203.0.113.99");
        assertTrue(browser.get("/app/x").body().contains("ip=127.0.0.1"));
    }

    @Test
    void aTrustedProxysForwardedForGivesTheRightmostUntrustedAddress() throws Exception {
        Browser browser = new Browser(start(web().trustedProxies(
                List.of(IpRange.parse("127.0.0.1/32"), IpRange.parse("10.0.0.0/8")))));
        browser.post("/login", Map.of("username", "alice", "roles", ""),
                "X-Forwarded-For", "198.51.100.1, 203.0.113.99, 10.1.2.3");
        assertTrue(browser.get("/app/x").body().contains("ip=203.0.113.99"));
    }

    // ---- failures -------------------------------------------------------------------------------------------

    @Test
    void whenTheDatabaseIsDownRequestsGet503NeverThrough() throws Exception {
        Browser browser = new Browser(start());
        browser.login("alice", "user");
        try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", ""); Statement s = c.createStatement()) {
            s.execute("DROP ALL OBJECTS");
        }
        // Within revocation-latency the session may still be served from the validation cache; after it, the
        // store must be asked, and it cannot answer.
        clock.advance(Duration.ofSeconds(2));

        HttpResponse<String> response = browser.get("/app/x", "Accept", "application/json");

        assertEquals(503, response.statusCode());
        assertTrue(response.body().contains("\"status\":503"));
        assertFalse(response.body().contains("user="));
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Test
    void onceLogoutHasReturnedNoFurtherRequestPasses() throws Exception {
        URI base = start(settings().touchInterval(Duration.ZERO));
        Browser browser = new Browser(base);
        browser.login("alice", "user");
        String token = browser.cookies().get(SID);
        AtomicLong logoutReturnedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> passedAfterLogout = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            workers.add(pool.submit(() -> {
                Browser same = new Browser(base);
                same.cookies().put(SID, token);
                int sent = 0;
                while (!stop.get() && sent < 400) {
                    long startedAt = System.nanoTime();
                    int status = same.get("/app/x", "Accept", "application/json").statusCode();
                    same.cookies().put(SID, token);
                    sent++;
                    if (status == 200 && startedAt > logoutReturnedAt.get()) {
                        passedAfterLogout.add(new long[] {startedAt});
                    }
                }
                return sent;
            }));
        }
        Thread.sleep(200); // let the request storm get going before signing out in the middle of it
        assertEquals(204, browser.post("/logout", Map.of()).statusCode());
        logoutReturnedAt.set(System.nanoTime());
        Thread.sleep(300);
        stop.set(true);
        int total = 0;
        for (Future<Integer> worker : workers) {
            total += worker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdownNow();

        assertTrue(total > 8, "requests were sent: " + total);
        assertEquals(0, passedAfterLogout.size(), "requests accepted after logout returned");
    }

    // ---- declaration and lifecycle ------------------------------------------------------------------------

    @Test
    void aWebXmlStyleDeclarationWithInitParamsWorks() throws Exception {
        Browser browser = new Browser(startDeclared(Map.of("jdbc-url", jdbcUrl, "schema", "create",
                "exclude-paths", "/public/*,/login", "cookie-secure", "false")));
        browser.login("alice", "user");
        assertTrue(browser.get("/app/x").body().contains("user=alice"));
    }

    @Test
    void aBadInitParamFailsTheDeployment() {
        assertThrows(Exception.class, () -> startDeclared(Map.of("jdbc-url", jdbcUrl, "idle-timeout", "soon")));
    }

    @Test
    void missingTablesFailTheDeployment() {
        assertThrows(Exception.class, () -> startDeclared(Map.of("jdbc-url", jdbcUrl, "schema", "validate")));
    }

    @Test
    void stoppingTheContainerLeavesNoCleanupThread() throws Exception {
        startDeclared(Map.of("jdbc-url", jdbcUrl, "schema", "create"));
        assertTrue(cleanupThreads() > 0, "the cleanup scheduler runs while deployed");
        container.close();
        container = null;
        assertEquals(0, cleanupThreads());
    }

    private static long cleanupThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("sessionkit-cleanup") && t.isAlive()).count();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private SessionListenerHook sessionkitListener = (session, isNew) -> { };

    /** Lets a test hear logins through the Sessionkit built in {@link #start}. */
    @FunctionalInterface
    interface SessionListenerHook {
        void created(SessionRecord session, boolean newDevice);
    }

    private EndReason reason(String id) {
        return sessionkit.store().findById(new SessionId(id)).orElseThrow().ending().orElseThrow().reason();
    }

    private static String cookieHeader(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in "
                        + response.headers().allValues("Set-Cookie")));
    }
}
