package dev.sessionkit.servlet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.servlet.ContainerSessionListener;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.util.ServerInfo;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Embedded Tomcat (10.1 or 11, whichever is on the classpath) running the test app: a context on "/" with the
 * filter on {@code /*} (REQUEST dispatch), the test app's servlets, a default servlet on "/" as Tomcat's own
 * {@code conf/web.xml} declares, and {@link ContainerSessionListener} as an application listener, which a real
 * deployment gets from the jar's {@code web-fragment.xml} (embedded {@code addContext} scans no fragments).
 */
public final class TomcatContainer implements TestContainer {

    /** A connector's request worker, as Tomcat names it in its warnings. */
    private static final Pattern CONNECTOR_WORKER = Pattern.compile("thread named \\[http-nio-[^\\]]*-exec-\\d+\\]");

    /** System property naming the Tomcat version a Failsafe execution put on the classpath, e.g. "10.1.". */
    public static final String EXPECTED_VERSION_PROPERTY = "sessionkit.it.tomcat-version";

    // Held strongly: JUL keeps loggers weakly, and a collected logger would forget its level and handlers.
    private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");
    private static final Logger LEAK_LOG = Logger.getLogger("org.apache.catalina.loader");

    static {
        TOMCAT_LOG.setLevel(Level.WARNING);
    }

    private final BiConsumer<Tomcat, Context> customizer;
    private final List<String> leaks = new CopyOnWriteArrayList<>();
    private final Handler leakRecorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue() && !isIdleWorker(record.getMessage())) {
                leaks.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Tomcat tomcat;
    private Path baseDir;

    /** Tomcat running the plain test app. */
    public TomcatContainer() {
        this((tomcat, context) -> { });
    }

    /**
     * Tomcat running the test app, with more set up before the start: users and roles, security constraints,
     * authenticator valves, extra servlets.
     *
     * @param customizer called with the server and the context after the test app is added, before the start
     */
    public TomcatContainer(BiConsumer<Tomcat, Context> customizer) {
        this.customizer = customizer;
    }

    @Override
    public URI start(TestApp.FilterSetup filter) throws Exception {
        LEAK_LOG.addHandler(leakRecorder);
        baseDir = Files.createTempDirectory("sessionkit-tomcat");
        Path docBase = Files.createDirectories(baseDir.resolve("webapp"));
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);

        Context context = tomcat.addContext("", docBase.toString());
        StandardManager sessions = new StandardManager();
        sessions.setPathname(null); // no session persistence across restarts
        context.setManager(sessions);
        Tomcat.addServlet(context, "default", "org.apache.catalina.servlets.DefaultServlet");
        context.addServletMapping("/", "default");

        FilterDef def = new FilterDef();
        def.setFilterName("sessionkit");
        if (filter instanceof TestApp.FilterSetup.Instance instance) {
            def.setFilter(instance.filter());
            def.setFilterClass(instance.filter().getClass().getName());
        } else {
            TestApp.FilterSetup.Declared declared = (TestApp.FilterSetup.Declared) filter;
            def.setFilterClass(declared.filterClass().getName());
            declared.initParams().forEach(def::addInitParameter);
        }
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("sessionkit");
        map.addURLPattern("/*");
        map.setDispatcher("REQUEST");
        context.addFilterMap(map);

        int n = 0;
        for (Map.Entry<String, HttpServlet> servlet : TestApp.servlets().entrySet()) {
            String name = "app-" + n++;
            Tomcat.addServlet(context, name, servlet.getValue());
            context.addServletMapping(servlet.getKey(), name);
        }
        context.addApplicationListener(ContainerSessionListener.class.getName());
        customizer.accept(tomcat, context);

        tomcat.start();
        // A filter whose init throws leaves the context FAILED (then stopped), while start() itself returns.
        LifecycleState state = context.getState();
        if (!state.isAvailable() || connector.getLocalPort() <= 0) {
            close();
            throw new IllegalStateException("deployment failed: context " + state + ", port "
                    + connector.getLocalPort());
        }
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /**
     * Stops Tomcat, and fails when its leak detection (run when the web app's class loader stops) reported a thread
     * or ThreadLocal the web app left behind.
     */
    @Override
    public void close() throws LifecycleException, IOException {
        try {
            if (tomcat != null) {
                tomcat.stop();
                tomcat.destroy();
            }
        } finally {
            tomcat = null;
            LEAK_LOG.removeHandler(leakRecorder);
            deleteBaseDir();
        }
        if (!leaks.isEmpty()) {
            List<String> found = List.copyOf(leaks);
            leaks.clear();
            throw new AssertionError("Tomcat found leaks at undeploy: " + found);
        }
    }

    /**
     * Tomcat's warnings about one of its own connector workers whose stack, taken a moment later, shows it idle in
     * its pool waiting for work: "still processing a request" (the request had just finished, the client already had
     * its answer, when the check ran), or "started a thread ... but has failed to stop it" (a worker the pool created
     * while serving this app, so it carries the app's class loader until the connector stops, right after). A request
     * really stuck in app code shows that code in the stack, and a thread the app started has another name; both are
     * still reported.
     */
    private static boolean isIdleWorker(String message) {
        if (message == null || !message.contains("TaskQueue.take")) {
            return false;
        }
        return message.contains("is still processing a request that has yet to finish")
                || (message.contains("but has failed to stop it") && CONNECTOR_WORKER.matcher(message).find());
    }

    private void deleteBaseDir() throws IOException {
        if (baseDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(baseDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
        baseDir = null;
    }

    @Override
    public String name() {
        return "tomcat-" + ServerInfo.getServerNumber();
    }

    /**
     * Checks that the Tomcat the build meant to test is the one running, and that the servlet API classes are
     * Tomcat's own (not a {@code jakarta.servlet-api} jar shadowing them): a Failsafe execution with a wrong
     * classpath then fails instead of testing another version in silence.
     */
    public static void assertExpectedTomcat() {
        String expected = System.getProperty(EXPECTED_VERSION_PROPERTY);
        org.junit.jupiter.api.Assumptions.assumeTrue(expected != null,
                EXPECTED_VERSION_PROPERTY + " is not set (not run by the build's Failsafe executions)");
        assertTrue(ServerInfo.getServerNumber().startsWith(expected),
                "expected Tomcat " + expected + "*, running " + ServerInfo.getServerInfo());
        assertEquals(locationOf(Tomcat.class), locationOf(jakarta.servlet.Servlet.class),
                "the servlet API must come from tomcat-embed-core");
    }

    private static URL locationOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
