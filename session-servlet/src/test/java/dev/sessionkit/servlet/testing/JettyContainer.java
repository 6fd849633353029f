package dev.sessionkit.servlet.testing;

import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Jetty 12 (ee10) running the test app. */
public final class JettyContainer implements TestContainer {

    private Server server;

    @Override
    public URI start(TestApp.FilterSetup filter) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        FilterHolder holder;
        if (filter instanceof TestApp.FilterSetup.Instance instance) {
            holder = new FilterHolder(instance.filter());
        } else {
            TestApp.FilterSetup.Declared declared = (TestApp.FilterSetup.Declared) filter;
            holder = new FilterHolder(declared.filterClass());
            declared.initParams().forEach(holder::setInitParameter);
        }
        context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        for (Map.Entry<String, jakarta.servlet.http.HttpServlet> servlet : TestApp.servlets().entrySet()) {
            context.addServlet(new ServletHolder(servlet.getValue()), servlet.getKey());
        }
        server.setHandler(context);
        server.start();
        if (!context.isAvailable() || context.isFailed()) {
            throw new IllegalStateException("deployment failed");
        }
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public String name() {
        return "jetty-12";
    }
}
