package dev.sessionkit.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Collects typed setting values and turns them into {@link SessionkitSettings} only if they are valid together.
 * Starts from the defaults ({@link SessionkitSettings#builder()}) or from existing settings
 * ({@link SessionkitSettings#toBuilder()}). Setters check only for null; {@link #build()} runs every setting's
 * check, in {@link SettingKey#ALL} order.
 *
 * <p>Setters of required values refuse null with a {@link NullPointerException}; setters of optional values
 * ({@code datasource}, {@code geoipDatabase}) take null as "not set". Not thread-safe: use one builder from one
 * thread.
 */
public final class SessionkitSettingsBuilder {

    private final SettingValues.Builder values;

    SessionkitSettingsBuilder(SettingValues.Builder values) {
        this.values = values;
    }

    /**
     * Checks every value and their combinations, then returns immutable settings; the builder stays usable.
     *
     * @return the settings; never null
     * @throws InvalidSettingException naming the first offending key (in {@link SettingKey#ALL} order), its value
     *     (never for a secret) and the fix
     */
    public SessionkitSettings build() {
        return new SessionkitSettings(values.build());
    }

    /**
     * Sets any core setting, for code that handles settings generically; build() checks it.
     *
     * @param setting one of {@link SettingKey#ALL}
     * @param value its value; not null
     * @param <T> its type
     * @return this builder
     * @throws IllegalArgumentException for a setting of another owner
     */
    public <T> SessionkitSettingsBuilder set(Setting<T> setting, T value) {
        values.set(setting, value);
        return this;
    }

    /**
     * Sets {@code jdbc-url}; build() wants it to start with {@code jdbc:}.
     *
     * @param url the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/app}; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder jdbcUrl(String url) {
        return set(SettingKey.JDBC_URL, Objects.requireNonNull(url, "url"));
    }

    /**
     * Sets {@code jdbc-user}.
     *
     * @param user the database user, any text, empty included; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder jdbcUser(String user) {
        return set(SettingKey.JDBC_USER, Objects.requireNonNull(user, "user"));
    }

    /**
     * Sets {@code jdbc-password}, which no message or {@code toString()} ever shows.
     *
     * @param password the database password, any text, empty included; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder jdbcPassword(String password) {
        return set(SettingKey.JDBC_PASSWORD, Objects.requireNonNull(password, "password"));
    }

    /**
     * Sets or clears {@code datasource}; when set, it wins over the JDBC URL.
     *
     * @param jndiName a JNDI name such as {@code java:comp/env/jdbc/sessions}, non-blank; null for none
     * @return this builder
     */
    public SessionkitSettingsBuilder datasource(String jndiName) {
        return set(SettingKey.DATASOURCE, Optional.ofNullable(jndiName));
    }

    /**
     * Sets {@code schema}.
     *
     * @param mode what start-up does with the tables; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder schema(SchemaMode mode) {
        return set(SettingKey.SCHEMA, Objects.requireNonNull(mode, "mode"));
    }

    /**
     * Sets {@code idle-timeout}; build() wants it positive and longer than the touch interval.
     *
     * @param timeout the inactivity that ends a session; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder idleTimeout(Duration timeout) {
        return set(SettingKey.IDLE_TIMEOUT, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Sets {@code absolute-timeout}; build() wants it positive.
     *
     * @param timeout the time after login that ends a session; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder absoluteTimeout(Duration timeout) {
        return set(SettingKey.ABSOLUTE_TIMEOUT, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Sets {@code max-sessions-per-user}; build() refuses negative numbers.
     *
     * @param max active sessions one user may hold, 0 for no limit
     * @return this builder
     */
    public SessionkitSettingsBuilder maxSessionsPerUser(int max) {
        return set(SettingKey.MAX_SESSIONS_PER_USER, max);
    }

    /**
     * Sets {@code max-sessions-policy}.
     *
     * @param policy what a login beyond the limit does; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder maxSessionsPolicy(MaxSessionsPolicy policy) {
        return set(SettingKey.MAX_SESSIONS_POLICY, Objects.requireNonNull(policy, "policy"));
    }

    /**
     * Sets {@code touch-interval}; build() wants it zero or more and shorter than the idle timeout.
     *
     * @param interval least time between two persisted activity updates; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder touchInterval(Duration interval) {
        return set(SettingKey.TOUCH_INTERVAL, Objects.requireNonNull(interval, "interval"));
    }

    /**
     * Sets {@code cleanup-interval}; build() wants it positive.
     *
     * @param interval how often expired sessions are ended; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder cleanupInterval(Duration interval) {
        return set(SettingKey.CLEANUP_INTERVAL, Objects.requireNonNull(interval, "interval"));
    }

    /**
     * Sets {@code history-retention}; build() wants it zero or more.
     *
     * @param retention how long ended sessions are kept; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder historyRetention(Duration retention) {
        return set(SettingKey.HISTORY_RETENTION, Objects.requireNonNull(retention, "retention"));
    }

    /**
     * Sets {@code revocation-latency}; build() wants it zero or more.
     *
     * @param latency how long a session ended elsewhere may still be accepted; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder revocationLatency(Duration latency) {
        return set(SettingKey.REVOCATION_LATENCY, Objects.requireNonNull(latency, "latency"));
    }

    /**
     * Sets {@code validation-cache-size}; build() wants at least 1 MB.
     *
     * @param bytes the most heap the validation cache may take on this node
     * @return this builder
     */
    public SessionkitSettingsBuilder validationCacheSize(long bytes) {
        return set(SettingKey.VALIDATION_CACHE_SIZE, bytes);
    }

    /**
     * Sets or clears {@code geoip-database}.
     *
     * @param database a MaxMind-format {@code .mmdb} city database; null for none
     * @return this builder
     */
    public SessionkitSettingsBuilder geoipDatabase(Path database) {
        return set(SettingKey.GEOIP_DATABASE, Optional.ofNullable(database));
    }
}
