package dev.sessionkit.examples;

import dev.sessionkit.servlet.SessionLogin;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Runs the demo on embedded Jetty 12: {@code java -jar examples/target/sessionkit-demo.jar}. Port 8080 unless
 * {@code SESSIONKIT_PORT} says otherwise (0 picks a free one), on 127.0.0.1 unless {@code SESSIONKIT_HOST} names
 * another address; embedded H2 in {@code ./data} unless
 * {@code SESSIONKIT_JDBC_URL} points elsewhere.
 */
public final class DemoServer implements AutoCloseable {

    private final Server server = new Server();
    private ServletContextHandler context;

    /**
     * Starts the demo.
     *
     * @param host the address to listen on
     * @param port the port, 0 for any free one
     * @return the base URI
     * @throws Exception when Jetty or Sessionkit cannot start (a bad setting, say)
     */
    public URI start(String host, int port) throws Exception {
        return start(host, port, Map.of());
    }

    /**
     * Starts the demo with extra context parameters, which beat the demo's {@code sessionkit.properties} (tests
     * use them to point at their own database and data directory).
     *
     * @param host the address to listen on
     * @param port the port, 0 for any free one
     * @param contextParams settings and {@code sessionkit.demo.data} as servlet-context parameters
     * @return the base URI
     * @throws Exception when Jetty or Sessionkit cannot start
     */
    public URI start(String host, int port, Map<String, String> contextParams) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        if (isLoopback(host)) {
            context.setInitParameter(DemoWebApp.PLAIN_HTTP_LOOPBACK, "true");
        }
        contextParams.forEach(context::setInitParameter);
        ResourceFactory resources = ResourceFactory.of(context);
        Resource pages = resources.newClassLoaderResource("demo-webapp");
        Resource webjars = resources.newClassLoaderResource("META-INF/resources");
        context.setBaseResource(ResourceFactory.combine(pages, webjars));
        context.setWelcomeFiles(new String[] {"index.html"});
        context.addEventListener(new DemoWebApp());
        ServletHolder files = new ServletHolder("default", DefaultServlet.class);
        files.setInitParameter("dirAllowed", "false");
        context.addServlet(files, "/");
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler() {
            @Override
            public boolean errorPageForMethod(String method) {
                return true; // Jetty writes no body at all for a DELETE's error; the API's clients need one
            }
        };
        errors.addErrorPage(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, DemoErrorPages.PATH);
        context.setErrorHandler(errors);
        server.setErrorHandler(new DemoServerErrors());
        server.setHandler(context);
        server.start();
        if (!context.isAvailable()) {
            server.stop();
            throw new IllegalStateException("The demo could not start; see the log above for the setting to fix.");
        }
        return URI.create("http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + connector.getLocalPort());
    }

    /** Whether the address to listen on is this machine only (127.0.0.0/8, ::1, localhost). */
    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Returns whether this server sends its session cookie without {@code Secure} (plain HTTP on loopback).
     *
     * @return true when the cookies are for plain HTTP
     */
    public boolean plainHttpCookies() {
        return !SessionLogin.of(context.getServletContext()).webSettings().cookieSecure();
    }

    /**
     * Returns the demo users, e.g. to print their passwords.
     *
     * @return the users
     */
    public DemoUsers users() {
        return (DemoUsers) context.getServletContext().getAttribute(DemoWebApp.USERS);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /**
     * Starts the demo and prints where and how to sign in.
     *
     * @param args ignored; settings come from {@code SESSIONKIT_*} variables
     * @throws Exception when the demo cannot start
     */
    public static void main(String[] args) throws Exception {
        String port = System.getenv().getOrDefault("SESSIONKIT_PORT", "8080");
        // Loopback unless asked: a demo with printed passwords should not be reachable from the network.
        String host = System.getenv().getOrDefault("SESSIONKIT_HOST", "127.0.0.1");
        DemoServer demo = new DemoServer();
        URI uri = demo.start(host.strip(), Integer.parseInt(port.strip()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                demo.close();
            } catch (Exception e) {
                System.err.println("Demo did not stop cleanly: " + e.getMessage());
            }
        }));
        String shown = "127.0.0.1".equals(uri.getHost()) ? "http://localhost:" + uri.getPort() : uri.toString();
        StringBuilder banner = new StringBuilder("\nSessionkit demo running on " + shown + "\n");
        for (Map.Entry<String, String> user : new java.util.TreeMap<>(demo.users().passwords()).entrySet()) {
            banner.append(String.format("  sign in as %-5s %s password: %s%n", user.getKey(),
                    DemoUsers.rolesOf(user.getKey()).contains(DemoUsers.ADMIN_ROLE) ? "(admin)" : "       ",
                    user.getValue()));
        }
        banner.append("  data: ").append(DemoWebApp.dataDirectory(null).toAbsolutePath())
                .append("  (SESSIONKIT_JDBC_URL moves sessions to PostgreSQL; Ctrl+C stops)\n");
        banner.append(demo.plainHttpCookies()
                ? "  cookies: plain HTTP (no Secure, no __Host- prefix), allowed only because it listens on loopback\n"
                : "  cookies: Secure (__Host-sid): serve it over HTTPS, or browsers will not send them back\n");
        System.out.println(banner);
        demo.server.join();
    }
}
