package dev.sessionkit.examples.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unchanged demo WAR in Payara Micro 6 from Maven Central, <strong>only inside a private network
 * namespace</strong> that has nothing but its own loopback: Payara listens on all interfaces whatever its options
 * (Hazelcast on 6900, an H2 TCP server), so it must never run in the machine's namespace.
 *
 * <p>The JVM runs as {@code unshare -n sh -c 'ip link set lo up; relay &; exec java -jar payara-micro.jar ...'}.
 * The smoke test's HTTP client cannot reach that loopback directly, so {@link UnixSocketRelay} carries its
 * connections: the inner half (a small JVM started in the same namespace) connects to Payara on the namespace's
 * 127.0.0.1, the outer half listens on our 127.0.0.1; the two meet at a Unix socket in the test's temp dir. The
 * requests are made, and the assertions checked, here in the test, against the real server.
 *
 * <p>Needs {@code unshare} and {@code ip} and the right to create a network namespace (root, or unprivileged user
 * namespaces for {@code unshare -r -n}). Without them the test is skipped with the reason, and fails in CI
 * ({@code CI=true}).
 */
class PayaraMicroIT {

    private static final String CONTEXT = "sessionkit-demo";
    /** Payara's HTTP port inside the namespace: private, so it cannot clash with anything. */
    private static final int INNER_PORT = 8080;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void theUnchangedWarPassesTheSmokeTestInsideAPrivateNetworkNamespace() throws Exception {
        Path jar = ServerProcess.fromBuild("sessionkit.it.payara.jar");
        Path war = ServerProcess.fromBuild("sessionkit.it.war");
        List<String> namespace = privateNetworkNamespace();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path testClasses = Path.of(UnixSocketRelay.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path socket = tmp.resolve("http.sock");
        Path workDir = Files.createDirectories(tmp.resolve("cwd"));
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Path demoData = tmp.resolve("demo-data");
        Path database = tmp.resolve("db").resolve("sessionkit");
        String password = "it-" + UUID.randomUUID();

        String setup = "ip link set lo up || exit 97\n"
                + ServerProcess.shellQuote(java) + " -Xmx32m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "
                + ServerProcess.shellQuote(testClasses) + " " + UnixSocketRelay.class.getName() + " "
                + ServerProcess.shellQuote(socket) + " " + INNER_PORT + " &";
        List<String> payara = List.of(java, "-Djava.io.tmpdir=" + javaTmp, "-jar", jar.toString(),
                "--deploy", war.toString(), "--contextroot", CONTEXT, "--port", String.valueOf(INNER_PORT),
                "--nocluster", "--rootdir", tmp.resolve("payara-root").toString());
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "SESSIONKIT_DEMO_PASSWORD", password,
                "SESSIONKIT_DEMO_DATA", demoData.toString(),
                "SESSIONKIT_JDBC_URL", "jdbc:h2:file:" + database);

        Duration ready;
        Duration smoke;
        Duration stop;
        ServerProcess server = null;
        try (UnixSocketRelay relay = UnixSocketRelay.loopbackToSocket(socket)) {
            server = ServerProcess.start(namespace, setup, payara, workDir, env, tmp.resolve("payara.log"));
            URI app = URI.create("http://127.0.0.1:" + relay.port() + "/" + CONTEXT + "/");
            ready = server.awaitPong(app.resolve("ping"), Duration.ofSeconds(120),
                    Pattern.compile("Exception while loading the app|Startup of context /" + CONTEXT + " failed"));
            assertNotEquals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")),
                    Files.readSymbolicLink(Path.of("/proc", String.valueOf(server.pid()), "ns", "net")),
                    "Payara runs in a network namespace of its own");
            long t0 = System.nanoTime();
            DemoSmoke.run(app, password);
            smoke = Duration.ofNanos(System.nanoTime() - t0);
            t0 = System.nanoTime();
            server.close();
            stop = Duration.ofNanos(System.nanoTime() - t0);
        } finally {
            if (server != null) {
                server.close();
            }
        }

        List<String> log = server.logLines();
        String all = String.join("\n", log);
        assertTrue(all.contains("Payara Micro") && all.contains("ready in"), "Payara Micro reported ready");
        List<String> severe = new ArrayList<>();
        for (String line : log) {
            if (line.contains("SEVERE")) {
                severe.add(line);
            }
        }
        assertEquals(List.of(), severe, "SEVERE lines in Payara's log");
        assertTrue(Files.exists(demoData.resolve("demo-users.properties")), "SESSIONKIT_DEMO_DATA reached the app");
        System.out.printf(Locale.ROOT, "Payara Micro (%s, private network namespace via %s): pong %.1f s after "
                + "start, smoke test %.1f s, stop %.1f s; session database %s%n", jar.getFileName(),
                String.join(" ", namespace), ready.toMillis() / 1000.0, smoke.toMillis() / 1000.0,
                stop.toMillis() / 1000.0, AbstractTomcatDistributionIT.where(database, workDir));
    }

    /**
     * Finds how to make a network namespace with nothing but loopback here: {@code unshare -n} (root), else
     * {@code unshare -r -n} (an unprivileged user namespace). Skips, or fails in CI, when neither works.
     */
    private List<String> privateNetworkNamespace() throws Exception {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            ServerProcess.skipOrFailOnCi("Payara Micro runs only inside a private network namespace, which needs "
                    + "Linux (os.name = " + System.getProperty("os.name") + ")");
        }
        Path log = tmp.resolve("namespace-check.log");
        for (List<String> candidate : List.of(List.of("unshare", "-n"), List.of("unshare", "-r", "-n"))) {
            List<String> check = new ArrayList<>(candidate);
            check.addAll(List.of("sh", "-c", "ip link set lo up && ip -o link show | grep -v ': lo:' | "
                    + "{ ! grep -q .; }"));
            Files.writeString(log, "$ " + String.join(" ", check) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            try {
                if (ServerProcess.run(check, tmp, Map.of(), log, Duration.ofSeconds(10)) == 0) {
                    return candidate;
                }
            } catch (java.io.IOException e) {
                Files.writeString(log, e + "\n", java.nio.file.StandardOpenOption.APPEND);
            }
        }
        ServerProcess.skipOrFailOnCi("Payara Micro may only run inside a private network namespace (it listens "
                + "on all interfaces), and none could be made here with `unshare -n` or `unshare -r -n` plus `ip "
                + "link set lo up`:\n" + Files.readString(log).strip());
        return List.of();
    }
}
