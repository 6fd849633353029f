package dev.sessionkit.examples.programmatic;

import dev.sessionkit.config.SettingSource;
import dev.sessionkit.servlet.SessionFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import java.util.Map;

/**
 * Everything an app adds for Sessionkit, in code instead of web.xml: the filter with the app's own settings, in
 * front of every path but the sign-in page, then the app's servlets. The container finds this listener by its
 * annotation (an app with a web.xml may declare it there instead).
 *
 * <p>The settings given here are the app's defaults, the weakest source: servlet-context params, a
 * {@code sessionkit.properties} on the classpath and {@code SESSIONKIT_*} environment variables beat them (README
 * lists the keys), so production points {@code SESSIONKIT_JDBC_URL} at its database without a rebuild. The filter
 * builds Sessionkit from them when the app starts and closes it, with its threads and connections, when the app
 * stops. An app that builds its own {@code Sessionkit} registers {@code new SessionFilter(sessionkit, webSettings)}
 * instead, and closes it in {@code contextDestroyed}.
 */
@WebListener
public final class AppSetup implements ServletContextListener {

    /** The app's own Sessionkit settings, keyed as in README's settings table. */
    static final Map<String, String> SETTINGS = Map.of(
            // An in-memory H2 database for the example; in production jdbc:postgresql://db/app or a datasource.
            "jdbc-url", "jdbc:h2:mem:sessionkit-example-programmatic;DB_CLOSE_DELAY=-1",
            "schema", "create",
            "login-path", "/login",
            "exclude-paths", "/login");

    /** Creates the listener; the container instantiates it. */
    public AppSetup() {
        // stateless
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        // A key no setting has, or a bad value, fails the app's start with a message naming it.
        context.addFilter("sessionkit", new SessionFilter(SettingSource.of("app settings", SETTINGS)))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        context.addServlet("login", LoginServlet.class).addMapping("/login");
        context.addServlet("hello", HelloServlet.class).addMapping("/hello", "/logout");
    }
}
