package dev.sessionkit.examples.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unchanged demo WAR in a real Tomcat distribution from Maven Central (unpacked by the build into
 * {@code target/containers}): a fresh CATALINA_BASE in a temp dir whose {@code server.xml} binds the connector and
 * the shutdown port to 127.0.0.1 on free ports, {@code catalina.sh run} as a child process, the smoke test over
 * HTTP, {@code catalina.sh stop}, then no SEVERE line and no leak warning in Tomcat's logs.
 *
 * <p>With {@code containerDataSource}, the same WAR uses a DataSource Tomcat defines instead of a JDBC URL: the H2
 * driver in {@code CATALINA_BASE/lib}, a {@code <Resource name="jdbc/sessions">} in the context file
 * {@code conf/Catalina/localhost/sessionkit-demo.xml}, {@code SESSIONKIT_DATASOURCE=jdbc/sessions} (and no
 * {@code SESSIONKIT_JDBC_URL}); after the stop, the database behind the DataSource must hold the smoke test's
 * sessions.
 */
abstract class AbstractTomcatDistributionIT {

    private static final String CONTEXT = "sessionkit-demo";
    private static final String DATASOURCE = "jdbc/sessions";
    private static final Pattern LEAK = Pattern.compile(
            "memory leak|failed to stop it|failed to unregister it|failed to remove it", Pattern.CASE_INSENSITIVE);

    private final String homeProperty;
    private final String versionProperty;
    private final boolean containerDataSource;

    @TempDir
    Path tmp;

    AbstractTomcatDistributionIT(String homeProperty, String versionProperty) {
        this(homeProperty, versionProperty, false);
    }

    AbstractTomcatDistributionIT(String homeProperty, String versionProperty, boolean containerDataSource) {
        this.homeProperty = homeProperty;
        this.versionProperty = versionProperty;
        this.containerDataSource = containerDataSource;
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void theUnchangedWarPassesTheSmokeTest() throws Exception {
        Path home = ServerProcess.fromBuild(homeProperty);
        Path war = ServerProcess.fromBuild("sessionkit.it.war");
        String version = System.getProperty(versionProperty, "?");
        Path base = catalinaBase(home);
        Files.copy(war, base.resolve("webapps").resolve(CONTEXT + ".war"));
        int httpPort = ServerProcess.freePort();
        int shutdownPort = ServerProcess.freePort();
        bindToLoopback(base.resolve("conf/server.xml"), httpPort, shutdownPort);

        Path workDir = Files.createDirectories(tmp.resolve("cwd"));
        Path demoData = tmp.resolve("demo-data");
        Path database = tmp.resolve("db").resolve("sessionkit");
        Path dsDatabase = tmp.resolve("ds-sessions");
        String password = "it-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>(Map.of(
                "CATALINA_HOME", home.toString(),
                "CATALINA_BASE", base.toString(),
                "JAVA_HOME", System.getProperty("java.home"),
                "SESSIONKIT_DEMO_PASSWORD", password,
                "SESSIONKIT_DEMO_DATA", demoData.toString()));
        if (containerDataSource) {
            defineDataSource(base, dsDatabase);
            env.put("SESSIONKIT_DATASOURCE", DATASOURCE);
        } else {
            env.put("SESSIONKIT_JDBC_URL", "jdbc:h2:file:" + database);
        }
        URI app = URI.create("http://127.0.0.1:" + httpPort + "/" + CONTEXT + "/");
        String catalina = home.resolve("bin/catalina.sh").toString();

        Duration ready;
        Duration smoke;
        Duration stop;
        try (ServerProcess tomcat = ServerProcess.start(List.of(), "", List.of("sh", catalina, "run"), workDir,
                env, tmp.resolve("catalina-run.log"))) {
            ready = tomcat.awaitPong(app.resolve("ping"), Duration.ofSeconds(60),
                    Pattern.compile("Context \\[/" + CONTEXT + "\\] startup failed"));
            long t0 = System.nanoTime();
            DemoSmoke.run(app, password);
            smoke = Duration.ofNanos(System.nanoTime() - t0);

            t0 = System.nanoTime();
            assertEquals(0, ServerProcess.run(List.of("sh", catalina, "stop"), workDir, env,
                    tmp.resolve("catalina-stop.log"), Duration.ofSeconds(30)), "catalina.sh stop");
            assertTrue(tomcat.awaitExit(Duration.ofSeconds(30)), "Tomcat did not stop within 30 s after "
                    + "catalina.sh stop\n" + tomcat.tail(40));
            stop = Duration.ofNanos(System.nanoTime() - t0);
        }

