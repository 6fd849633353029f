package dev.sessionkit.testing;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.service.IssuedSession;
import dev.sessionkit.servlet.SessionFilter;
import dev.sessionkit.servlet.WebSettings;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.memory.InMemorySessionStore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that serves an app's servlet behind {@link SessionFilter} on embedded Jetty (loopback, a free
 * port), with Sessionkit on an in-memory store unless told otherwise, so an app's test checks what its users see
 * over real HTTP: refused without a session, served as the session's user with one.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SessionkitServer server = SessionkitServer.serving(new MyServlet());
 *
 * HttpRequest.newBuilder(server.uri().resolve("/orders")).header("Cookie", server.signIn("alice", "admin"))
 * }</pre>
 *
 * <p>Register it as a static field: it starts before the class's first test and stops after its last. Needs
 * {@code org.eclipse.jetty.ee10:jetty-ee10-servlet} on the test class path. Cookies are sent without
 * {@code Secure} (plain HTTP on loopback), as {@code sid}.
 */
public final class SessionkitServer implements BeforeAllCallback, AfterAllCallback {

    private final HttpServlet app;
    private SessionkitSettings settings = SessionkitSettings.builder().build();
    private WebSettings web = WebSettings.builder().cookieSecure(false).build();
    private Supplier<SessionStore> stores = InMemorySessionStore::new;
    private Sessionkit sessionkit;
    private Server server;
    private URI uri;

    private SessionkitServer(HttpServlet app) {
        this.app = Objects.requireNonNull(app, "app");
    }

    /**
     * Serves a servlet on every path, behind the filter.
     *
     * @param app the app's servlet
     * @return the extension, to register
     */
    public static SessionkitServer serving(HttpServlet app) {
        return new SessionkitServer(app);
    }

    /**
     * Uses these core settings (timeouts, limits); default the documented defaults.
     *
     * @param settings the settings
     * @return this extension
     */
    public SessionkitServer settings(SessionkitSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /**
     * Uses these web settings (paths, login path, cookies); default the documented defaults with
     * {@code cookie-secure=false}.
     *
     * @param web the web settings
     * @return this extension
     */
    public SessionkitServer web(WebSettings web) {
        this.web = Objects.requireNonNull(web, "web");
        return this;
    }

    /**
     * Uses stores from this supplier, one per start; default a new in-memory store.
     *
     * @param stores makes the store
     * @return this extension
     */
    public SessionkitServer store(Supplier<SessionStore> stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        sessionkit = Sessionkit.builder(settings).store(stores.get()).build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler("/");
        handler.addFilter(new FilterHolder(new SessionFilter(sessionkit, web)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        handler.addServlet(new ServletHolder(app), "/*");
        server.setHandler(handler);
        server.start();
        uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            if (sessionkit != null) {
                sessionkit.close();
            }
        }
    }

    /** {@return the server's base URI, e.g. {@code http://127.0.0.1:41234/}} */
    public URI uri() {
        return requireStarted(uri);
    }

    /** {@return the running Sessionkit, to inspect or end sessions from the test} */
    public Sessionkit sessionkit() {
        return requireStarted(sessionkit);
    }

    /**
     * Signs a user in, as the app's login would, and returns the {@code Cookie} header that carries the session.
     *
     * @param userId the user
     * @param roles the user's roles
     * @return e.g. {@code sid=...}, for a request's {@code Cookie} header
     */
    public String signIn(String userId, String... roles) {
        IssuedSession issued = sessionkit().service().login(SessionPrincipal.of(userId, roles), ClientInfo.unknown());
        return web.cookieName() + "=" + issued.token().reveal();
    }

    private static <T> T requireStarted(T value) {
        if (value == null) {
            throw new IllegalStateException("SessionkitServer is not running: register it as a static "
                    + "@RegisterExtension field");
        }
        return value;
    }
}
