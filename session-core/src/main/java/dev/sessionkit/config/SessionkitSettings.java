package dev.sessionkit.config;

import dev.sessionkit.security.MonitoringSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Every session-core setting, typed and validated: an instance only exists if its values work together, so code
 * that holds one never re-checks. Get one from {@link SettingsResolver#resolve}, {@link #defaults()} or
 * {@link #builder()}; see {@link SettingKey} for what each setting means. The web settings (cookies, paths,
 * proxies) are session-servlet's {@code WebSettings}, resolved from the same sources.
 *
 * <p>Immutable and thread-safe; no accessor returns null; {@link #equals} compares every value;
 * {@link #toString()} never shows the database password.
 */
public final class SessionkitSettings {

    private final SettingValues values;

    SessionkitSettings(SettingValues values) {
        if (values.catalog() != SettingKey.ALL) {
            throw new IllegalArgumentException("not the values of SettingKey.ALL");
        }
        this.values = values;
    }

    /**
     * Returns the settings in effect when nothing is configured: the demo's embedded H2 file database and the
     * SPEC's defaults, exactly as {@link Setting#defaultValue()} documents them.
     *
     * @return the default settings; never null
     */
    public static SessionkitSettings defaults() {
        return builder().build();
    }

    /** {@return a new builder holding the defaults} */
    public static SessionkitSettingsBuilder builder() {
        return new SessionkitSettingsBuilder(SettingValues.builder(SettingKey.ALL));
    }

    /** {@return a new builder holding these settings, to derive changed ones; this instance stays as it is} */
    public SessionkitSettingsBuilder toBuilder() {
        return new SessionkitSettingsBuilder(values.toBuilder());
    }

    /**
     * Returns the value of any core setting, for code that handles settings generically.
     *
     * @param setting one of {@link SettingKey#ALL}
     * @param <T> its type
     * @return the value; never null
     * @throws IllegalArgumentException for a setting of another owner
     */
    public <T> T get(Setting<T> setting) {
        return values.get(setting);
    }

    /** {@return the JDBC URL ({@code jdbc-url}), starting with {@code jdbc:}; never null} */
    public String jdbcUrl() {
        return values.get(SettingKey.JDBC_URL);
    }

    /** {@return the database user ({@code jdbc-user}); never null, possibly empty} */
    public String jdbcUser() {
        return values.get(SettingKey.JDBC_USER);
    }

    /** {@return the database password ({@code jdbc-password}); never null, empty by default; never log it} */
    public String jdbcPassword() {
        return values.get(SettingKey.JDBC_PASSWORD);
    }

    /** {@return the JNDI name of a container DataSource ({@code datasource}), which wins over the JDBC URL} */
    public Optional<String> datasource() {
        return values.get(SettingKey.DATASOURCE);
    }

    /** {@return what start-up does with the tables ({@code schema}); never null} */
    public SchemaMode schema() {
        return values.get(SettingKey.SCHEMA);
    }

    /** {@return the inactivity that ends a session ({@code idle-timeout}); positive} */
    public Duration idleTimeout() {
        return values.get(SettingKey.IDLE_TIMEOUT);
    }

    /** {@return the lifetime that ends a session whatever its activity ({@code absolute-timeout}); positive} */
    public Duration absoluteTimeout() {
        return values.get(SettingKey.ABSOLUTE_TIMEOUT);
    }

    /** {@return active sessions one user may hold ({@code max-sessions-per-user}); 0 means no limit} */
    public int maxSessionsPerUser() {
        return values.get(SettingKey.MAX_SESSIONS_PER_USER);
    }

    /** {@return what a login beyond the limit does ({@code max-sessions-policy}); never null} */
    public MaxSessionsPolicy maxSessionsPolicy() {
        return values.get(SettingKey.MAX_SESSIONS_POLICY);
    }

    /**
     * {@return least time between two persisted activity updates ({@code touch-interval}); zero or more, below idle}
     */
    public Duration touchInterval() {
        return values.get(SettingKey.TOUCH_INTERVAL);
    }

    /** {@return how often expired sessions are ended and history purged ({@code cleanup-interval}); positive} */
    public Duration cleanupInterval() {
        return values.get(SettingKey.CLEANUP_INTERVAL);
    }

    /** {@return how long ended sessions are kept ({@code history-retention}); zero or more} */
    public Duration historyRetention() {
        return values.get(SettingKey.HISTORY_RETENTION);
    }

    /**
     * {@return how long a session ended elsewhere may still be accepted ({@code revocation-latency}); zero or more}
     */
    public Duration revocationLatency() {
        return values.get(SettingKey.REVOCATION_LATENCY);
    }

    /** {@return the most heap the validation cache may take, in bytes ({@code validation-cache-size}); 1 MB or more} */
    public long validationCacheSize() {
        return values.get(SettingKey.VALIDATION_CACHE_SIZE);
    }

    /** {@return the MaxMind city database to locate sessions with ({@code geoip-database})} */
    public Optional<Path> geoipDatabase() {
        return values.get(SettingKey.GEOIP_DATABASE);
    }

    /** {@return the settings of security monitoring: retention, attempt limits, travel speed, risk policy} */
    public MonitoringSettings monitoring() {
        return new MonitoringSettings(values.get(MonitoringSettingKeys.EVENT_RETENTION),
                values.get(MonitoringSettingKeys.LOGIN_FAILURE_WINDOW),
                values.get(MonitoringSettingKeys.PER_ACCOUNT_ADDRESS), values.get(MonitoringSettingKeys.PER_ADDRESS),
                values.get(MonitoringSettingKeys.PER_ACCOUNT), values.get(MonitoringSettingKeys.TRAVEL_SPEED),
                values.get(MonitoringSettingKeys.RISK_ACTIONS));
    }

    /**
     * Tells whether another object holds exactly the same settings.
     *
     * @param other any object, possibly null
     * @return true for a {@code SessionkitSettings} whose every value is equal to this one's
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SessionkitSettings o && values.equals(o.values);
    }

    /**
     * Returns a hash consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /**
     * Describes every setting by key for a start-up log line, with the password (and any password inside the
     * JDBC URL) replaced by {@code ****}.
     *
     * @return e.g. {@code SessionkitSettings[jdbc-url=..., jdbc-password=****, ...]}; never null
     */
    @Override
    public String toString() {
        return values.describe("SessionkitSettings");
    }
}
