package dev.sessionkit.examples.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.examples.containers.ServerProcess;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.testing.PostgresServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demo node dies by {@code kill -9} (no shutdown hook, nothing flushed) while its users are active: no session may
 * be lost, and each session's last access in the database may lag its last request by at most {@code touch-interval}
 * (plus a second for buffered activity writes). A second node on the same PostgreSQL database then serves the same
 * cookies, as a load balancer would send them there.
 */
@ExtendWith(PostgresServer.Resolver.class)
class KilledNodeIT {

    private static final Duration TOUCH_INTERVAL = Duration.ofSeconds(2);
    /** Activity lasts a few touch intervals, so the database has recorded some and may lag on the rest. */
    private static final Duration ACTIVITY = Duration.ofSeconds(5);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path tmp;

    /** One signed-in browser and what the test saw of it. */
    private static final class User {
        final String name;
        final Browser browser;
        String sessionId;
        Instant lastServed;

        User(String name, Browser browser) {
            this.name = name;
            this.browser = browser;
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aKilledNodeLosesNoSessionAndAnotherNodeServesTheSameCookies(PostgresServer postgres) throws Exception {
        Path jar = ServerProcess.fromBuild("sessionkit.it.demo-jar");
        String jdbcUrl = postgres.newDatabase();
        String password = "it-" + UUID.randomUUID();
        Map<String, String> env = Map.of(
                "SESSIONKIT_JDBC_URL", jdbcUrl,
                "SESSIONKIT_JDBC_USER", "postgres",
                "SESSIONKIT_TOUCH_INTERVAL", "PT" + TOUCH_INTERVAL.toSeconds() + "S",
                "SESSIONKIT_DEMO_PASSWORD", password,
                "SESSIONKIT_DEMO_DATA", tmp.resolve("demo-data").toString());

        List<User> users = new ArrayList<>();
        Duration killedAfter;
        try (Node first = startNode(jar, env, "first")) {
            URI base = URI.create("http://127.0.0.1:" + first.port + "/");
            for (String name : List.of("alice", "alice", "bob")) {
                User user = new User(name, new Browser(base));
                HttpResponse<String> login = user.browser.post("/login",
                        Map.of("username", name, "password", password));
                assertEquals(303, login.statusCode(), "sign in as " + name);
                user.sessionId = sessionId(user.browser);
                users.add(user);
            }

            long end = System.nanoTime() + ACTIVITY.toNanos();
            while (System.nanoTime() - end < 0) {
                for (User user : users) {
                    Instant sent = Instant.now();
                    HttpResponse<String> ping = user.browser.get("/app/ping");
                    assertEquals("pong", ping.body(), user.name + " is served while active");
                    user.lastServed = sent;
                }
                // A user's clicks are spread over time; the gap only shapes the traffic.
                Thread.sleep(150);
            }

            long t0 = System.nanoTime();
            ProcessHandle.of(first.process.pid()).ifPresent(ProcessHandle::destroyForcibly);
            assertTrue(first.process.awaitExit(Duration.ofSeconds(15)), "kill -9 ends the node");
            killedAfter = Duration.ofNanos(System.nanoTime() - t0);
        }

        Map<String, Row> rows = rows(jdbcUrl);
        assertEquals(users.stream().map(u -> u.sessionId).sorted().toList(), rows.keySet().stream().sorted().toList(),
                "every session row is still there, and no other");
        StringBuilder lags = new StringBuilder();
        for (User user : users) {
            Row row = rows.get(user.sessionId);
            assertEquals("active", row.status, user.name + "'s session is still active");
            Instant floor = user.lastServed.minus(TOUCH_INTERVAL).minusSeconds(1);
            assertTrue(!row.lastAccessed.isBefore(floor), user.name + "'s last access " + row.lastAccessed
                    + " lags the last request " + user.lastServed + " by more than touch-interval + 1 s");
            lags.append(String.format(Locale.ROOT, " %s %d ms;", user.name,
                    Duration.between(row.lastAccessed, user.lastServed).toMillis()));
        }

        Duration secondReady;
        try (Node second = startNode(jar, env, "second")) {
            secondReady = second.ready;
            URI base = URI.create("http://127.0.0.1:" + second.port + "/");
            for (User user : users) {
                Browser moved = new Browser(base);
                moved.cookies().putAll(user.browser.cookies());
                assertEquals("pong", moved.get("/app/ping").body(), user.name + "'s cookie works on the second node");
                assertEquals(user.sessionId, sessionId(moved), "the same session");
            }
        }
        System.out.printf(Locale.ROOT, "Killed node (kill -9, touch-interval %s): %d sessions kept, all active; "
                + "last-access lag behind the last request:%s node died %d ms after SIGKILL; second node served the "
                + "same cookies (ready after %.1f s)%n", TOUCH_INTERVAL, users.size(), lags, killedAfter.toMillis(),
                secondReady.toMillis() / 1000.0);
    }

    /** A demo JVM and where it listens. */
    private static final class Node implements AutoCloseable {
        final ServerProcess process;
        final int port;
        final Duration ready;

        Node(ServerProcess process, int port, Duration ready) {
            this.process = process;
            this.port = port;
            this.ready = ready;
        }

        @Override
        public void close() {
            process.close();
        }
    }

    private Node startNode(Path jar, Map<String, String> env, String name) throws Exception {
        int port = ServerProcess.freePort();
        Map<String, String> withPort = new HashMap<>(env);
        withPort.put("SESSIONKIT_PORT", String.valueOf(port));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path workDir = Files.createDirectories(tmp.resolve(name));
        ServerProcess process = ServerProcess.start(List.of(), "",
                List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()),
                workDir, withPort, tmp.resolve(name + ".log"));
        try {
            Duration ready = process.awaitPong(URI.create("http://127.0.0.1:" + port + "/ping"),
                    Duration.ofSeconds(60), Pattern.compile("could not start|Sessionkit cannot start"));
            return new Node(process, port, ready);
        } catch (Throwable failed) {
            process.close();
            throw failed;
        }
    }

    private static String sessionId(Browser browser) {
        HttpResponse<String> current = browser.get("/api/sessions/current", "Accept", "application/json");
        assertEquals(200, current.statusCode(), current.body());
        Matcher id = ID.matcher(current.body());
        assertTrue(id.find(), current.body());
        return id.group(1);
    }

    /** A session row as the database holds it. */
    private record Row(String status, Instant lastAccessed) {
    }

    private static Map<String, Row> rows(String jdbcUrl) throws Exception {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT id, status, last_accessed_at FROM sessionkit_session")) {
            while (rs.next()) {
                rows.put(rs.getString(1), new Row(rs.getString(2),
                        Optional.ofNullable(rs.getObject(3, OffsetDateTime.class)).orElseThrow().toInstant()));
            }
        }
        return rows;
    }
}
