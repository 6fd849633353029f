package dev.sessionkit.config;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Shared test data: valid example values per key and helpers to resolve them. */
final class SettingExamples {

    /** A password that must never show up in a message or toString(). */
    static final String PASSWORD = "S3cr3t-Pa55w0rd";

    private SettingExamples() {
    }

    /** Every core setting, for parameterized tests. */
    static Stream<Setting<?>> keys() {
        return SettingKey.ALL.settings().stream();
    }

    /** Two valid texts per key that resolve to different values, the first never the default. */
    static List<String> twoValues(Setting<?> key) {
        return switch (key.key()) {
            case "jdbc-url" -> List.of("jdbc:h2:mem:one", "jdbc:h2:mem:two");
            case "jdbc-user" -> List.of("one", "two");
            case "jdbc-password" -> List.of("pw-one", "pw-two");
            case "datasource" -> List.of("java:comp/env/jdbc/one", "java:comp/env/jdbc/two");
            case "schema" -> List.of("create", "none");
            case "idle-timeout" -> List.of("PT20M", "40m");
            case "absolute-timeout" -> List.of("PT2H", "3h");
            case "max-sessions-per-user" -> List.of("3", "5");
            case "max-sessions-policy" -> List.of("reject", "evict-oldest");
            case "touch-interval" -> List.of("PT10S", "20s");
            case "cleanup-interval" -> List.of("PT5M", "10m");
            case "history-retention" -> List.of("P7D", "14d");
            case "revocation-latency" -> List.of("PT0S", "2s");
            case "validation-cache-size" -> List.of("256MB", "1GB");
            case "geoip-database" -> List.of("/srv/one.mmdb", "/srv/two.mmdb");
            case "event-retention" -> List.of("P30D", "365d");
            case "login-failure-window" -> List.of("PT5M", "1h");
            case "login-failures-per-account-address" -> List.of("10", "20");
            case "login-failures-per-address" -> List.of("50", "500");
            case "login-failures-per-account" -> List.of("20", "1000");
            case "impossible-travel-speed" -> List.of("800", "1200");
            case "alert-link-secret" -> List.of("a".repeat(32), "0123456789abcdef0123456789abcdef-two");
            case "risk-actions" -> List.of("new-device=record", "impossible-travel=end-session,new-country=record");
            case "privileged-session-max-age" -> List.of("PT5M", "0s");
            case "remember-me-lifetime" -> List.of("P7D", "PT12H");
            case "remember-me-max-devices" -> List.of("3", "25");
            default -> throw new IllegalArgumentException("no examples for " + key + "; add them here");
        };
    }

    /** The value of a key as setting text, comparable across spellings; the password unredacted. */
    static <T> String valueOf(SessionkitSettings settings, Setting<T> key) {
        return key.text(settings.get(key));
    }

    /** Resolves one init-param source. */
    static SessionkitSettings resolve(Map<String, String> initParams) {
        return SettingsResolver.resolve(List.of(SettingSource.of("init-param", initParams)));
    }
}
