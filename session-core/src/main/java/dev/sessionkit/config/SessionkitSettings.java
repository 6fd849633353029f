package dev.sessionkit.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every Sessionkit setting, typed and validated: an instance only exists if its values work together, so code
 * that holds one never re-checks. Get one from {@link SettingsResolver#resolve}, {@link #defaults()} or
 * {@link #builder()}; see {@link SettingKey} for what each setting means.
 *
 * <p>Immutable and thread-safe; no accessor returns null; {@link #equals} compares every value;
 * {@link #toString()} never shows the database password.
 */
public final class SessionkitSettings {

    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final String datasource;
    private final SchemaMode schema;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final int maxSessionsPerUser;
    private final MaxSessionsPolicy maxSessionsPolicy;
    private final String cookieName;
    private final boolean cookieSecure;
    private final SameSite cookieSameSite;
    private final String loginPath;
    private final List<String> excludePaths;
    private final List<IpRange> trustedProxies;
    private final Duration touchInterval;
    private final Duration cleanupInterval;
    private final Duration historyRetention;
    private final String adminRole;
    private final Duration revocationLatency;
    private final String browserIdCookie;
    private final Path geoipDatabase;
    private final boolean adoptContainerLogin;
    private final CrossSiteLogin crossSiteLogin;

    private SessionkitSettings(SessionkitSettingsBuilder b) {
        jdbcUrl = b.jdbcUrl;
        jdbcUser = b.jdbcUser;
        jdbcPassword = b.jdbcPassword;
        datasource = b.datasource;
        schema = b.schema;
        idleTimeout = b.idleTimeout;
        absoluteTimeout = b.absoluteTimeout;
        maxSessionsPerUser = b.maxSessionsPerUser;
        maxSessionsPolicy = b.maxSessionsPolicy;
        cookieName = b.cookieName;
        cookieSecure = b.cookieSecure;
        cookieSameSite = b.cookieSameSite;
        loginPath = b.loginPath;
        excludePaths = List.copyOf(b.excludePaths);
        trustedProxies = List.copyOf(b.trustedProxies);
        touchInterval = b.touchInterval;
        cleanupInterval = b.cleanupInterval;
        historyRetention = b.historyRetention;
        adminRole = b.adminRole;
        revocationLatency = b.revocationLatency;
        browserIdCookie = b.browserIdCookie;
        geoipDatabase = b.geoipDatabase;
        adoptContainerLogin = b.adoptContainerLogin;
        crossSiteLogin = b.crossSiteLogin;
    }

    /** Validates the builder's values and freezes them; called by {@link SessionkitSettingsBuilder#build()}. */
    static SessionkitSettings of(SessionkitSettingsBuilder builder) {
        SettingsValidator.validate(builder);
        return new SessionkitSettings(builder);
    }

    /**
     * Returns the settings in effect when nothing is configured: the demo's embedded H2 file database and the
     * SPEC's defaults, exactly as {@link SettingKey#defaultValue()} documents them.
     *
     * @return the default settings; never null
     */
    public static SessionkitSettings defaults() {
        return builder().build();
    }

    /**
     * Starts a builder holding the defaults.
     *
     * @return a new builder; never null
     */
    public static SessionkitSettingsBuilder builder() {
        return new SessionkitSettingsBuilder();
    }

    /**
     * Starts a builder holding these settings, to derive changed settings; this instance stays as it is.
     *
     * @return a new builder; never null
     */
    public SessionkitSettingsBuilder toBuilder() {
        return new SessionkitSettingsBuilder(this);
    }

    /** {@return the JDBC URL ({@code jdbc-url}), starting with {@code jdbc:}; never null} */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** {@return the database user ({@code jdbc-user}); never null, possibly empty} */
    public String jdbcUser() {
        return jdbcUser;
    }

    /**
     * {@return the database password ({@code jdbc-password}); never null, empty by default; never log it}
     */
    public String jdbcPassword() {
        return jdbcPassword;
    }

    /**
     * {@return the JNDI name of a container DataSource ({@code datasource}), which wins over the JDBC URL}
     */
    public Optional<String> datasource() {
        return Optional.ofNullable(datasource);
    }

    /** {@return what start-up does with the tables ({@code schema}); never null} */
    public SchemaMode schema() {
        return schema;
    }

    /** {@return the inactivity that ends a session ({@code idle-timeout}); positive} */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * {@return the lifetime that ends a session whatever its activity ({@code absolute-timeout}); positive}
     */
    public Duration absoluteTimeout() {
        return absoluteTimeout;
    }

    /**
     * {@return active sessions one user may hold ({@code max-sessions-per-user}); 0 means no limit}
     */
    public int maxSessionsPerUser() {
        return maxSessionsPerUser;
    }

    /** {@return what a login beyond the limit does ({@code max-sessions-policy}); never null} */
    public MaxSessionsPolicy maxSessionsPolicy() {
        return maxSessionsPolicy;
    }

    /**
     * {@return the session cookie's base name without prefix ({@code cookie-name}), an RFC 6265 token}
     */
    public String cookieName() {
        return cookieName;
    }

    /**
     * {@return whether cookies are {@code Secure} and carry the {@code __Host-} prefix ({@code cookie-secure})}
     */
    public boolean cookieSecure() {
        return cookieSecure;
    }

    /**
     * {@return the cookies' SameSite attribute ({@code cookie-same-site}); {@code NONE} only when secure}
     */
    public SameSite cookieSameSite() {
        return cookieSameSite;
    }

    /**
     * {@return where browsers without a session are redirected ({@code login-path}), starting with {@code /}}
     */
    public Optional<String> loginPath() {
        return Optional.ofNullable(loginPath);
    }

    /**
     * {@return paths, or prefixes ending in {@code /*}, the filter lets through ({@code exclude-paths}); unmodifiable}
     */
    public List<String> excludePaths() {
        return excludePaths;
    }

    /**
     * {@return proxies whose {@code X-Forwarded-For} is believed ({@code trusted-proxies}); unmodifiable, maybe empty}
     */
    public List<IpRange> trustedProxies() {
        return trustedProxies;
    }

    /**
     * {@return least time between two persisted activity updates ({@code touch-interval}); zero or more, below idle}
     */
    public Duration touchInterval() {
        return touchInterval;
    }

    /**
     * {@return how often expired sessions are ended and history purged ({@code cleanup-interval}); positive}
     */
    public Duration cleanupInterval() {
        return cleanupInterval;
    }

    /** {@return how long ended sessions are kept ({@code history-retention}); zero or more} */
    public Duration historyRetention() {
        return historyRetention;
    }

    /** {@return the role that may use the admin API ({@code admin-role}); never blank} */
    public String adminRole() {
        return adminRole;
    }

    /**
     * {@return how long a session ended elsewhere may still be accepted ({@code revocation-latency}); zero or more}
     */
    public Duration revocationLatency() {
        return revocationLatency;
    }

    /**
     * {@return the browser-id cookie's base name ({@code browser-id-cookie}); a token unlike the session cookie's}
     */
    public String browserIdCookie() {
        return browserIdCookie;
    }

    /** {@return the MaxMind city database to locate sessions with ({@code geoip-database})} */
    public Optional<Path> geoipDatabase() {
        return Optional.ofNullable(geoipDatabase);
    }

    /**
     * {@return whether container-security logins are tracked as sessions ({@code adopt-container-login})}
     */
    public boolean adoptContainerLogin() {
        return adoptContainerLogin;
    }

    /** {@return what a sign-in or sign-out sent from another site gets ({@code cross-site-login}); never null} */
    public CrossSiteLogin crossSiteLogin() {
        return crossSiteLogin;
    }

    /**
     * Tells whether another object holds exactly the same settings.
     *
     * @param other any object, possibly null
     * @return true for a {@code SessionkitSettings} whose every value is equal to this one's
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SessionkitSettings o && values().equals(o.values());
    }

    /**
     * Returns a hash consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return values().hashCode();
    }

    /** Every value, in one list that equals and hashCode share, so a new key cannot be left out of one of them. */
    private List<Object> values() {
        return Arrays.asList(jdbcUrl, jdbcUser, jdbcPassword, datasource, schema, idleTimeout, absoluteTimeout,
                maxSessionsPerUser, maxSessionsPolicy, cookieName, cookieSecure, cookieSameSite, loginPath,
                excludePaths, trustedProxies, touchInterval, cleanupInterval, historyRetention, adminRole,
                revocationLatency, browserIdCookie, geoipDatabase, adoptContainerLogin, crossSiteLogin);
    }

    /**
     * Describes every setting by key for a start-up log line, with the password (and any password inside the
     * JDBC URL) replaced by {@code ****}.
     *
     * @return e.g. {@code SessionkitSettings[jdbc-url=..., jdbc-password=****, ...]}; never null
     */
    @Override
    public String toString() {
        return SettingsDescription.describe(this);
    }
}
