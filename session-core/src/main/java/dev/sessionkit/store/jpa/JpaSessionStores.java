package dev.sessionkit.store.jpa;

import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.StoreUnreachableException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import javax.sql.DataSource;

/**
 * Opens the database store from a JDBC URL (EclipseLink pools the connections) or from a container
 * {@link DataSource} (the container pools them). Opening checks everything that can be checked before the first
 * request and fails fast with an {@link InvalidSettingException} naming the setting and the fix: an unreachable
 * database, an unsupported one, missing tables or columns.
 */
public final class JpaSessionStores {

    private static final int POOL_SIZE = 16;
    /** Longest wait for a write connection; enforced by {@link Transactions}, as EclipseLink's pool waits forever. */
    private static final int POOL_WAIT_MILLIS = 5_000;
    /** Longest any one statement may run; longer than the pool wait so that a queue behind a lock can drain. */
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(10);

    private JpaSessionStores() {
    }

    /**
     * Registers the JDBC drivers the web app itself ships. DriverManager finds drivers once, through the class
     * loader that first used it; in Tomcat that is the server's, which cannot see a driver in WEB-INF/lib. Loading
     * the drivers through the thread's context class loader registers them (JDBC drivers register themselves).
     */
    private static void registerAppDrivers() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            return;
        }
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
        while (true) {
            try {
                if (!drivers.hasNext()) {
                    return;
                }
                drivers.next();
            } catch (ServiceConfigurationError broken) {
                // One broken driver jar must not hide the others; DriverManager will name the URL it cannot serve.
                System.getLogger(JpaSessionStores.class.getName()).log(System.Logger.Level.WARNING,
                        "Skipping a JDBC driver that cannot be loaded: " + broken.getMessage());
            }
        }
    }

    /**
     * Opens the store on a JDBC URL; the driver must be on the classpath.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://db/app}
     * @param user the database user
     * @param password the password, never logged
     * @param schema what to do about the tables
     * @return the open store; close it on shutdown
     * @throws InvalidSettingException naming {@code jdbc-url} or {@code schema} when the store cannot work
     */
    public static JpaSessionStore open(String jdbcUrl, String user, String password, SchemaMode schema) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        // The driver may quote the URL, or bits of it, in its own words: mask the known secrets wherever they are.
        CredentialRedactor redactor = CredentialRedactor.patterns().alsoHiding(Arrays.asList(password))
                .alsoHidingSecretsOf(jdbcUrl);
        String where = redactor.redact(jdbcUrl);
        SqlDialect dialect;
        registerAppDrivers();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            dialect = SchemaPreparation.prepare(connection, schema, "jdbc-url", where, redactor);
        } catch (SQLException e) {
            throw new StoreUnreachableException("jdbc-url", "Cannot connect to the session database " + where
                    + " as user '" + redactor.redact(user) + "': " + sentence(redactor.redact(String.valueOf(
                            e.getMessage())))
                    + " Check jdbc-url, jdbc-user and jdbc-password, and that the database is running.",
                    redactor.redactedCopy(e));
        }
        StoreHealth health = StoreHealth.create(Clock.systemUTC());
        Properties properties = EclipseLinkSetup.ownPool(dialect, health, jdbcUrl, user, password, POOL_SIZE,
                POOL_WAIT_MILLIS);
        return new JpaSessionStore(EclipseLinkSetup.factory(null, properties), dialect, health, POOL_SIZE,
                POOL_WAIT_MILLIS,
                Optional.of(() -> DriverManager.getConnection(jdbcUrl, user, password)));
    }

    /**
     * Opens the store on a DataSource, typically the container's, looked up by the {@code datasource} setting.
     *
     * @param dataSource the pooled data source
     * @param schema what to do about the tables
     * @return the open store; close it on shutdown (the data source stays the container's)
     * @throws InvalidSettingException naming {@code datasource} or {@code schema} when the store cannot work
     */
    public static JpaSessionStore open(DataSource dataSource, SchemaMode schema) {
        Objects.requireNonNull(dataSource, "dataSource");
        SqlDialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = SchemaPreparation.prepare(connection, schema, "datasource", "the configured DataSource",
                    CredentialRedactor.patterns());
        } catch (SQLException e) {
            throw new StoreUnreachableException("datasource", "Cannot get a connection from the session DataSource: "
                    + sentence(CredentialRedactor.redactText(String.valueOf(e.getMessage())))
                    + " Check the container's DataSource definition and that the database is running.",
                    CredentialRedactor.patterns().redactedCopy(e));
        }
        StoreHealth health = StoreHealth.create(Clock.systemUTC());
        return new JpaSessionStore(EclipseLinkSetup.factory(dataSource, EclipseLinkSetup.containerPool(dialect,
                health)), dialect, health,
                Optional.of(dataSource::getConnection));
    }

    /** A driver's message as one sentence: trimmed, ending with exactly one period. */
    private static String sentence(String message) {
        String trimmed = message.strip();
        while (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed + ".";
    }
}
