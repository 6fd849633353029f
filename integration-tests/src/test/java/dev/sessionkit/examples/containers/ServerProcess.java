package dev.sessionkit.examples.containers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A server started as a child process for an IT, never outliving the test: it is stopped in {@code close()}, by a
 * JVM shutdown hook if the test JVM is stopped, and by a small shell watchdog (next to the server) if the test JVM
 * dies without running hooks. Output goes to a log file.
 */
public final class ServerProcess implements AutoCloseable {

    private static final HttpClient PROBE = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final Process process;
    private final Path log;
    private final Thread hook;
    private final long started = System.nanoTime();

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.hook = new Thread(this::kill, "kill " + process.pid());
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts {@code prefix sh -c 'setup; watchdog & exec command'}: the server process is the one the shell
     * replaces itself with, so its PID is {@link #pid()}.
     *
     * @param prefix what runs the shell, e.g. {@code unshare -n}; may be empty
     * @param setup shell lines run first, e.g. {@code ip link set lo up || exit 97}; may be empty
     * @param command the server's command line
     * @param workDir its working directory (relative paths of the app land here)
     * @param env variables to add to a cleaned copy of this JVM's environment
     * @param log file for standard output and error
     * @return the started process
     * @throws IOException if it cannot be started
     */
    public static ServerProcess start(List<String> prefix, String setup, List<String> command, Path workDir,
            Map<String, String> env, Path log) throws IOException {
        String script = (setup.isBlank() ? "" : setup + "\n")
                + "pid=$$\n"
                + "( while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null && kill -0 $pid 2>/dev/null;"
                + " do sleep 1; done\n"
                + "  if kill -0 $pid 2>/dev/null; then kill -TERM $pid; sleep 10; kill -KILL $pid 2>/dev/null; fi"
                + " ) </dev/null >/dev/null 2>&1 &\n"
                + "exec \"$@\"\n";
        List<String> full = new ArrayList<>(prefix);
        full.addAll(List.of("sh", "-c", script, "sh"));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        environment(builder, env);
        Process process = builder.start();
        process.getOutputStream().close();
        return new ServerProcess(process, log);
    }

    /**
     * Runs a short command (e.g. {@code catalina.sh stop}) to its end, killing it after the timeout.
     *
     * @return its exit code, or -1 if it had to be killed
     */
    static int run(List<String> command, Path workDir, Map<String, String> env, Path log, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        environment(builder, env);
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return -1;
            }
            return process.exitValue();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** This JVM's environment without anything that would change how the server starts, plus {@code env}. */
    private static void environment(ProcessBuilder builder, Map<String, String> env) {
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("SESSIONKIT_") || name.startsWith("CATALINA_")
                || List.of("JAVA_OPTS", "JRE_HOME", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH")
                        .contains(name));
        environment.putAll(env);
    }

    public long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Waits until {@code url} answers 200 {@code pong}; fails early if the process ends.
     *
     * @param url the public ping, e.g. {@code http://127.0.0.1:8080/sessionkit-demo/ping}
     * @param timeout how long to wait at most
     * @param deployFailed a log line that means the app will never come up, to fail at once instead of waiting
     * @return how long it took since the process started
     */
    public Duration awaitPong(URI url, Duration timeout, Pattern deployFailed) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("the server process ended with exit code " + process.exitValue() + " before " + url
                        + " answered\n" + tail(60));
            }
            if (logLines().stream().anyMatch(line -> deployFailed.matcher(line).find())) {
                fail("the demo WAR failed to deploy (the log says /" + deployFailed.pattern() + "/):\n"
                        + String.join("\n", logLines().stream().filter(line -> line.contains("SEVERE")
                                || line.contains("Exception") || line.contains("Caused by")).limit(40).toList()));
            }
            try {
                HttpResponse<String> response = PROBE.send(HttpRequest.newBuilder(url)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && "pong".equals(response.body())) {
                    return uptime();
                }
                last = response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        fail(url + " did not answer pong within " + timeout + " (last: " + last + ")\n" + tail(60));
        return null;
    }

    /**
     * Waits for the process to end by itself (after a shutdown command).
     *
     * @param timeout how long to wait
     * @return true if it ended
     */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The last lines of the log, for failure messages.
     *
     * @param lines how many
     * @return the lines, joined
     */
    public String tail(int lines) {
        List<String> all = logLines();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    List<String> logLines() {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the process and everything it started: SIGTERM, then SIGKILL after 15 s. */
    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down; the hook runs anyway
        }
    }

    private void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Returns a free TCP port on 127.0.0.1 (free when asked; the server binds it moments later).
     *
     * @return the port
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Skips the test with a message outside CI, fails it in CI ({@code CI=true}).
     *
     * @param message why the test cannot run here
     */
    static void skipOrFailOnCi(String message) {
        if (onCi()) {
            fail(message + " (CI=true, so this is a failure, not a skip)");
        }
        Assumptions.abort(message);
    }

    /**
     * A path the build hands over as a system property (see integration-tests/pom.xml, Failsafe): skipped when run
     * without the build (e.g. from an IDE) outside CI, a failure when the file is missing.
     *
     * @param property the system property
     * @return the existing path
     */
    public static Path fromBuild(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            skipOrFailOnCi("system property " + property + " is not set: run this IT through Maven "
                    + "(mvn verify -pl integration-tests -am), which downloads the servers and sets it");
        }
        Path path = Path.of(value);
        if (!Files.exists(path)) {
            fail(property + " = " + path + " does not exist; the build's pre-integration-test phase should have "
                    + "put it there");
        }
        return path;
    }

    static String shellQuote(Object value) {
        return "'" + value.toString().replace("'", "'\"'\"'") + "'";
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
