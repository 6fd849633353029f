package dev.sessionkit.jaxrs.soak;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.jaxrs.SessionkitFeature;
import dev.sessionkit.servlet.SessionFilter;
import dev.sessionkit.servlet.testing.TestApp;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * One application node of the soak: its own Sessionkit (validation cache, activity buffer, cleanup scheduler)
 * behind the filter on an embedded Jetty 12, serving the test app's login/logout/echo servlets and the REST API at
 * {@code /api}. Nodes share nothing but the database.
 */
final class SoakNode implements AutoCloseable {

    private final int index;
    private final Sessionkit sessionkit;
    private final Server server = new Server();
    private final URI base;

    private SoakNode(int index, Sessionkit sessionkit) throws Exception {
        this.index = index;
        this.sessionkit = sessionkit;
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        // The filter's init starts this node's cleanup scheduler (SessionkitRuntime), as in a deployed app.
        context.addFilter(new FilterHolder(new SessionFilter(sessionkit)), "/*", EnumSet.of(DispatcherType.REQUEST));
        TestApp.servlets().forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        context.addServlet(new ServletHolder(new ServletContainer(
                new ResourceConfig().register(SessionkitFeature.class))), "/api/*");
        server.setHandler(context);
        server.start();
        this.base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /**
     * Builds the node's Sessionkit and starts its server.
     *
     * @param index 0 or 1; also names the node for the cleanup lease
     * @param settings the node's settings
     * @param heard records what this node's listeners hear
     */
    static SoakNode start(int index, SessionkitSettings settings, HeardEvents heard) throws Exception {
        Sessionkit sessionkit = Sessionkit.builder(settings).nodeId("soak-node-" + index)
                .listener(heard.listenerFor(index)).build();
        try {
            return new SoakNode(index, sessionkit);
        } catch (Exception e) {
            sessionkit.close();
            throw e;
        }
    }

    int index() {
        return index;
    }

    URI base() {
        return base;
    }

    Sessionkit sessionkit() {
        return sessionkit;
    }

    /** Stops taking requests; the filter's destroy stops the cleanup scheduler. The Sessionkit stays open. */
    void stopServer() throws Exception {
        if (server.isRunning()) {
            server.stop();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stopServer();
        } finally {
            sessionkit.close();
        }
    }
}
