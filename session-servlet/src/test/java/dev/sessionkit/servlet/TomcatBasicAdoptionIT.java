package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.servlet.testing.AdoptingSessionkit;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.servlet.testing.TestApp;
import dev.sessionkit.servlet.testing.TomcatContainer;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.catalina.authenticator.BasicAuthenticator;
import org.apache.tomcat.util.descriptor.web.LoginConfig;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code adopt-container-login} with Tomcat's own BASIC authentication: {@code /app/*} is a security constraint
 * for role "user" checked by Tomcat against its realm, and the filter (behind the authenticator valve) turns the
 * container's login into a Sessionkit session that can be listed and ended.
 */
class TomcatBasicAdoptionIT {

    private static final String SID = "__Host-sid";
    private static final String REALM = "sessionkit-it";

    private final MutableClock clock = MutableClock.atT0();
    private Sessionkit sessionkit;
    private TomcatContainer container;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        sessionkit = AdoptingSessionkit.start(clock);
        container = new TomcatContainer((tomcat, context) -> {
            tomcat.addUser("alice", "secret");
            tomcat.addRole("alice", "user");
            tomcat.addUser("carol", "secret-c");
            tomcat.addRole("carol", "user");
            tomcat.addRole("carol", "admin");
            tomcat.addUser("mallory", "secret-m"); // a valid login without the role /app/* needs

            SecurityCollection app = new SecurityCollection();
            app.addPattern("/app/*");
            SecurityConstraint constraint = new SecurityConstraint();
            constraint.addCollection(app);
            constraint.addAuthRole("user");
            context.addConstraint(constraint);
            context.addSecurityRole("user");
            context.addSecurityRole("admin");
            LoginConfig login = new LoginConfig();
            login.setAuthMethod("BASIC");
            login.setRealmName(REALM);
            context.setLoginConfig(login);
            context.getPipeline().addValve(new BasicAuthenticator());
            AdoptionServlets.addTo(context);
        });
        base = container.start(new TestApp.FilterSetup.Instance(new SessionFilter(sessionkit, AdoptingSessionkit.web())));
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

    @Test
    void theTomcatTheBuildChoseIsTheOneRunning() {
        TomcatContainer.assertExpectedTomcat();
    }

