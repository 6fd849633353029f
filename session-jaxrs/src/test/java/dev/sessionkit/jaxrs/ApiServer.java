package dev.sessionkit.jaxrs;

import dev.sessionkit.Sessionkit;
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

/** Jetty 12 with the Sessionkit filter in front of Jersey serving the API at /api, plus the test app's login. */
final class ApiServer implements AutoCloseable {

    private final Server server = new Server();

    URI start(Sessionkit sessionkit) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new SessionFilter(sessionkit)), "/*", EnumSet.of(DispatcherType.REQUEST));
        TestApp.servlets().forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        context.addServlet(new ServletHolder(new ServletContainer(
                new ResourceConfig().register(SessionkitFeature.class))), "/api/*");
        server.setHandler(context);
        server.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
