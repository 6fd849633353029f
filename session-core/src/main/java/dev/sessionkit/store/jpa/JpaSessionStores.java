package dev.sessionkit.store.jpa;

import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.SchemaIncompleteException;
import dev.sessionkit.config.StoreUnreachableException;
import dev.sessionkit.config.SchemaMode;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;

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
            dialect = prepare(connection, schema, "jdbc-url", where, redactor);
        } catch (SQLException e) {
            throw new StoreUnreachableException("jdbc-url", "Cannot connect to the session database " + where
                    + " as user '" + redactor.redact(user) + "': " + sentence(redactor.redact(String.valueOf(
                            e.getMessage())))
                    + " Check jdbc-url, jdbc-user and jdbc-password, and that the database is running.",
                    redactor.redactedCopy(e));
        }
        StoreHealth health = StoreHealth.create(Clock.systemUTC());
        Properties properties = baseProperties(dialect, health, true);
        properties.put("jakarta.persistence.jdbc.url", jdbcUrl);
        properties.put("jakarta.persistence.jdbc.user", user == null ? "" : user);
        properties.put("jakarta.persistence.jdbc.password", password == null ? "" : password);
        properties.put("eclipselink.connection-pool.default.initial", "1");
        // min = max: EclipseLink closes a released connection above the minimum, so a smaller minimum made nearly
        // every concurrent write open a new database connection (measured: 1 to 2 per login, 10x fewer logins/s).
        properties.put("eclipselink.connection-pool.default.min", String.valueOf(POOL_SIZE));
        properties.put("eclipselink.connection-pool.default.max", String.valueOf(POOL_SIZE));
        properties.put("eclipselink.connection-pool.default.wait", String.valueOf(POOL_WAIT_MILLIS));
        properties.put("eclipselink.connection-pool.read.shared", "true");
        return new JpaSessionStore(factory(null, properties), dialect, health, POOL_SIZE, POOL_WAIT_MILLIS,
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
            dialect = prepare(connection, schema, "datasource", "the configured DataSource",
                    CredentialRedactor.patterns());
        } catch (SQLException e) {
            throw new StoreUnreachableException("datasource", "Cannot get a connection from the session DataSource: "
                    + sentence(CredentialRedactor.redactText(String.valueOf(e.getMessage())))
                    + " Check the container's DataSource definition and that the database is running.",
                    CredentialRedactor.patterns().redactedCopy(e));
        }
        StoreHealth health = StoreHealth.create(Clock.systemUTC());
        return new JpaSessionStore(factory(dataSource, baseProperties(dialect, health, false)), dialect, health,
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

    private static SqlDialect prepare(Connection connection, SchemaMode schema, String key, String where,
            CredentialRedactor redactor) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String product = metadata.getDatabaseProductName();
        SqlDialect dialect = SqlDialect.forProduct(product).orElseThrow(() -> new InvalidSettingException(key,
                "The session database " + where + " is " + product + ", which Sessionkit does not support. "
                        + "Use one of: " + SchemaScripts.databases() + "."));
        switch (schema) {
            case NONE -> {
                // the operator manages the schema and asked us not to look
            }
            case VALIDATE -> requireComplete(metadata, dialect, where);
            case CREATE -> {
                if (ExpectedSchema.noneExist(metadata)) {
                    createTables(connection, dialect, where, redactor);
                }
                requireComplete(metadata, dialect, where);
            }
        }
        return dialect;
    }

    private static void createTables(Connection connection, SqlDialect dialect, String where,
            CredentialRedactor redactor) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : SchemaScripts.statements(SchemaScripts.of(dialect).createScript())) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            // Another node may have created the tables at the same moment; if so the schema is now complete.
            List<String> missing = ExpectedSchema.missing(connection.getMetaData());
            if (!missing.isEmpty()) {
                throw new SchemaIncompleteException(missing, dialect.createScript(), "Creating the session tables in " + where
                        + " failed: " + redactor.redact(e.getMessage()) + ". Run " + dialect.createScript()
                        + " by hand, or grant the user the right to create tables.", redactor.redactedCopy(e));
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void requireComplete(DatabaseMetaData metadata, SqlDialect dialect, String where)
            throws SQLException {
        List<String> missing = ExpectedSchema.missing(metadata);
        if (!missing.isEmpty()) {
            String database = dialect.name().toLowerCase(java.util.Locale.ROOT);
            throw new SchemaIncompleteException(missing, dialect.createScript(), "The session tables in " + where
                    + " are missing or incomplete: " + String.join(", ", missing) + ". Run the script "
                    + dialect.createScript() + " from the session-core jar (print it with `sessionkit schema print "
                    + "--database " + database + "`), or set schema=create to let Sessionkit create missing tables.");
        }
    }

    private static Properties baseProperties(SqlDialect dialect, StoreHealth health, boolean ownPool) {
        Properties properties = new Properties();
        properties.put("eclipselink.weaving", "false");
        properties.put("eclipselink.cache.shared.default", "false");
        properties.put("eclipselink.logging.logger", "JavaLogger");
        // SEVERE, not WARNING: every failed statement reaches the caller as SessionStoreUnavailableException (a 503,
        // logged there in one line); EclipseLink's WARNING for each, with its whole stack trace, buried an outage's
        // log under ~140 lines per request.
        properties.put("eclipselink.logging.level", "SEVERE");
        // EclipseLink names its session, and so its loggers, after the JDBC URL and user unless told otherwise; a URL
        // may carry a password. Unique per factory, so that several stores in one JVM never share a session.
        properties.put("eclipselink.session-name", "sessionkit-" + UUID.randomUUID());
        properties.put("eclipselink.deploy-on-startup", "true");
        // Bind parameters (token hashes, session ids) never go into EclipseLink's exception messages or logs.
        properties.put("eclipselink.logging.parameters", "false");
        properties.put("eclipselink.session.customizer", new StoreSessionCustomizer(STATEMENT_TIMEOUT,
                health.connections(), health.outages(), ownPool));
        properties.put("eclipselink.target-database", switch (dialect) {
            case H2 -> "org.eclipse.persistence.platform.database.H2Platform";
            case POSTGRESQL -> "org.eclipse.persistence.platform.database.PostgreSQLPlatform";
            case MYSQL -> "org.eclipse.persistence.platform.database.MySQLPlatform";
        });
        return properties;
    }

    private static EntityManagerFactory factory(DataSource dataSource, Properties properties) {
        return new PersistenceProvider().createContainerEntityManagerFactory(
                new SessionkitPersistenceUnit(dataSource, properties), properties);
    }
}
