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
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.authenticator.FormAuthenticator;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.LoginConfig;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code adopt-container-login} with Tomcat's FORM authentication, where the container's login lives in its
 * {@code HttpSession}: the two logins must end together, whichever side ends first. The app's own
 * {@code session.invalidate()} ends the Sessionkit session (through {@link ContainerSessionListener}), and an
 * ended Sessionkit session ends the container login (so it is not adopted again on the next request).
 */
class TomcatFormAdoptionIT {

    private static final String SID = "__Host-sid";
    private static final String LOGIN_PAGE = "login-form";

    private final MutableClock clock = MutableClock.atT0();
    private Sessionkit sessionkit;
    private TomcatContainer container;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        sessionkit = AdoptingSessionkit.start(clock);
        container = new TomcatContainer(TomcatFormAdoptionIT::formLogin);
        base = container.start(new TestApp.FilterSetup.Instance(new SessionFilter(sessionkit)));
    }

    private static void formLogin(Tomcat tomcat, Context context) {
        tomcat.addUser("alice", "secret");
        tomcat.addRole("alice", "user");

        SecurityCollection app = new SecurityCollection();
        app.addPattern("/app/*");
        SecurityConstraint constraint = new SecurityConstraint();
        constraint.addCollection(app);
        constraint.addAuthRole("user");
        context.addConstraint(constraint);
        context.addSecurityRole("user");
        LoginConfig login = new LoginConfig();
        login.setAuthMethod("FORM");
        login.setLoginPage("/form/login");
        login.setErrorPage("/form/error");
        context.setLoginConfig(login);
        context.getPipeline().addValve(new FormAuthenticator());

        Tomcat.addServlet(context, "form-login", new Text(LOGIN_PAGE));
        context.addServletMapping("/form/login", "form-login");
        Tomcat.addServlet(context, "form-error", new Text("login-error"));
        context.addServletMapping("/form/error", "form-error");
        Tomcat.addServlet(context, "container-logout", new ContainerLogout());
        context.addServletMapping("/app/container-logout", "container-logout");
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
    void aFormLoginIsAdoptedOnceAndReused() {
        Browser browser = new Browser(base);

        String id = signIn(browser);
        HttpResponse<String> again = browser.get("/app/x");

        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("session=" + id), again.body());
        assertTrue(again.body().contains("authType=FORM"), again.body());
        assertEquals(1, active().size());
    }

    @Test
    void theAppsOwnSessionInvalidateEndsTheAdoptedSession() {
        Browser browser = new Browser(base);
        String id = signIn(browser);
        String token = browser.cookies().get(SID);

        assertEquals(204, browser.post("/app/container-logout", Map.of()).statusCode());

        assertEquals(EndReason.LOGOUT, reason(new SessionId(id)), "ended by ContainerSessionListener");
        assertEquals(List.of(), active());
        Browser replay = new Browser(base);
        replay.cookies().put(SID, token);
        replay.cookies().put("JSESSIONID", browser.cookies().get("JSESSIONID"));
        HttpResponse<String> page = replay.get("/app/x");
        assertEquals(LOGIN_PAGE, page.body(), "the container asks for a login again; the app is not reached");
    }

    @Test
    void anEndedSessionAlsoEndsTheContainerLogin() {
        Browser browser = new Browser(base);
        String id = signIn(browser);

        sessionkit.service().end(new SessionId(id), EndReason.REVOKED_BY_ADMIN);
        HttpResponse<String> refused = browser.get("/app/x", "Accept", "application/json");

        assertEquals(401, refused.statusCode());
        assertFalse(refused.body().contains("user="), refused.body());
        assertFalse(browser.cookies().containsKey(SID), "the cookie is cleared");
        // The container login is gone too: the next request is not silently adopted as a new session.
        HttpResponse<String> next = browser.get("/app/x");
        assertEquals(LOGIN_PAGE, next.body());
        assertEquals(List.of(), active());
        assertEquals(EndReason.REVOKED_BY_ADMIN, reason(new SessionId(id)));
    }

    @Test
    void signingInAgainAfterTheContainerLogoutGivesANewSession() {
        Browser browser = new Browser(base);
        String first = signIn(browser);
        browser.post("/app/container-logout", Map.of());

        String second = signIn(browser);

        assertNotEquals(first, second);
        assertEquals(List.of(second), active().stream().map(s -> s.id().value()).toList());
    }

    /** Signs alice in through the FORM flow; returns the adopted session's public id. */
    private String signIn(Browser browser) {
        HttpResponse<String> challenge = browser.get("/app/whoami", "Accept", "text/html");
        assertEquals(200, challenge.statusCode());
        assertEquals(LOGIN_PAGE, challenge.body());
        assertTrue(challenge.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(SID + "=")),
                "no session before the login");

        HttpResponse<String> login = browser.post("/j_security_check",
                Map.of("j_username", "alice", "j_password", "secret"));
        assertTrue(login.statusCode() == 302 || login.statusCode() == 303, "status " + login.statusCode());
        assertTrue(login.headers().firstValue("Location").orElse("").endsWith("/app/whoami"));

        HttpResponse<String> page = browser.get("/app/whoami", "Accept", "text/html");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("user=alice"), page.body());
        assertTrue(browser.cookies().containsKey(SID), "the adopted session's cookie is set");
        List<SessionRecord> active = active();
        assertEquals(1, active.size());
        String id = active.get(0).id().value();
        assertTrue(page.body().contains("session=" + id), page.body());
        return id;
    }

    private List<SessionRecord> active() {
        return sessionkit.store().listActive("alice", clock.instant());
    }

    private EndReason reason(SessionId id) {
        return sessionkit.store().findById(id).orElseThrow().ending().orElseThrow().reason();
    }

    /** Answers a fixed text: stands in for the login and error pages. */
    static final class Text extends HttpServlet {
        private final String text;

        Text(String text) {
            this.text = text;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print(text);
        }
    }

    /** POST: the app's own logout, ending the container session only; answers 204. */
    static final class ContainerLogout extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.setStatus(204);
        }
    }
}