    @Test
    void aFirstBasicLoginReachesTheAppAndBecomesAListedSession() {
        Browser browser = new Browser(base);

        HttpResponse<String> page = browser.get("/app/whoami", "Authorization", basic("alice", "secret"));

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("user=alice"), page.body());
        assertTrue(page.body().contains("principal=alice"), page.body());
        assertTrue(page.body().contains("authType=BASIC"), page.body());
        assertTrue(cookie(page, SID).matches(SID + "=[A-Za-z0-9_-]{43}; Path=/; Secure; HttpOnly; SameSite=Lax"));
        List<SessionRecord> active = active("alice");
        assertEquals(1, active.size());
        assertTrue(page.body().contains("session=" + active.get(0).id().value()), page.body());
        assertEquals("127.0.0.1", active.get(0).ipAddress());
    }

    @Test
    void rolesAreTheContainers() {
        // The adopted Sessionkit session carries no roles: "admin" can only come from Tomcat's realm.
        assertTrue(new Browser(base).get("/app/x", "Authorization", basic("carol", "secret-c")).body()
                .contains("admin=true"));
        assertTrue(new Browser(base).get("/app/x", "Authorization", basic("alice", "secret")).body()
                .contains("admin=false"));
        assertTrue(active("carol").get(0).principal().roles().isEmpty());
    }

    @Test
    void laterRequestsWithTheCookieReuseTheSameSession() {
        Browser browser = new Browser(base);
        browser.get("/app/x", "Authorization", basic("alice", "secret"));
        String id = active("alice").get(0).id().value();
        String token = browser.cookies().get(SID);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> page = browser.get("/app/x", "Authorization", basic("alice", "secret"));
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("session=" + id), page.body());
            assertTrue(page.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(SID + "=")),
                    "no new session cookie");
        }

        assertEquals(token, browser.cookies().get(SID));
        assertEquals(List.of(id), active("alice").stream().map(s -> s.id().value()).toList());
    }

    @Test
    void anEndedSessionGets401AndItsCookieCleared() {
        Browser browser = new Browser(base);
        browser.get("/app/x", "Authorization", basic("alice", "secret"));
        SessionId id = active("alice").get(0).id();

        sessionkit.service().end(id, EndReason.REVOKED_BY_ADMIN);
        HttpResponse<String> after = browser.get("/app/x", "Accept", "application/json",
                "Authorization", basic("alice", "secret"));

        assertEquals(401, after.statusCode());
        assertFalse(after.body().contains("user="), after.body());
        assertTrue(after.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(SID + "=;") && c.contains("Max-Age=0")));
        assertFalse(browser.cookies().containsKey(SID));
        assertEquals(EndReason.REVOKED_BY_ADMIN, reason(id));
        assertEquals(List.of(), active("alice"));

        // BASIC credentials are sent with every request: once the cookie is gone they sign in again, as a new
        // session (ending a session does not revoke the password).
        HttpResponse<String> again = browser.get("/app/x", "Authorization", basic("alice", "secret"));
        assertEquals(200, again.statusCode());
        assertEquals(1, active("alice").size());
        assertNotEquals(id, active("alice").get(0).id());
    }

    @Test
    void withoutValidCredentialsTomcatChallengesAndTheAppIsNeverReached() {
        Browser browser = new Browser(base);
        List<HttpResponse<String>> refused = List.of(
                browser.get("/app/x"),
                browser.get("/app/x", "Accept", "application/json"),
                browser.get("/app/x", "Authorization", basic("alice", "wrong")),
                browser.get("/app/x", "Authorization", basic("nobody", "secret")),
                browser.post("/app/x", java.util.Map.of("a", "b")));

        for (HttpResponse<String> response : refused) {
            assertEquals(401, response.statusCode());
            assertEquals("Basic realm=\"" + REALM + "\"",
                    response.headers().firstValue("WWW-Authenticate").orElse("").split(",")[0].strip());
            assertFalse(response.body().contains("user="), response.body());
            assertTrue(response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(SID + "=")));
        }
        assertEquals(List.of(), active("alice"));
        assertEquals(List.of(), active("nobody"));
    }

    @Test
    void aCookieAloneDoesNotPassTheContainersConstraint() {
        Browser browser = new Browser(base);
        browser.get("/app/x", "Authorization", basic("alice", "secret"));
        assertTrue(browser.cookies().containsKey(SID));

        HttpResponse<String> cookieOnly = browser.get("/app/x");

        assertEquals(401, cookieOnly.statusCode());
        assertTrue(cookieOnly.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertFalse(cookieOnly.body().contains("user="));
    }

    @Test
    void aUserWithoutTheRequiredRoleIsRefusedByTomcatAndGetsNoSession() {
        HttpResponse<String> response = new Browser(base).get("/app/x", "Authorization",
                basic("mallory", "secret-m"));

        assertEquals(403, response.statusCode());
        assertFalse(response.body().contains("user="));
        assertEquals(List.of(), active("mallory"));
    }

    @Test
    void anotherUsersCredentialsEndTheSessionOfTheCookieAndGetTheirOwnOnTheFirstPage() { // issue 11
        Browser browser = new Browser(base);
        browser.get("/app/x", "Authorization", basic("alice", "secret"));
        SessionId alices = active("alice").get(0).id();
        String alicesToken = browser.cookies().get(SID);

        HttpResponse<String> response = browser.get("/app/x", "Accept", "application/json",
                "Authorization", basic("carol", "secret-c"));

        // Carol never takes over alice's session, and is not refused either: her login is a new one.
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("user=carol"), response.body());
        assertEquals(EndReason.LOGOUT, reason(alices));
        List<SessionRecord> carols = active("carol");
        assertEquals(1, carols.size());
        assertTrue(response.body().contains("session=" + carols.get(0).id().value()), response.body());
        assertNotEquals(alicesToken, browser.cookies().get(SID), "a new token for carol's login");
        assertEquals(List.of(), active("alice"));
    }

    @Test
    void aClientThatNeverReturnsTheCookieKeepsOneSession() { // issue 11
        String id = null;
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> page = new Browser(base).get("/app/x", "Authorization", basic("alice", "secret"));
            assertEquals(200, page.statusCode());
            id = id != null ? id : active("alice").get(0).id().value();
            assertTrue(page.body().contains("session=" + id), page.body());
        }
        assertEquals(List.of(id), active("alice").stream().map(s -> s.id().value()).toList());

        // Revoked, its next request is refused; the password, sent again after that, is a new login.
        sessionkit.service().end(new SessionId(id), EndReason.REVOKED_BY_ADMIN);
        assertEquals(401, new Browser(base).get("/app/x", "Accept", "application/json",
                "Authorization", basic("alice", "secret")).statusCode());
        assertEquals(List.of(), active("alice"));
        assertEquals(200, new Browser(base).get("/app/x", "Authorization", basic("alice", "secret")).statusCode());
        assertNotEquals(id, active("alice").get(0).id().value());
    }

    @Test
    void anotherUserBehindACookieOfAnEndedSessionGetsTheirFirstPage() { // issue 11
        Browser browser = new Browser(base);
        browser.get("/app/x", "Authorization", basic("alice", "secret"));
        sessionkit.service().end(active("alice").get(0).id(), EndReason.REVOKED_BY_ADMIN);

        HttpResponse<String> page = browser.get("/app/x", "Authorization", basic("carol", "secret-c"));

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("user=carol"), page.body());
        assertTrue(page.body().contains("session=" + active("carol").get(0).id().value()), page.body());
    }

    @Test
    void signingOutEverywhereRefusesTheNextRequestInsteadOfAdoptingIt() { // issue 11
        Browser browser = new Browser(base);
        browser.get("/app/x", "Authorization", basic("alice", "secret"));
        SessionId id = active("alice").get(0).id();

        HttpResponse<String> ended = browser.post("/app/end-all", java.util.Map.of(),
                "Authorization", basic("alice", "secret"));
        assertEquals("1", ended.body());
        assertFalse(browser.cookies().containsKey(SID), "the cookie is cleared");

        HttpResponse<String> next = browser.get("/app/x", "Accept", "application/json",
                "Authorization", basic("alice", "secret"));
        assertEquals(401, next.statusCode(), next.body());
        assertFalse(next.body().contains("user="), next.body());
        assertEquals(List.of(), active("alice"));
        assertEquals(EndReason.REVOKED_BY_USER, reason(id));
    }

    @Test
    void excludedPathsOutsideTheConstraintNeedNeitherLoginNorSession() {
        HttpResponse<String> response = new Browser(base).get("/public/x");
        assertEquals(200, response.statusCode());
        assertEquals("public", response.body());
    }

    private List<SessionRecord> active(String userId) {
        return sessionkit.store().listActive(userId, clock.instant());
    }

    private EndReason reason(SessionId id) {
        return sessionkit.store().findById(id).orElseThrow().ending().orElseThrow().reason();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in "
                        + response.headers().allValues("Set-Cookie")));
    }
}
