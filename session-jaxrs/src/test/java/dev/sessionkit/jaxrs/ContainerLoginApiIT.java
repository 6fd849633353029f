package dev.sessionkit.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.servlet.WebSettings;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.servlet.ContainerSessionListener;
import dev.sessionkit.servlet.SessionFilter;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.servlet.testing.TestApp;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.testing.MutableClock;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.FormAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.security.Credential;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 through the REST API, on Jetty 12 with its own FORM authentication and {@code adopt-container-login}:
 * ending the adopted session from "my sessions" (all of them, or the current one) ends the container login on
 * the next request instead of letting it be adopted again as a new session.
 */
class ContainerLoginApiIT {

    private static final String SID = "__Host-sid";
    private static final String LOGIN_PAGE = "login-form";
    private static final String[] PROOF = {"X-Requested-With", "test", "Accept", "application/json"};

    private final MutableClock clock = MutableClock.atT0();
    private final Server server = new Server();
    private Sessionkit sessionkit;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        sessionkit = Sessionkit.builder(SessionkitSettings.builder()
                        .jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                        .schema(SchemaMode.CREATE)
                        .build())
                .clock(clock).build();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(
                ServletContextHandler.SESSIONS | ServletContextHandler.SECURITY);
        context.setContextPath("/");
        context.setSecurityHandler(formLogin());
        context.addEventListener(new ContainerSessionListener()); // what the jar's web-fragment.xml registers
        context.addFilter(new FilterHolder(new SessionFilter(sessionkit,
                WebSettings.builder().excludePaths(List.of("/form/*")).adoptContainerLogin(true).build())), "/*", EnumSet.of(DispatcherType.REQUEST));
        TestApp.servlets().forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        context.addServlet(new ServletHolder(new Text(LOGIN_PAGE)), "/form/login");
        context.addServlet(new ServletHolder(new Text("login-error")), "/form/error");
        context.addServlet(new ServletHolder(new ServletContainer(
                new ResourceConfig().register(SessionkitFeature.class))), "/api/*");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    private static ConstraintSecurityHandler formLogin() {
        UserStore users = new UserStore();
        users.addUser("alice", Credential.getCredential("secret"), new String[] {"user"});
        HashLoginService realm = new HashLoginService("sessionkit-it");
        realm.setUserStore(users);
        ConstraintSecurityHandler security = new ConstraintSecurityHandler();
        security.setLoginService(realm);
        security.setAuthenticator(new FormAuthenticator("/form/login", "/form/error", false));
        for (String path : List.of("/app/*", "/api/*")) {
            ConstraintMapping mapping = new ConstraintMapping();
            mapping.setPathSpec(path);
            mapping.setConstraint(Constraint.from("user"));
            security.addConstraintMapping(mapping);
        }
        return security;
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        sessionkit.close();
    }

    @Test
    void signingOutEverywhereThroughTheApiEndsTheContainerLogin() {
        Browser browser = new Browser(base);
        String id = signIn(browser);

        HttpResponse<String> all = delete(browser, "/api/sessions?scope=all");

        assertEquals(200, all.statusCode(), all.body());
        assertTrue(all.body().contains("\"ended\":1"), all.body());
        assertFalse(browser.cookies().containsKey(SID), "the cookie is cleared");
        assertSignedOut(browser);
        assertEquals(EndReason.REVOKED_BY_USER, reason(id));
    }

    @Test
    void endingTheCurrentSessionThroughTheApiEndsTheContainerLogin() {
        Browser browser = new Browser(base);
        String id = signIn(browser);

        assertEquals(204, delete(browser, "/api/sessions/" + id).statusCode());

        assertSignedOut(browser);
        assertEquals(EndReason.REVOKED_BY_USER, reason(id));
    }

    /** Jetty's FORM flow: the challenge redirects to the form, the form posts, the app page adopts the login. */
    private String signIn(Browser browser) {
        HttpResponse<String> challenge = browser.get("/app/whoami");
        assertEquals(LOGIN_PAGE, follow(browser, challenge).body());
        HttpResponse<String> login = browser.post("/j_security_check",
                Map.of("j_username", "alice", "j_password", "secret"));
        assertEquals(3, login.statusCode() / 100, "redirect after login, was " + login.statusCode());
        assertTrue(login.headers().firstValue("Location").orElse("").endsWith("/app/whoami"));

        HttpResponse<String> page = browser.get("/app/whoami");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("user=alice"), page.body());
        assertTrue(browser.cookies().containsKey(SID), "the adopted session's cookie is set");
        List<SessionRecord> active = active();
        assertEquals(1, active.size());
        assertTrue(page.body().contains("session=" + active.get(0).id().value()), page.body());
        return active.get(0).id().value();
    }

    /** The API is refused, and Jetty asks for a login again: the ended session was not adopted anew. */
    private void assertSignedOut(Browser browser) {
        HttpResponse<String> refused = browser.get("/api/sessions/current", "Accept", "application/json");
        assertEquals(401, refused.statusCode(), refused.body());
        assertFalse(refused.body().contains("alice"), refused.body());
        assertEquals(List.of(), active());
        assertEquals(LOGIN_PAGE, follow(browser, browser.get("/app/whoami")).body());
        assertEquals(List.of(), active());
    }

    private HttpResponse<String> follow(Browser browser, HttpResponse<String> response) {
        assertEquals(3, response.statusCode() / 100, "a redirect, was " + response.statusCode());
        return browser.get(URI.create(response.headers().firstValue("Location").orElseThrow()).getPath());
    }

    private HttpResponse<String> delete(Browser browser, String path) {
        return browser.send(HttpRequest.newBuilder(base.resolve(path)).DELETE(), PROOF);
    }

    private List<SessionRecord> active() {
        return sessionkit.store().listActive("alice", clock.instant());
    }

    private EndReason reason(String id) {
        return sessionkit.store().findById(new SessionId(id)).orElseThrow().ending().orElseThrow().reason();
    }

    /** Answers a fixed text: the login and error pages. */
    private static final class Text extends HttpServlet {
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
}