        List<String> log = tomcatLog(base);
        String all = String.join("\n", log);
        assertTrue(all.contains("Apache Tomcat/" + version), "the log names Apache Tomcat/" + version);
        if (containerDataSource) {
            assertTrue(all.contains("Deployment of deployment descriptor"), "the WAR was deployed through the "
                    + "context file conf/Catalina/localhost/" + CONTEXT + ".xml");
        } else {
            assertTrue(all.contains("Deployment of web application archive"), "the WAR was deployed");
        }
        List<String> bad = new ArrayList<>();
        for (String line : log) {
            if (line.contains(" SEVERE ") || LEAK.matcher(line).find()) {
                bad.add(line);
            }
        }
        assertEquals(List.of(), bad, "SEVERE or leak lines in Tomcat's log");
        assertTrue(Files.exists(demoData.resolve("demo-users.properties")), "SESSIONKIT_DEMO_DATA reached the app");
        String sessionDatabase = containerDataSource ? sessionsThroughDataSource(dsDatabase, workDir)
                : where(database, workDir);
        System.out.printf(Locale.ROOT, "Tomcat %s: pong %.1f s after start, smoke test %.1f s, stop %.1f s; "
                + "session database %s%n", version, ready.toMillis() / 1000.0, smoke.toMillis() / 1000.0,
                stop.toMillis() / 1000.0, sessionDatabase);
    }

    /**
     * The H2 driver (the jar on this test's classpath, the same version the WAR ships) in {@code CATALINA_BASE/lib},
     * and the DataSource in the app's context file; the WAR itself stays as built.
     */
    private static void defineDataSource(Path base, Path dsDatabase) throws Exception {
        Path driverJar = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isRegularFile(driverJar) && driverJar.toString().endsWith(".jar"),
                "the H2 driver on the test classpath is a jar: " + driverJar);
        Path lib = Files.createDirectories(base.resolve("lib"));
        Files.copy(driverJar, lib.resolve(driverJar.getFileName()));
        Path contextFile = base.resolve("conf/Catalina/localhost").resolve(CONTEXT + ".xml");
        Files.createDirectories(contextFile.getParent());
        Files.writeString(contextFile, "<Context>\n"
                + "  <Resource name=\"" + DATASOURCE + "\" auth=\"Container\" type=\"javax.sql.DataSource\"\n"
                + "            driverClassName=\"org.h2.Driver\" url=\"jdbc:h2:file:" + dsDatabase + "\"\n"
                + "            username=\"sa\" password=\"\" maxTotal=\"8\"/>\n"
                + "</Context>\n", StandardCharsets.UTF_8);
    }

    /**
     * After the stop: the database behind the container's DataSource holds the smoke test's sessions (alice's two
     * sign-ins, the phone's ended by the laptop), and no database of Sessionkit's own was opened instead.
     */
    private static String sessionsThroughDataSource(Path dsDatabase, Path workDir) throws IOException, SQLException {
        assertTrue(Files.exists(dsDatabase.resolveSibling(dsDatabase.getFileName() + ".mv.db")),
                "the DataSource's database file exists: " + dsDatabase + ".mv.db");
        try (Stream<Path> files = Files.walk(workDir)) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".mv.db")).toList(),
                    "no database of Sessionkit's own (the jdbc-url default) in the server's working dir");
        }
        int total;
        int revoked;
        int active;
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dsDatabase, "sa", "");
                Statement statement = connection.createStatement()) {
            total = count(statement, "SELECT COUNT(*) FROM sessionkit_session");
            assertEquals(total, count(statement, "SELECT COUNT(*) FROM sessionkit_session WHERE username = 'alice'"),
                    "every session is alice's");
            revoked = count(statement, "SELECT COUNT(*) FROM sessionkit_session WHERE status = 'ended' "
                    + "AND end_reason = 'revoked-by-user'");
            active = count(statement, "SELECT COUNT(*) FROM sessionkit_session WHERE status = 'active'");
        }
        assertTrue(total >= 2, "the smoke test's two sign-ins in the DataSource's database, found " + total);
        assertEquals(1, revoked, "the phone's session ended by the laptop (end_reason revoked-by-user)");
        assertTrue(active >= 1, "the laptop's session is still active, found " + active);
        return "through the container DataSource " + DATASOURCE + " (" + total + " sessions, " + revoked
                + " revoked-by-user)";
    }

    private static int count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertTrue(result.next(), sql);
            return result.getInt(1);
        }
    }

    /** A CATALINA_BASE of our own: the distribution's conf, empty logs, temp, webapps and work. */
    private Path catalinaBase(Path home) throws IOException {
        Path base = tmp.resolve("catalina-base");
        for (String dir : new String[] {"logs", "temp", "webapps", "work"}) {
            Files.createDirectories(base.resolve(dir));
        }
        Path conf = home.resolve("conf");
        try (Stream<Path> files = Files.walk(conf)) {
            for (Path file : files.toList()) {
                Path target = base.resolve("conf").resolve(conf.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return base;
    }

    /** Connector and shutdown port on 127.0.0.1 only; fails if the stock server.xml has changed shape. */
    static void bindToLoopback(Path serverXml, int httpPort, int shutdownPort) throws IOException {
        String xml = Files.readString(serverXml, StandardCharsets.UTF_8);
        xml = replaceOnce(xml, "<Server port=\"8005\"",
                "<Server address=\"127.0.0.1\" port=\"" + shutdownPort + "\"");
        xml = replaceOnce(xml, "<Connector port=\"8080\"",
                "<Connector address=\"127.0.0.1\" port=\"" + httpPort + "\"");
        String active = xml.replaceAll("(?s)<!--.*?-->", "");
        Matcher connectors = Pattern.compile("<Connector\\b").matcher(active);
        int count = 0;
        while (connectors.find()) {
            count++;
        }
        assertEquals(1, count, "exactly one active Connector in " + serverXml);
        Files.writeString(serverXml, xml, StandardCharsets.UTF_8);
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        if (at < 0 || text.indexOf(target, at + 1) >= 0) {
            fail("expected exactly one " + target + " in server.xml");
        }
        return text.replace(target, replacement);
    }

    private List<String> tomcatLog(Path base) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(tmp.resolve("catalina-run.log")));
        try (Stream<Path> logs = Files.list(base.resolve("logs"))) {
            for (Path file : logs.sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    /** Checks the sessions went where SESSIONKIT_JDBC_URL said: the environment beats the demo's defaults. */
    static String where(Path database, Path workDir) {
        assertTrue(Files.exists(database.resolveSibling(database.getFileName() + ".mv.db")),
                "the session database is at SESSIONKIT_JDBC_URL, not in the server's working dir " + workDir);
        return "at SESSIONKIT_JDBC_URL";
    }
}
