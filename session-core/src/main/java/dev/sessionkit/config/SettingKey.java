package dev.sessionkit.config;

import static dev.sessionkit.config.SettingParsers.duration;
import static dev.sessionkit.config.SettingParsers.optional;
import static dev.sessionkit.config.SettingParsers.text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The settings session-core reads, each defined once: where sessions live, how long they last and the login
 * policy. Web settings (cookies, paths, proxies, roles) are defined in session-servlet; the README table lists
 * both. Adding a setting here means one definition below, one entry in {@link #ALL} and one accessor on
 * {@link SessionkitSettings}.
 */
public final class SettingKey {

    /** JDBC URL of the database that holds the sessions. */
    public static final Setting<String> JDBC_URL = Setting.define("jdbc-url", text())
            .defaultValue("jdbc:h2:file:./data/sessionkit", "embedded H2, demo only")
            .description("JDBC URL of the database where sessions live")
            .check((setting, url, all) -> {
                if (url.isBlank() || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
                    throw setting.invalid("jdbc-url " + Texts.quote(CredentialRedactor.redactText(url))
                            + " is not a JDBC URL; it must start with jdbc:, e.g. jdbc:postgresql://db:5432/app");
                }
            }).build();
    /** Database user for {@link #JDBC_URL}. */
    public static final Setting<String> JDBC_USER = Setting.define("jdbc-user", text()).defaultValue("sa")
            .description("database user for `jdbc-url`").build();
    /** Database password for {@link #JDBC_URL}; secret, never shown. */
    public static final Setting<String> JDBC_PASSWORD = Setting.define("jdbc-password", text()).defaultValue("")
            .secret().description("database password for `jdbc-url`; never shown in logs, messages or `toString()`")
            .build();
    /** JNDI name of a container DataSource. */
    public static final Setting<Optional<String>> DATASOURCE = Setting.define("datasource", optional(text()))
            .unset(Optional.empty()).writtenAs(name -> name.orElse(""))
            .description("JNDI name of a container DataSource; wins over `jdbc-url`")
            .check((setting, name, all) -> {
                if (name.isPresent() && name.get().isBlank()) {
                    throw setting.invalid("datasource is blank; give a JNDI name such as java:comp/env/jdbc/sessions,"
                            + " or leave it unset to use jdbc-url");
                }
            }).build();
    /** What start-up does with the database schema. */
    public static final Setting<SchemaMode> SCHEMA = Setting.define("schema",
                    SettingParsers.choice(SchemaMode.values(), SchemaMode::settingValue))
            .defaultValue("validate").writtenAs(SchemaMode::settingValue)
            .description("`create` makes missing tables; `validate` fails start-up with a clear message naming the"
                    + " script to run; `none` checks nothing").build();
    /** Inactivity after which a session ends. */
    public static final Setting<Duration> IDLE_TIMEOUT = Setting.define("idle-timeout", duration())
            .defaultValue("PT30M").check(SettingChecks.positive())
            .description("ends a session with no request for this long").build();
    /** Lifetime after which a session ends whatever its activity. */
    public static final Setting<Duration> ABSOLUTE_TIMEOUT = Setting.define("absolute-timeout", duration())
            .defaultValue("PT24H").check(SettingChecks.positive())
            .description("ends a session this long after login, whatever its activity").build();
    /** Active sessions one user may hold. */
    public static final Setting<Integer> MAX_SESSIONS_PER_USER = Setting.define("max-sessions-per-user",
                    SettingParsers.wholeNumber())
            .defaultValue("0", "no limit").description("active sessions one user may hold")
            .check((setting, max, all) -> {
                if (max < 0) {
                    throw setting.invalid("max-sessions-per-user is " + max
                            + "; write 0 for no limit or a positive number of sessions");
                }
            }).build();
    /** What a login beyond {@link #MAX_SESSIONS_PER_USER} does. */
    public static final Setting<MaxSessionsPolicy> MAX_SESSIONS_POLICY = Setting.define("max-sessions-policy",
                    SettingParsers.choice(MaxSessionsPolicy.values(), MaxSessionsPolicy::settingValue))
            .defaultValue("evict-oldest").writtenAs(MaxSessionsPolicy::settingValue)
            .description("at the limit, `evict-oldest` ends the oldest session; `reject` fails the new login with a"
                    + " clear error").build();
    /** Least time between two persisted activity updates of one session. */
    public static final Setting<Duration> TOUCH_INTERVAL = Setting.define("touch-interval", duration())
            .defaultValue("PT60S")
            .description("least time between two persisted activity updates of one session; shorter than"
                    + " `idle-timeout`")
            .check((setting, interval, all) -> {
                SettingChecks.notNegative(setting, interval);
                Duration idle = all.get(SettingKey.IDLE_TIMEOUT);
                if (interval.compareTo(idle) >= 0) {
                    throw setting.invalid("touch-interval " + interval + " must be shorter than idle-timeout " + idle
                            + ", or active sessions could expire between two recorded requests; lower"
                            + " touch-interval or raise idle-timeout");
                }
            }).build();
    /** How often expired sessions are ended and old history purged. */
    public static final Setting<Duration> CLEANUP_INTERVAL = Setting.define("cleanup-interval", duration())
            .defaultValue("PT15M").check(SettingChecks.positive())
            .description("how often expired sessions are ended and old history purged").build();
    /** How long ended sessions are kept as login history. */
    public static final Setting<Duration> HISTORY_RETENTION = Setting.define("history-retention", duration())
            .defaultValue("P30D").check(SettingChecks.notNegative())
            .description("how long ended sessions are kept as login history").build();
    /** Bound on how long a session ended elsewhere may still be accepted. */
    public static final Setting<Duration> REVOCATION_LATENCY = Setting.define("revocation-latency", duration())
            .defaultValue("PT1S").check(SettingChecks.notNegative())
            .description("longest time a session ended on one node may still be accepted on another (bounds any"
                    + " cache); `PT0S` = ask the store on every request").build();
    /** Heap the validation cache may take. */
    public static final Setting<Long> VALIDATION_CACHE_SIZE = Setting.define("validation-cache-size",
                    SettingParsers.byteSize())
            .defaultValue("128MB").writtenAs(bytes -> (bytes >> 20) + "MB")
            .description("most heap the validation cache takes on each node (`64MB`, `1GB`); about 830 bytes per"
                    + " active session, so 128MB answers 160,000 sessions from memory")
            .check((setting, bytes, all) -> {
                if (bytes < (1L << 20)) {
                    throw setting.invalid("validation-cache-size is " + bytes + " bytes; write at least 1MB, e.g."
                            + " 64MB (set revocation-latency to PT0S to turn the cache off)");
                }
            }).build();
    /** Path of a MaxMind-format city database. */
    public static final Setting<Optional<Path>> GEOIP_DATABASE = Setting.define("geoip-database",
                    optional(SettingParsers.path()))
            .unset(Optional.empty()).writtenAs(path -> path.map(Path::toString).orElse(""))
            .description("path of a MaxMind-format `.mmdb` city database; when set, sessions get a location (city,"
                    + " country)").build();

    /** Every core setting, in the order the README lists them and build() checks them. */
    public static final SettingCatalog ALL = SettingCatalog.of(JDBC_URL, JDBC_USER, JDBC_PASSWORD, DATASOURCE,
            SCHEMA, IDLE_TIMEOUT, ABSOLUTE_TIMEOUT, MAX_SESSIONS_PER_USER, MAX_SESSIONS_POLICY, TOUCH_INTERVAL,
            CLEANUP_INTERVAL, HISTORY_RETENTION, REVOCATION_LATENCY, VALIDATION_CACHE_SIZE, GEOIP_DATABASE,
            MonitoringSettingKeys.EVENT_RETENTION, MonitoringSettingKeys.LOGIN_FAILURE_WINDOW,
            MonitoringSettingKeys.PER_ACCOUNT_ADDRESS, MonitoringSettingKeys.PER_ADDRESS,
            MonitoringSettingKeys.PER_ACCOUNT, MonitoringSettingKeys.TRAVEL_SPEED, MonitoringSettingKeys.RISK_ACTIONS,
            MonitoringSettingKeys.ALERT_LINK_SECRET, MonitoringSettingKeys.PRIVILEGED_SESSION_MAX_AGE,
            RememberMeSettingKeys.LIFETIME, RememberMeSettingKeys.MAX_DEVICES);

    private SettingKey() {
    }

    /**
     * Finds the core setting for a key written exactly as documented (case-sensitive, no surrounding blanks).
     *
     * @param key the key to look up, e.g. {@code idle-timeout}; null gives empty
     * @return the setting, or empty when {@code key} is no core setting
     */
    public static Optional<Setting<?>> fromKey(String key) {
        return ALL.find(key);
    }
}
