package dev.sessionkit.jaxrs;

import dev.sessionkit.Sessionkit;
import java.util.List;
import dev.sessionkit.servlet.WebSettings;
import dev.sessionkit.servlet.SessionFilter;
import dev.sessionkit.servlet.testing.TestApp;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Jetty 12 on loopback with the Sessionkit filter in front of Jersey serving the API at /api, plus the test app's
 * login, logout and echo servlets. The filter's init starts the cleanup scheduler, as in a deployed app.
 */
public final class ApiServer implements AutoCloseable {

    /** The filter settings most API tests run with: the test app's /login let through, the rest as defaults. */
    public static final WebSettings LOGIN_LET_THROUGH = WebSettings.builder().excludePaths(List.of("/login")).build();

    private final Server server = new Server();

    /**
     * Starts the server with Jetty's default connector settings.
     *
     * @param sessionkit the Sessionkit the filter uses; stays open when the server stops
     * @return the server's base URI
     */
    public URI start(Sessionkit sessionkit) throws Exception {
        return start(sessionkit, LOGIN_LET_THROUGH, connector -> { });
    }

    /**
     * Starts the server with Jetty's default connector settings and the given filter settings.
     *
     * @param sessionkit the Sessionkit the filter uses; stays open when the server stops
     * @param web the filter's cookie, path and proxy settings
     * @return the server's base URI
     */
    public URI start(Sessionkit sessionkit, WebSettings web) throws Exception {
        return start(sessionkit, web, connector -> { });
    }

    /**
     * Starts the server after tuning its connector (accept queue, idle timeout) for a test's load.
     *
     * @param sessionkit the Sessionkit the filter uses; stays open when the server stops
     * @param web the filter's cookie, path and proxy settings
     * @param tuning changes to the loopback connector before it starts
     * @return the server's base URI
     */
    public URI start(Sessionkit sessionkit, WebSettings web, Consumer<ServerConnector> tuning) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        tuning.accept(connector);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new SessionFilter(sessionkit, web)), "/*", EnumSet.of(DispatcherType.REQUEST));
        TestApp.servlets().forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        context.addServlet(new ServletHolder(new ServletContainer(
                new ResourceConfig().register(SessionkitFeature.class))), "/api/*");
        server.setHandler(context);
        server.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** Stops taking requests (the filter's destroy stops the cleanup scheduler); does nothing when stopped. */
    @Override
    public void close() throws Exception {
        if (server.isRunning()) {
            server.stop();
        }
    }
}
