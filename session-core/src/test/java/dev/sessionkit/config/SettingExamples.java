package dev.sessionkit.config;

import java.util.List;
import java.util.Map;

/** Shared test data: valid example values per key and helpers to resolve them. */
final class SettingExamples {

    /** A password that must never show up in a message or toString(). */
    static final String PASSWORD = "S3cr3t-Pa55w0rd";

    private SettingExamples() {
    }

    /** Two valid texts per key that resolve to different values, the first never the default. */
    static List<String> twoValues(SettingKey key) {
        return switch (key) {
            case JDBC_URL -> List.of("jdbc:h2:mem:one", "jdbc:h2:mem:two");
            case JDBC_USER -> List.of("one", "two");
            case JDBC_PASSWORD -> List.of("pw-one", "pw-two");
            case DATASOURCE -> List.of("java:comp/env/jdbc/one", "java:comp/env/jdbc/two");
            case SCHEMA -> List.of("create", "none");
            case IDLE_TIMEOUT -> List.of("PT20M", "40m");
            case ABSOLUTE_TIMEOUT -> List.of("PT2H", "3h");
            case MAX_SESSIONS_PER_USER -> List.of("3", "5");
            case MAX_SESSIONS_POLICY -> List.of("reject", "evict-oldest");
            case COOKIE_NAME -> List.of("one", "two");
            case COOKIE_SECURE -> List.of("false", "true");
            case COOKIE_SAME_SITE -> List.of("Strict", "Lax");
            case LOGIN_PATH -> List.of("/one", "/two");
            case EXCLUDE_PATHS -> List.of("/one, /static/*", "/two");
            case TRUSTED_PROXIES -> List.of("10.0.0.0/8, ::1", "192.168.0.0/16");
            case TOUCH_INTERVAL -> List.of("PT10S", "20s");
            case CLEANUP_INTERVAL -> List.of("PT5M", "10m");
            case HISTORY_RETENTION -> List.of("P7D", "14d");
            case ADMIN_ROLE -> List.of("one", "two");
            case REVOCATION_LATENCY -> List.of("PT0S", "2s");
            case BROWSER_ID_COOKIE -> List.of("one", "two");
            case GEOIP_DATABASE -> List.of("/srv/one.mmdb", "/srv/two.mmdb");
            case ADOPT_CONTAINER_LOGIN -> List.of("true", "false");
            case CROSS_SITE_LOGIN -> List.of("allow", "refuse");
        };
    }

    /** The value of a key as text, comparable across spellings; the password unredacted. */
    static String valueOf(SessionkitSettings settings, SettingKey key) {
        return key == SettingKey.JDBC_PASSWORD ? settings.jdbcPassword() : SettingsDescription.text(settings, key);
    }

    /** Resolves one init-param source. */
    static SessionkitSettings resolve(Map<String, String> initParams) {
        return SettingsResolver.resolve(List.of(SettingSource.of("init-param", initParams)));
    }
}
