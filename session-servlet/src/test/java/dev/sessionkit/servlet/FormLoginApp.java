package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.catalina.Context;
import org.apache.catalina.authenticator.FormAuthenticator;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.LoginConfig;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;

/**
 * The test app on embedded Tomcat with its FORM authentication over {@code /app/*} (role "user": alice and carol)
 * and {@code adopt-container-login} on, plus the app-side actions of {@link AdoptionServlets}.
 */
final class FormLoginApp implements AutoCloseable {

    static final String SID = "__Host-sid";
    static final String LOGIN_PAGE = "login-form";

    final MutableClock clock = MutableClock.atT0();
    final Sessionkit sessionkit;
    private final TomcatContainer container;
    final URI base;
    private Context context;
    private final RestartableFilter filter;

    /** Starts the app; {@code more} may change the context further (e.g. its session manager). */
    FormLoginApp(Consumer<Context> more) throws Exception {
        sessionkit = AdoptingSessionkit.start(clock);
        container = new TomcatContainer((tomcat, context) -> {
            this.context = context;
            formLogin(tomcat, context);
            more.accept(context);
        });
        filter = new RestartableFilter(sessionkit);
        base = container.start(new TestApp.FilterSetup.Instance(filter));
    }

    FormLoginApp() throws Exception {
        this(context -> { });
    }

    private static void formLogin(Tomcat tomcat, Context context) {
        tomcat.addUser("alice", "secret");
        tomcat.addRole("alice", "user");
        tomcat.addUser("carol", "secret-c");
        tomcat.addRole("carol", "user");

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

        Tomcat.addServlet(context, "form-login", new AdoptionServlets.Text(LOGIN_PAGE));
        context.addServletMapping("/form/login", "form-login");
        Tomcat.addServlet(context, "form-error", new AdoptionServlets.Text("login-error"));
        context.addServletMapping("/form/error", "form-error");
        AdoptionServlets.addTo(context);
    }

    /** The deployed context, e.g. to reload it or to run its session manager's expiry. */
    Context context() {
        return context;
    }

    /**
     * Does to Sessionkit what a context reload does (the container destroys the filter and initialises it again),
     * while the container's sessions and their logins live on, as they do when the container persists them.
     */
    void restartSessionkit() throws ServletException {
        filter.restart();
    }

    /** Signs alice in through the FORM flow; returns the adopted session's public id. */
    String signIn(Browser browser) {
        return signIn(browser, "alice", "secret");
    }

    /** Signs a user in through the FORM flow; returns the adopted session's public id. */
    String signIn(Browser browser, String user, String password) {
        HttpResponse<String> challenge = browser.get("/app/whoami", "Accept", "text/html");
        assertEquals(200, challenge.statusCode());
        assertEquals(LOGIN_PAGE, challenge.body());
        assertTrue(challenge.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(SID + "=")),
                "no session before the login");

        HttpResponse<String> login = browser.post("/j_security_check",
                Map.of("j_username", user, "j_password", password));
        assertTrue(login.statusCode() == 302 || login.statusCode() == 303, "status " + login.statusCode());
        assertTrue(login.headers().firstValue("Location").orElse("").endsWith("/app/whoami"));

        HttpResponse<String> page = browser.get("/app/whoami", "Accept", "text/html");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("user=" + user), page.body());
        assertTrue(browser.cookies().containsKey(SID), "the adopted session's cookie is set");
        List<SessionRecord> active = active(user);
        assertEquals(1, active.size());
        String id = active.get(0).id().value();
        assertTrue(page.body().contains("session=" + id), page.body());
        return id;
    }

    List<SessionRecord> active(String user) {
        return sessionkit.store().listActive(user, clock.instant());
    }

    EndReason reason(String id) {
        return sessionkit.store().findById(new SessionId(id)).orElseThrow().ending().orElseThrow().reason();
    }

    /** The filter, remembering its config so that it can be destroyed and initialised again. */
    private static final class RestartableFilter extends SessionFilter {
        private FilterConfig config;

        RestartableFilter(Sessionkit sessionkit) {
            super(sessionkit, AdoptingSessionkit.web());
        }

        @Override
        public void init(FilterConfig config) throws ServletException {
            this.config = config;
            super.init(config);
        }

        void restart() throws ServletException {
            destroy();
            init(config);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            container.close();
        } finally {
            sessionkit.close();
        }
    }
}
