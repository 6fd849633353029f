package dev.sessionkit.servlet;

import static dev.sessionkit.servlet.FormLoginApp.LOGIN_PAGE;
import static dev.sessionkit.servlet.FormLoginApp.SID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.catalina.session.ManagerBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 on Tomcat's FORM authentication: however a container login or its tracked session ends, the other
 * ends with it, and every container login gets its own new token. The link between the two is Sessionkit's own,
 * so nothing the app does to its {@code HttpSession} undoes a revocation.
 */
class TomcatFormAdoptionEndsIT {

    private FormLoginApp app;

    @BeforeEach
    void start() throws Exception {
        app = new FormLoginApp();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aContainerLogoutEndsTheTrackedSessionAtOnceAndTheNextLoginGetsANewToken() {
        Browser browser = new Browser(app.base);
        String first = app.signIn(browser);
        String firstToken = browser.cookies().get(SID);

        assertEquals(204, browser.post("/app/container-signout", Map.of()).statusCode());

        assertEquals(List.of(), app.active("alice"), "request.logout() ends the tracked session at once");
        assertEquals(EndReason.LOGOUT, app.reason(first));
        assertFalse(browser.cookies().containsKey(SID), "and clears its cookie");
        String second = app.signIn(browser);
        assertNotEquals(first, second);
        assertNotEquals(firstToken, browser.cookies().get(SID));
        app.sessionkit.service().end(new SessionId(second), EndReason.REVOKED_BY_ADMIN);
        assertSignedOut(browser);
    }

    @Test
    void removingEverySessionAttributeDoesNotUnlinkTheLogin() {
        Browser browser = new Browser(app.base);
        String id = app.signIn(browser);

        assertEquals(204, browser.post("/app/clear-attributes", Map.of()).statusCode());
        assertEquals(200, browser.get("/app/x").statusCode(), "still the same login");
        app.sessionkit.service().end(new SessionId(id), EndReason.REVOKED_BY_ADMIN);

        assertSignedOut(browser);
        assertEquals(EndReason.REVOKED_BY_ADMIN, app.reason(id));
    }

    @Test
    void signingOutEverywhereEndsTheContainerLoginOnTheNextRequest() {
        Browser browser = new Browser(app.base);
        String id = app.signIn(browser);

        HttpResponse<String> ended = browser.post("/app/end-all", Map.of());

        assertEquals("1", ended.body());
        assertFalse(browser.cookies().containsKey(SID), "the cookie is cleared");
        assertSignedOut(browser);
        assertEquals(EndReason.REVOKED_BY_USER, app.reason(id));
    }

    @Test
    void aContainerSessionTimeoutEndsTheTrackedSessionAtOnce() throws InterruptedException {
        Browser browser = new Browser(app.base);
        String id = app.signIn(browser);
        assertEquals(204, browser.post("/app/short-timeout", Map.of()).statusCode());

        Thread.sleep(1_500); // Tomcat's session timeout is in whole seconds, on the wall clock
        ((ManagerBase) app.context().getManager()).processExpires();

        assertEquals(List.of(), app.active("alice"), "ended by the container's expiry, no request needed");
        assertEquals(EndReason.EXPIRED_IDLE, app.reason(id));
        assertEquals(LOGIN_PAGE, browser.get("/app/x").body());
    }

    @Test
    void aBrowserThatNeverReturnsTheSessionCookieKeepsOneTrackedSession() {
        Browser browser = new Browser(app.base);
        String id = app.signIn(browser);

        for (int i = 0; i < 3; i++) {
            browser.cookies().remove(SID);
            HttpResponse<String> page = browser.get("/app/x");
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("session=" + id), page.body());
        }

        assertEquals(List.of(id), app.active("alice").stream().map(s -> s.id().value()).toList());
        app.sessionkit.service().end(new SessionId(id), EndReason.REVOKED_BY_ADMIN);
        browser.cookies().remove(SID);
        assertSignedOut(browser);
    }

    @Test
    void aDifferentUserSigningInBehindAStaleCookieGetsTheirFirstPage() {
        Browser browser = new Browser(app.base);
        String alices = app.signIn(browser);
        String staleToken = browser.cookies().get(SID);
        browser.post("/app/container-signout", Map.of());
        browser.cookies().put(SID, staleToken); // e.g. the logout's answer never reached the browser

        String carols = app.signIn(browser, "carol", "secret-c");

        assertNotEquals(alices, carols);
        assertNotEquals(staleToken, browser.cookies().get(SID));
        assertEquals(List.of(), app.active("alice"));
        assertEquals(EndReason.LOGOUT, app.reason(alices));
    }

    @Test
    void afterARestartTheLoginGoesOnWithItsValidCookieAndEndingItStillEndsTheContainerLogin() throws Exception {
        Browser browser = new Browser(app.base);
        String id = app.signIn(browser);

        app.restartSessionkit(); // Sessionkit forgets every link; Tomcat keeps the login
        HttpResponse<String> page = browser.get("/app/x");

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("session=" + id), "the same session, not a new one: " + page.body());
        assertEquals(1, app.active("alice").size());
        assertEquals("1", browser.post("/app/end-all", Map.of()).body());
        assertSignedOut(browser);
        assertEquals(EndReason.REVOKED_BY_USER, app.reason(id));
    }

    @Test
    void afterARestartALoginWhoseBrowserShowsNoValidSessionIsEnded() throws Exception {
        Browser browser = new Browser(app.base);
        String id = app.signIn(browser);

        app.restartSessionkit();
        browser.cookies().remove(SID);

        // Unknown means no: it might be a revoked login whose link was lost with the restart.
        HttpResponse<String> refused = browser.get("/app/x", "Accept", "application/json");
        assertEquals(401, refused.statusCode(), refused.body());
        assertFalse(refused.body().contains("user="), refused.body());
        assertEquals(LOGIN_PAGE, browser.get("/app/x").body());
        // Nothing was adopted. The old session, which nothing names any more, is left to its idle timeout.
        assertEquals(List.of(id), app.active("alice").stream().map(s -> s.id().value()).toList());
    }

    /** The protected page is refused, then the container asks for a login: no session was adopted again. */
    private void assertSignedOut(Browser browser) {
        HttpResponse<String> refused = browser.get("/app/x", "Accept", "application/json");
        assertEquals(401, refused.statusCode(), refused.body());
        assertFalse(refused.body().contains("user="), refused.body());
        assertEquals(LOGIN_PAGE, browser.get("/app/x").body());
        assertEquals(List.of(), app.active("alice"));
    }
}
