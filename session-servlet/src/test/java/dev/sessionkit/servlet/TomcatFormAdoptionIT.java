package dev.sessionkit.servlet;

import static dev.sessionkit.servlet.FormLoginApp.LOGIN_PAGE;
import static dev.sessionkit.servlet.FormLoginApp.SID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.servlet.testing.TomcatContainer;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code adopt-container-login} with Tomcat's FORM authentication, where the container's login lives in its
 * {@code HttpSession}: the two logins must end together, whichever side ends first. The app's own
 * {@code session.invalidate()} ends the Sessionkit session (through {@link ContainerSessionListener}), and an
 * ended Sessionkit session ends the container login (so it is not adopted again on the next request). The other
 * ways a login ends are in {@link TomcatFormAdoptionEndsIT}.
 */
class TomcatFormAdoptionIT {

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
    void theTomcatTheBuildChoseIsTheOneRunning() {
        TomcatContainer.assertExpectedTomcat();
    }

    @Test
    void aFormLoginIsAdoptedOnceAndReused() {
        Browser browser = new Browser(app.base);

        String id = app.signIn(browser);
        HttpResponse<String> again = browser.get("/app/x");

        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("session=" + id), again.body());
        assertTrue(again.body().contains("authType=FORM"), again.body());
        assertEquals(1, app.active("alice").size());
    }

    @Test
    void theAppsOwnSessionInvalidateEndsTheAdoptedSession() {
        Browser browser = new Browser(app.base);
        String id = app.signIn(browser);
        String token = browser.cookies().get(SID);

        assertEquals(204, browser.post("/app/container-logout", Map.of()).statusCode());

        assertEquals(EndReason.LOGOUT, app.reason(id), "ended by ContainerSessionListener");
        assertEquals(List.of(), app.active("alice"));
        Browser replay = new Browser(app.base);
        replay.cookies().put(SID, token);
        replay.cookies().put("JSESSIONID", browser.cookies().get("JSESSIONID"));
        HttpResponse<String> page = replay.get("/app/x");
        assertEquals(LOGIN_PAGE, page.body(), "the container asks for a login again; the app is not reached");
    }

    @Test
    void anEndedSessionAlsoEndsTheContainerLogin() {
        Browser browser = new Browser(app.base);
        String id = app.signIn(browser);

        app.sessionkit.service().end(new SessionId(id), EndReason.REVOKED_BY_ADMIN);
        HttpResponse<String> refused = browser.get("/app/x", "Accept", "application/json");

        assertEquals(401, refused.statusCode());
        assertFalse(refused.body().contains("user="), refused.body());
        assertFalse(browser.cookies().containsKey(SID), "the cookie is cleared");
        // The container login is gone too: the next request is not silently adopted as a new session.
        HttpResponse<String> next = browser.get("/app/x");
        assertEquals(LOGIN_PAGE, next.body());
        assertEquals(List.of(), app.active("alice"));
        assertEquals(EndReason.REVOKED_BY_ADMIN, app.reason(id));
    }

    @Test
    void signingInAgainAfterTheContainerLogoutGivesANewSessionThatRevocationEnds() { // issue 11
        Browser browser = new Browser(app.base);
        String first = app.signIn(browser);
        String firstToken = browser.cookies().get(SID);
        browser.post("/app/container-logout", Map.of());

        String second = app.signIn(browser);

        assertNotEquals(first, second);
        assertNotEquals(firstToken, browser.cookies().get(SID), "a new token for the new login");
        assertEquals(List.of(second), app.active("alice").stream().map(s -> s.id().value()).toList());
        // The new login is linked to its session: revoking that one signs the browser out.
        app.sessionkit.service().end(new SessionId(second), EndReason.REVOKED_BY_ADMIN);
        assertEquals(401, browser.get("/app/x", "Accept", "application/json").statusCode());
        assertEquals(LOGIN_PAGE, browser.get("/app/x").body());
        assertEquals(List.of(), app.active("alice"));
    }
}
