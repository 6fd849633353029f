package dev.sessionkit.examples;

import dev.sessionkit.config.SettingSource;
import dev.sessionkit.jaxrs.SessionkitApplication;
import dev.sessionkit.servlet.SecurityHeadersFilter;
import dev.sessionkit.servlet.SessionFilter;
import dev.sessionkit.servlet.SignInReportServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Wires the demo into a servlet context, the same way in the embedded Jetty and in a WAR (where web.xml declares
 * this listener): the browser security headers and the Sessionkit filter on everything, the sign-in servlets, and
 * the REST API at /api. Settings come as everywhere ({@code SESSIONKIT_*} variables, context params); the demo's
 * own defaults are the weakest.
 */
public final class DemoWebApp implements ServletContextListener {

    /**
     * The demo's own settings, weaker than {@code SESSIONKIT_*} variables and context params: tables created on
     * first start and the pages that need no session. Cookies keep the secure default ({@code __Host-} prefix,
     * {@code Secure}), so the WAR behind HTTPS is safe as deployed.
     */
    static final Map<String, String> DEMO_DEFAULTS = Map.of(
            "schema", "create",
            "login-path", "/login.html",
            "exclude-paths", "/login,/ping,/health,/metrics,/report,/static/*,/webjars/*,/api/openapi.json");

    /**
     * Context parameter only the embedded server sets, and only when it listens on a loopback address: plain-HTTP
     * cookies for http://localhost, where a browser would otherwise refuse nothing but the demo could not be
     * tried without TLS. Nobody else can reach such a server, so nobody can read its cookies on the wire.
     */
    static final String PLAIN_HTTP_LOOPBACK = "sessionkit.demo.plain-http-loopback";

    /** Context attribute holding the {@link DemoUsers}. */
    public static final String USERS = DemoUsers.class.getName();

    /** Creates the listener; containers instantiate it. */
    public DemoWebApp() {
        // stateless until the context starts
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        DemoUsers users = DemoUsers.open(dataDirectory(context), Optional.ofNullable(System.getenv("SESSIONKIT_DEMO_PASSWORD"))
                .filter(p -> !p.isBlank()));
        context.setAttribute(USERS, users);
        users.passwords().forEach((user, password) -> context.log("Demo user " + user
                + (DemoUsers.rolesOf(user).contains(DemoUsers.ADMIN_ROLE) ? " (admin)" : "")
                + " password: " + password));

        // First on every path and dispatch, ahead of the session filter: its refusals and redirects, the API, static
        // files and the container's error pages all carry the CSP, nosniff and Referrer-Policy headers.
        context.addFilter("security-headers", SecurityHeadersFilter.class).addMappingForUrlPatterns(
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), false, "/*");
        // The demo's defaults are the weakest source: init-params, context params, sessionkit.properties and
        // SESSIONKIT_* variables all beat them, so the filter ranks them and nothing here names a variable.
        DemoAlertInbox alerts = new DemoAlertInbox(context);
        FilterRegistration.Dynamic filter = context.addFilter("sessionkit",
                new SessionFilter(demoDefaults(Boolean.parseBoolean(context.getInitParameter(PLAIN_HTTP_LOOPBACK))),
                        List.of(alerts)));
        // Matched after the declared filters (the demo's web.xml declares none) and so always after the headers
        // filter: GlassFish and Payara put each "before" mapping first, which would reverse two "before" mappings.
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");

        context.addServlet("login", new DemoServlets.Login(users)).addMapping("/login");
        context.addServlet("logout", new DemoServlets.Logout()).addMapping("/logout");
        context.addServlet("password", new DemoServlets.Password(users)).addMapping("/app/password");
        context.addServlet("reauthenticate", new DemoServlets.Reauthenticate(users)).addMapping("/reauthenticate");
        context.addServlet("ping", new DemoServlets.Ping()).addMapping("/ping", "/app/ping");
        context.addServlet("health", new DemoHealth()).addMapping("/health");
        context.addServlet("metrics", new DemoMetrics()).addMapping("/metrics");
        context.addServlet("alerts", new DemoAlertInbox.Inbox(alerts)).addMapping("/app/alerts.json");
        // "This wasn't me" links work without a session: the path is excluded from the filter above.
        context.addServlet("report", new SignInReportServlet()).addMapping("/report");
        context.addServlet("root", new DemoServlets.Root()).addMapping("");
        // web.xml (WAR) and DemoServer (embedded) send every error the container answers itself here.
        context.addServlet("error", new DemoErrorPages.Page()).addMapping(DemoErrorPages.PATH);
        ServletRegistration.Dynamic api = context.addServlet("api", ServletContainer.class);
        api.setInitParameter("jakarta.ws.rs.Application", SessionkitApplication.class.getName());
        // The API documents itself with OpenAPI (/api/openapi.json); Jersey's WADL would only log a warning.
        api.setInitParameter("jersey.config.server.wadl.disableWadl", "true");
        api.setLoadOnStartup(1);
        api.addMapping("/api/*");
    }

    /**
     * The demo's own settings as a source, with plain-HTTP cookies when the embedded server listens on loopback.
     *
     * @param plainHttpLoopback whether the embedded server listens on a loopback address only
     * @return the source the filter ranks below every other
     */
    static SettingSource demoDefaults(boolean plainHttpLoopback) {
        Map<String, String> defaults = new HashMap<>(DEMO_DEFAULTS);
        if (plainHttpLoopback) {
            defaults.put("cookie-secure", "false");
        }
        return SettingSource.of("demo defaults", defaults);
    }

    /**
     * Where the demo keeps its users file: the context parameter {@code sessionkit.demo.data}, else
     * {@code SESSIONKIT_DEMO_DATA}, else {@code ./data}.
     */
    static Path dataDirectory(ServletContext context) {
        String configured = context == null ? null : context.getInitParameter("sessionkit.demo.data");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("SESSIONKIT_DEMO_DATA");
        }
        return Path.of(configured == null || configured.isBlank() ? "data" : configured);
    }
}
