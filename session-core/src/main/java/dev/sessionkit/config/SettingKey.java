package dev.sessionkit.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every setting Sessionkit reads, each with the one spelling that works in every source: filter init-params,
 * servlet-context params, {@code sessionkit.properties} and (as {@link #envName()}) {@code SESSIONKIT_*}
 * environment variables. This enum is the single source of the README settings table and of start-up errors.
 *
 * <p>Constants are immutable and thread-safe; no method returns null.
 */
public enum SettingKey {

    /** JDBC URL of the database that holds the sessions. */
    JDBC_URL("jdbc-url", "jdbc:h2:file:./data/sessionkit", "embedded H2, demo only",
            "JDBC URL of the database where sessions live", false),
    /** Database user for {@link #JDBC_URL}. */
    JDBC_USER("jdbc-user", "sa", null, "database user for `jdbc-url`", false),
    /** Database password for {@link #JDBC_URL}; secret, never shown. */
    JDBC_PASSWORD("jdbc-password", "", null,
            "database password for `jdbc-url`; never shown in logs, messages or `toString()`", true),
    /** JNDI name of a container DataSource. */
    DATASOURCE("datasource", null, null, "JNDI name of a container DataSource; wins over `jdbc-url`", false),
    /** What start-up does with the database schema. */
    SCHEMA("schema", "validate", null,
            "`create` makes missing tables; `validate` fails start-up with a clear message naming the script to run;"
                    + " `none` checks nothing", false),
    /** Inactivity after which a session ends. */
    IDLE_TIMEOUT("idle-timeout", "PT30M", null, "ends a session with no request for this long", false),
    /** Lifetime after which a session ends whatever its activity. */
    ABSOLUTE_TIMEOUT("absolute-timeout", "PT24H", null,
            "ends a session this long after login, whatever its activity", false),
    /** Active sessions one user may hold. */
    MAX_SESSIONS_PER_USER("max-sessions-per-user", "0", "no limit", "active sessions one user may hold", false),
    /** What a login beyond {@link #MAX_SESSIONS_PER_USER} does. */
    MAX_SESSIONS_POLICY("max-sessions-policy", "evict-oldest", null,
            "at the limit, `evict-oldest` ends the oldest session; `reject` fails the new login with a clear error",
            false),
    /** Base name of the session cookie. */
    COOKIE_NAME("cookie-name", "sid", "sent as `__Host-sid` when secure",
            "base name of the session cookie: an RFC 6265 token without a `__Host-`/`__Secure-` prefix", false),
    /** Whether cookies are marked Secure and get the {@code __Host-} prefix. */
    COOKIE_SECURE("cookie-secure", "true", null,
            "marks cookies `Secure` and adds the `__Host-` prefix; `false` only for plain-HTTP development", false),
    /** SameSite attribute of Sessionkit's cookies. */
    COOKIE_SAME_SITE("cookie-same-site", "Lax", null,
            "SameSite attribute of the cookies: `Strict`, `Lax` or `None` (needs `cookie-secure=true`)", false),
    /** Where browsers without a valid session are sent. */
    LOGIN_PATH("login-path", null, null,
            "browsers without a valid session are redirected here; API calls get 401", false),
    /** Paths the filter lets through without a session. */
    EXCLUDE_PATHS("exclude-paths", null, null,
            "comma list of paths/prefixes the filter lets through (`/login`, `/static/*`)", false),
    /** Proxies whose {@code X-Forwarded-For} header is believed. */
    TRUSTED_PROXIES("trusted-proxies", null, null,
            "comma list of addresses or CIDRs (`10.0.0.0/8`, `::1`) whose `X-Forwarded-For` is believed;"
                    + " otherwise the socket address is recorded", false),
    /** Least time between two persisted activity updates of one session. */
    TOUCH_INTERVAL("touch-interval", "PT60S", null,
            "least time between two persisted activity updates of one session; shorter than `idle-timeout`", false),
    /** How often expired sessions are ended and old history purged. */
    CLEANUP_INTERVAL("cleanup-interval", "PT15M", null,
            "how often expired sessions are ended and old history purged", false),
    /** How long ended sessions are kept as login history. */
    HISTORY_RETENTION("history-retention", "P30D", null, "how long ended sessions are kept as login history", false),
    /** Role that may use the admin API. */
    ADMIN_ROLE("admin-role", "sessionkit-admin", null, "role that may use the admin API", false),
    /** Bound on how long a session ended elsewhere may still be accepted. */
    REVOCATION_LATENCY("revocation-latency", "PT1S", null,
            "longest time a session ended on one node may still be accepted on another (bounds any cache);"
                    + " `PT0S` = ask the store on every request", false),
    /** Name of the long-lived browser-id cookie. */
    BROWSER_ID_COOKIE("browser-id-cookie", "bid", "kept 400 days",
            "name of the long-lived random cookie naming the browser, so a login from a browser never seen for"
                    + " this user is flagged `newDevice`", false),
    /** Path of a MaxMind-format city database. */
    GEOIP_DATABASE("geoip-database", null, null,
            "path of a MaxMind-format `.mmdb` city database; when set, sessions get a location (city, country)",
            false),
    /** Whether container-security logins are tracked as sessions. */
    ADOPT_CONTAINER_LOGIN("adopt-container-login", "false", null,
            "when the app signs users in with container security (FORM/BASIC), track that login as a session"
                    + " with no code change", false),
    /** Whether a sign-in or sign-out a browser marks as sent from another site is refused. */
    CROSS_SITE_LOGIN("cross-site-login", "refuse", null,
            "`refuse` answers a sign-in or sign-out that a browser marks as sent from another site (`Sec-Fetch-Site`,"
                    + " a foreign `Origin`) with 403 before anything changes; `allow` for apps that sign in from"
                    + " another origin on purpose", false);

    private static final Map<String, SettingKey> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(SettingKey::key, Function.identity()));

    private final String key;
    private final String envName;
    private final String defaultValue;
    private final String defaultNote;
    private final String description;
    private final boolean secret;

    SettingKey(String key, String defaultValue, String defaultNote, String description, boolean secret) {
        this.key = key;
        this.envName = "SESSIONKIT_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
        this.defaultValue = defaultValue;
        this.defaultNote = defaultNote;
        this.description = description;
        this.secret = secret;
    }

    /**
     * Returns the key as users write it in init-params, context params and {@code sessionkit.properties}.
     *
     * @return the lower-case, dash-separated key, e.g. {@code idle-timeout}; never null
     */
    public String key() {
        return key;
    }

    /**
     * Returns the environment variable that carries this setting.
     *
     * @return {@code SESSIONKIT_} followed by the upper-cased key with dashes as underscores, e.g.
     *     {@code SESSIONKIT_IDLE_TIMEOUT}; never null
     */
    public String envName() {
        return envName;
    }

    /**
     * Returns the default in the same text form a source would carry, so that parsing it yields the value of
     * {@link SessionkitSettings#defaults()}.
     *
     * @return the default's text, empty when the setting has no default (it is then off or unset); an empty
     *     string inside the optional means "empty"
     */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * Returns the default as shown to users in the README, in Markdown: a code span, perhaps with a note
     * ({@code `0` (no limit)}), {@code empty}, or {@code –} for none.
     *
     * @return the documented default; never null
     */
    public String documentedDefault() {
        if (defaultValue == null) {
            return "–";
        }
        String shown = defaultValue.isEmpty() ? "empty" : "`" + defaultValue + "`";
        return defaultNote == null ? shown : shown + " (" + defaultNote + ")";
    }

    /**
     * Returns a one-line explanation for operators; it may contain Markdown code spans.
     *
     * @return the description; never null
     */
    public String description() {
        return description;
    }

    /**
     * Tells whether the value is a secret that Sessionkit never echoes in messages, logs or {@code toString()}.
     *
     * @return true only for {@link #JDBC_PASSWORD}
     */
    public boolean isSecret() {
        return secret;
    }

    /**
     * Finds the setting for a key written exactly as documented (case-sensitive, no surrounding blanks).
     *
     * @param key the key to look up, e.g. {@code idle-timeout}; null gives empty
     * @return the setting, or empty when {@code key} is not a setting
     */
    public static Optional<SettingKey> fromKey(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key));
    }
}
