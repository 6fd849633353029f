package dev.sessionkit.servlet;

import dev.sessionkit.BackgroundWork;
import dev.sessionkit.Sessionkit;
import dev.sessionkit.device.UserAgentData;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.token.TokenGenerator;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one servlet context needs at run time: the Sessionkit instance, the web settings, the cookie and
 * address rules, the container-login adoption (when on), and the background work (activity flush and cleanup, a
 * daemon thread each). Created by {@link SessionFilter#init} and closed by its {@code destroy}, leaving no thread,
 * connection or driver registration behind.
 */
final class SessionkitRuntime implements AutoCloseable {

    static final String ATTRIBUTE = SessionkitRuntime.class.getName();
    private static final System.Logger LOG = System.getLogger(SessionkitRuntime.class.getName());
    private static final List<String> CLIENT_HINTS = List.of("sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform",
            "sec-ch-ua-platform-version", "sec-ch-ua-model", "sec-ch-ua-full-version-list");

    private final Sessionkit sessionkit;
    private final WebSettings web;
    private final boolean ownsSessionkit;
    private final SessionCookies cookies;
    private final ClientAddressResolver addresses;
    private final BackgroundWork background;
    private final ClassLoader appClassLoader;
    private final Optional<ContainerLoginAdoption> adoption;

    SessionkitRuntime(Sessionkit sessionkit, WebSettings web, boolean ownsSessionkit, ServletContext context) {
        this.sessionkit = sessionkit;
        this.web = web;
        this.ownsSessionkit = ownsSessionkit;
        this.cookies = new SessionCookies(web, TokenGenerator.secureRandom(new SecureRandom()));
        this.addresses = new ClientAddressResolver(web.trustedProxies());
        this.appClassLoader = context.getClassLoader();
        this.adoption = web.adoptContainerLogin()
                ? Optional.of(new ContainerLoginAdoption(sessionkit, cookies, this::clientInfo, new SecureRandom(),
                        Clock.systemUTC()))
                : Optional.empty();
        // The one place threads start for this web app: the activity flush and cleanup.
        this.background = BackgroundWork.start(sessionkit.periodicTasks(), context.getContextPath().replace('/', '-'));
    }

    static SessionkitRuntime of(ServletContext context) {
        Object runtime = context.getAttribute(ATTRIBUTE);
        if (runtime instanceof SessionkitRuntime sessionkitRuntime) {
            return sessionkitRuntime;
        }
        throw new IllegalStateException("Sessionkit is not running in this web app: declare "
                + SessionFilter.class.getName() + " in web.xml or register it programmatically");
    }

    Sessionkit sessionkit() {
        return sessionkit;
    }

    /** The web settings this context runs with. */
    WebSettings web() {
        return web;
    }

    SessionCookies cookies() {
        return cookies;
    }

    /** How the session token travels: the session cookie. */
    /** The remembered devices' cookie work; stateless, so made on demand. */
    RememberedDevices remembered() {
        return new RememberedDevices(this);
    }

    TokenTransport tokens() {
        return cookies;
    }

    /** The container-login adoption, when {@code adopt-container-login} is on. */
    Optional<ContainerLoginAdoption> adoption() {
        return adoption;
    }

    /** Describes the client of a request at login: resolved address, user agent and hints, browser id. */
    ClientInfo clientInfo(HttpServletRequest request, HttpServletResponse response) {
        return clientInfo(request, Optional.of(cookies.ensureBrowserId(request, response)));
    }

    /** Describes the client of a request without giving it a browser id: for failed sign-ins and replays. */
    ClientInfo clientInfo(HttpServletRequest request) {
        return clientInfo(request, cookies.readBrowserId(request));
    }

    private ClientInfo clientInfo(HttpServletRequest request, Optional<String> browserId) {
        Map<String, String> hints = new HashMap<>();
        for (String name : CLIENT_HINTS) {
            String value = request.getHeader(name);
            if (value != null) {
                hints.put(name.toLowerCase(Locale.ROOT), value);
            }
        }
        return new ClientInfo(addresses.resolve(request), new UserAgentData(request.getHeader("User-Agent"), hints),
                browserId);
    }

    @Override
    public void close() {
        background.close();
        if (ownsSessionkit) {
            sessionkit.close();
            deregisterDriversOfThisApp();
        }
    }

    /**
     * Drivers the web app's own class loader registered would pin that loader after undeploy (Tomcat warns about
     * it); drivers of the server or the JVM are left alone.
     *
     * <p>{@link DriverManager#getDrivers()} can itself register one: it checks each registered driver by loading
     * and initialising its class name through the caller's (this app's) loader, so a server driver the app also
     * ships (e.g. H2 in Tomcat's lib for a container DataSource, and in WEB-INF/lib) makes the app's copy register
     * itself during that call, after the list was taken. Hence a first call for that, and the list of the second.
     */
    private void deregisterDriversOfThisApp() {
        if (appClassLoader == null || appClassLoader == ClassLoader.getSystemClassLoader()) {
            return;
        }
        DriverManager.getDrivers();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == appClassLoader) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    LOG.log(System.Logger.Level.WARNING, "Could not deregister JDBC driver " + driver, e);
                }
            }
        }
    }
}
