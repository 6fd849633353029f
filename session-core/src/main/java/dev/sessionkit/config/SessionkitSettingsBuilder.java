package dev.sessionkit.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Collects typed setting values and turns them into {@link SessionkitSettings} only if they are valid together.
 * Starts from the defaults ({@link SessionkitSettings#builder()}) or from existing settings
 * ({@link SessionkitSettings#toBuilder()}). Setters check only for null; {@link #build()} checks everything else.
 *
 * <p>Setters of required values refuse null with a {@link NullPointerException}; setters of optional values
 * ({@code datasource}, {@code loginPath}, {@code geoipDatabase}) take null as "not set". Not thread-safe: use one
 * builder from one thread.
 */
public final class SessionkitSettingsBuilder {

    String jdbcUrl;
    String jdbcUser;
    String jdbcPassword;
    String datasource;
    SchemaMode schema;
    Duration idleTimeout;
    Duration absoluteTimeout;
    int maxSessionsPerUser;
    MaxSessionsPolicy maxSessionsPolicy;
    String cookieName;
    boolean cookieSecure;
    SameSite cookieSameSite;
    String loginPath;
    List<String> excludePaths = List.of();
    List<IpRange> trustedProxies = List.of();
    Duration touchInterval;
    Duration cleanupInterval;
    Duration historyRetention;
    String adminRole;
    Duration revocationLatency;
    String browserIdCookie;
    Path geoipDatabase;
    boolean adoptContainerLogin;
    CrossSiteLogin crossSiteLogin;

    /** Starts from the documented defaults, so {@link SettingKey} stays their only source. */
    SessionkitSettingsBuilder() {
        for (SettingKey key : SettingKey.values()) {
            key.defaultValue().ifPresent(value -> SettingParsers.apply(this, key, value));
        }
    }

    SessionkitSettingsBuilder(SessionkitSettings s) {
        jdbcUrl(s.jdbcUrl()).jdbcUser(s.jdbcUser()).jdbcPassword(s.jdbcPassword())
                .datasource(s.datasource().orElse(null)).schema(s.schema())
                .idleTimeout(s.idleTimeout()).absoluteTimeout(s.absoluteTimeout())
                .maxSessionsPerUser(s.maxSessionsPerUser()).maxSessionsPolicy(s.maxSessionsPolicy())
                .cookieName(s.cookieName()).cookieSecure(s.cookieSecure()).cookieSameSite(s.cookieSameSite())
                .loginPath(s.loginPath().orElse(null)).excludePaths(s.excludePaths())
                .trustedProxies(s.trustedProxies()).touchInterval(s.touchInterval())
                .cleanupInterval(s.cleanupInterval()).historyRetention(s.historyRetention())
                .adminRole(s.adminRole()).revocationLatency(s.revocationLatency())
                .browserIdCookie(s.browserIdCookie()).geoipDatabase(s.geoipDatabase().orElse(null))
                .adoptContainerLogin(s.adoptContainerLogin()).crossSiteLogin(s.crossSiteLogin());
    }

    /**
     * Checks every value and their combinations, then returns immutable settings; the builder stays usable.
     *
     * @return the settings; never null
     * @throws InvalidSettingException naming the first offending key (in {@link SettingKey} order), its value
     *     (never for a secret) and the fix
     */
    public SessionkitSettings build() {
        return SessionkitSettings.of(this);
    }

    /**
     * Sets {@code jdbc-url}; build() wants it to start with {@code jdbc:}.
     *
     * @param url the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/app}; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder jdbcUrl(String url) {
        this.jdbcUrl = Objects.requireNonNull(url, "url");
        return this;
    }

    /**
     * Sets {@code jdbc-user}.
     *
     * @param user the database user, any text, empty included; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder jdbcUser(String user) {
        this.jdbcUser = Objects.requireNonNull(user, "user");
        return this;
    }

    /**
     * Sets {@code jdbc-password}, which no message or {@code toString()} ever shows.
     *
     * @param password the database password, any text, empty included; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder jdbcPassword(String password) {
        this.jdbcPassword = Objects.requireNonNull(password, "password");
        return this;
    }

    /**
     * Sets or clears {@code datasource}; when set, it wins over the JDBC URL.
     *
     * @param jndiName a JNDI name such as {@code java:comp/env/jdbc/sessions}, non-blank; null for none
     * @return this builder
     */
    public SessionkitSettingsBuilder datasource(String jndiName) {
        this.datasource = jndiName;
        return this;
    }

    /**
     * Sets {@code schema}.
     *
     * @param mode what start-up does with the tables; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder schema(SchemaMode mode) {
        this.schema = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * Sets {@code idle-timeout}; build() wants it positive and longer than the touch interval.
     *
     * @param timeout the inactivity that ends a session; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder idleTimeout(Duration timeout) {
        this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Sets {@code absolute-timeout}; build() wants it positive.
     *
     * @param timeout the time after login that ends a session; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder absoluteTimeout(Duration timeout) {
        this.absoluteTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Sets {@code max-sessions-per-user}; build() refuses negative numbers.
     *
     * @param max active sessions one user may hold, 0 for no limit
     * @return this builder
     */
    public SessionkitSettingsBuilder maxSessionsPerUser(int max) {
        this.maxSessionsPerUser = max;
        return this;
    }

    /**
     * Sets {@code max-sessions-policy}.
     *
     * @param policy what a login beyond the limit does; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder maxSessionsPolicy(MaxSessionsPolicy policy) {
        this.maxSessionsPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Sets {@code cookie-name}; build() wants an RFC 6265 token without {@code __Host-}/{@code __Secure-} prefix.
     *
     * @param name the session cookie's base name, e.g. {@code sid}; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder cookieName(String name) {
        this.cookieName = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Sets {@code cookie-secure}.
     *
     * @param secure true to mark cookies Secure and add the {@code __Host-} prefix
     * @return this builder
     */
    public SessionkitSettingsBuilder cookieSecure(boolean secure) {
        this.cookieSecure = secure;
        return this;
    }

    /**
     * Sets {@code cookie-same-site}; build() accepts {@code NONE} only with cookieSecure(true).
     *
     * @param sameSite the SameSite attribute; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder cookieSameSite(SameSite sameSite) {
        this.cookieSameSite = Objects.requireNonNull(sameSite, "sameSite");
        return this;
    }

    /**
     * Sets or clears {@code login-path}; build() wants a path of this app starting with a single {@code /}.
     *
     * @param path e.g. {@code /login}; null for none (browsers then get 401)
     * @return this builder
     */
    public SessionkitSettingsBuilder loginPath(String path) {
        this.loginPath = path;
        return this;
    }

    /**
     * Sets {@code exclude-paths} to a copy of the list; build() wants each to start with {@code /}.
     *
     * @param paths paths, or prefixes ending in {@code /*}; not null, no null elements
     * @return this builder
     */
    public SessionkitSettingsBuilder excludePaths(List<String> paths) {
        this.excludePaths = List.copyOf(paths);
        return this;
    }

    /**
     * Sets {@code trusted-proxies} to a copy of the list.
     *
     * @param proxies the proxies whose {@code X-Forwarded-For} is believed; not null, no null elements
     * @return this builder
     */
    public SessionkitSettingsBuilder trustedProxies(List<IpRange> proxies) {
        this.trustedProxies = List.copyOf(proxies);
        return this;
    }

    /**
     * Sets {@code touch-interval}; build() wants it zero or more and shorter than the idle timeout.
     *
     * @param interval least time between two persisted activity updates; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder touchInterval(Duration interval) {
        this.touchInterval = Objects.requireNonNull(interval, "interval");
        return this;
    }

    /**
     * Sets {@code cleanup-interval}; build() wants it positive.
     *
     * @param interval how often expired sessions are ended; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder cleanupInterval(Duration interval) {
        this.cleanupInterval = Objects.requireNonNull(interval, "interval");
        return this;
    }

    /**
     * Sets {@code history-retention}; build() wants it zero or more.
     *
     * @param retention how long ended sessions are kept; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder historyRetention(Duration retention) {
        this.historyRetention = Objects.requireNonNull(retention, "retention");
        return this;
    }

    /**
     * Sets {@code admin-role}; build() wants it non-blank.
     *
     * @param role the role that may use the admin API; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder adminRole(String role) {
        this.adminRole = Objects.requireNonNull(role, "role");
        return this;
    }

    /**
     * Sets {@code revocation-latency}; build() wants it zero or more.
     *
     * @param latency how long a session ended elsewhere may still be accepted; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder revocationLatency(Duration latency) {
        this.revocationLatency = Objects.requireNonNull(latency, "latency");
        return this;
    }

    /**
     * Sets {@code browser-id-cookie}; build() wants a token like cookieName but different from it.
     *
     * @param name the browser-id cookie's base name, e.g. {@code bid}; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder browserIdCookie(String name) {
        this.browserIdCookie = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Sets or clears {@code geoip-database}.
     *
     * @param database a MaxMind-format {@code .mmdb} city database; null for none
     * @return this builder
     */
    public SessionkitSettingsBuilder geoipDatabase(Path database) {
        this.geoipDatabase = database;
        return this;
    }

    /**
     * Sets {@code adopt-container-login}.
     *
     * @param adopt true to track container-security logins as sessions
     * @return this builder
     */
    public SessionkitSettingsBuilder adoptContainerLogin(boolean adopt) {
        this.adoptContainerLogin = adopt;
        return this;
    }

    /**
     * Sets {@code cross-site-login}.
     *
     * @param policy what a sign-in or sign-out sent from another site gets; not null
     * @return this builder
     */
    public SessionkitSettingsBuilder crossSiteLogin(CrossSiteLogin policy) {
        this.crossSiteLogin = Objects.requireNonNull(policy, "policy");
        return this;
    }
}
