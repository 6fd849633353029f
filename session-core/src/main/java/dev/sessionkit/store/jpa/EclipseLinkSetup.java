package dev.sessionkit.store.jpa;

import jakarta.persistence.EntityManagerFactory;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * How the store sets EclipseLink up, with every work-around in one place:
 * <ul>
 * <li>no shared cache and no weaving: each call reads the database, so a session another node ended is seen;
 * <li>logging at SEVERE, bind parameters never logged, and a session name of our own (EclipseLink would otherwise
 * name its loggers after the JDBC URL, which may carry a password);
 * <li>Sessionkit's own pool: min = max connections, since EclipseLink closes a released connection above the minimum;
 * a wait that {@link Transactions} enforces, since EclipseLink 4.0's pool waits forever; pools that check
 * connections after an outage ({@link StoreSessionCustomizer}), since EclipseLink does not retry a failed write;
 * <li>a statement timeout on every query ({@link StoreSessionCustomizer}).
 * </ul>
 */
final class EclipseLinkSetup {

    private EclipseLinkSetup() {
    }

    /** Properties for Sessionkit's own pool on a JDBC URL. */
    static Properties ownPool(SqlDialect dialect, StoreHealth health, String jdbcUrl, String user, String password,
            int poolSize, int poolWaitMillis) {
        Properties properties = base(dialect, health, true);
        properties.put("jakarta.persistence.jdbc.url", jdbcUrl);
        properties.put("jakarta.persistence.jdbc.user", user == null ? "" : user);
        properties.put("jakarta.persistence.jdbc.password", password == null ? "" : password);
        properties.put("eclipselink.connection-pool.default.initial", "1");
        // min = max: EclipseLink closes a released connection above the minimum, so a smaller minimum made nearly
        // every concurrent write open a new database connection (measured: 1 to 2 per login, 10x fewer logins/s).
        properties.put("eclipselink.connection-pool.default.min", String.valueOf(poolSize));
        properties.put("eclipselink.connection-pool.default.max", String.valueOf(poolSize));
        properties.put("eclipselink.connection-pool.default.wait", String.valueOf(poolWaitMillis));
        properties.put("eclipselink.connection-pool.read.shared", "true");
        return properties;
    }

    /** Properties for a container's DataSource, which pools the connections itself. */
    static Properties containerPool(SqlDialect dialect, StoreHealth health) {
        return base(dialect, health, false);
    }

    private static Properties base(SqlDialect dialect, StoreHealth health, boolean ownPool) {
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
        properties.put("eclipselink.session.customizer", new StoreSessionCustomizer(
                JpaSessionStores.STATEMENT_TIMEOUT, health.connections(), health.outages(), ownPool));
        properties.put("eclipselink.target-database", dialect.eclipseLinkPlatform());
        return properties;
    }

    static EntityManagerFactory factory(DataSource dataSource, Properties properties) {
        return new PersistenceProvider().createContainerEntityManagerFactory(
                new SessionkitPersistenceUnit(dataSource, properties), properties);
    }
}
