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
import java.time.Duration;
import java.util.ArrayList;
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
 */
abstract class AbstractTomcatDistributionIT {

    private static final String CONTEXT = "sessionkit-demo";
    private static final Pattern LEAK = Pattern.compile(
            "memory leak|failed to stop it|failed to unregister it|failed to remove it", Pattern.CASE_INSENSITIVE);

    private final String homeProperty;
    private final String versionProperty;

    @TempDir
    Path tmp;

    AbstractTomcatDistributionIT(String homeProperty, String versionProperty) {
        this.homeProperty = homeProperty;
        this.versionProperty = versionProperty;
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
        String password = "it-" + UUID.randomUUID();
        Map<String, String> env = Map.of(
                "CATALINA_HOME", home.toString(),
                "CATALINA_BASE", base.toString(),
                "JAVA_HOME", System.getProperty("java.home"),
                "SESSIONKIT_DEMO_PASSWORD", password,
                "SESSIONKIT_DEMO_DATA", demoData.toString(),
                "SESSIONKIT_JDBC_URL", "jdbc:h2:file:" + database);
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
        assertTrue(all.contains("Deployment of web application archive"), "the WAR was deployed");
        List<String> bad = new ArrayList<>();
        for (String line : log) {
            if (line.contains(" SEVERE ") || LEAK.matcher(line).find()) {
                bad.add(line);
            }
        }
        assertEquals(List.of(), bad, "SEVERE or leak lines in Tomcat's log");
        assertTrue(Files.exists(demoData.resolve("demo-users.properties")), "SESSIONKIT_DEMO_DATA reached the app");
        System.out.printf(Locale.ROOT, "Tomcat %s: pong %.1f s after start, smoke test %.1f s, stop %.1f s; "
                + "session database %s%n", version, ready.toMillis() / 1000.0, smoke.toMillis() / 1000.0,
                stop.toMillis() / 1000.0, where(database, workDir));
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

    /** Where the session database went: SESSIONKIT_JDBC_URL, or the WAR's relative default in the work dir. */
    static String where(Path database, Path workDir) {
        if (Files.exists(database.resolveSibling(database.getFileName() + ".mv.db"))) {
            return "at SESSIONKIT_JDBC_URL";
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            return files.filter(p -> p.toString().endsWith(".mv.db")).findFirst()
                    .map(p -> "at " + workDir.relativize(p) + " in the server's working dir (SESSIONKIT_JDBC_URL "
                            + "did not apply: the WAR's sessionkit.properties sets jdbc-url, and it ranks above "
                            + "the environment)")
                    .orElse("not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
