package dev.sessionkit.config;

import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** Writes settings back as text by key, for {@link SessionkitSettings#toString()}; secrets come out as ****. */
final class SettingsDescription {

    private SettingsDescription() {
    }

    static String describe(SessionkitSettings s) {
        StringJoiner out = new StringJoiner(", ", "SessionkitSettings[", "]");
        for (SettingKey key : SettingKey.values()) {
            out.add(key.key() + "=" + text(s, key));
        }
        return out.toString();
    }

    /** The value of {@code key} in setting syntax, secrets redacted; unset optional values come out as "". */
    static String text(SessionkitSettings s, SettingKey key) {
        return switch (key) {
            case JDBC_URL -> CredentialRedactor.redactText(s.jdbcUrl());
            case JDBC_USER -> s.jdbcUser();
            case JDBC_PASSWORD -> s.jdbcPassword().isEmpty() ? "" : "****";
            case DATASOURCE -> s.datasource().orElse("");
            case SCHEMA -> s.schema().settingValue();
            case IDLE_TIMEOUT -> s.idleTimeout().toString();
            case ABSOLUTE_TIMEOUT -> s.absoluteTimeout().toString();
            case MAX_SESSIONS_PER_USER -> Integer.toString(s.maxSessionsPerUser());
            case MAX_SESSIONS_POLICY -> s.maxSessionsPolicy().settingValue();
            case COOKIE_NAME -> s.cookieName();
            case COOKIE_SECURE -> Boolean.toString(s.cookieSecure());
            case COOKIE_SAME_SITE -> s.cookieSameSite().attributeValue();
            case LOGIN_PATH -> s.loginPath().orElse("");
            case EXCLUDE_PATHS -> String.join(",", s.excludePaths());
            case TRUSTED_PROXIES -> join(s.trustedProxies());
            case TOUCH_INTERVAL -> s.touchInterval().toString();
            case CLEANUP_INTERVAL -> s.cleanupInterval().toString();
            case HISTORY_RETENTION -> s.historyRetention().toString();
            case ADMIN_ROLE -> s.adminRole();
            case REVOCATION_LATENCY -> s.revocationLatency().toString();
            case BROWSER_ID_COOKIE -> s.browserIdCookie();
            case GEOIP_DATABASE -> s.geoipDatabase().map(Path::toString).orElse("");
            case ADOPT_CONTAINER_LOGIN -> Boolean.toString(s.adoptContainerLogin());
            case CROSS_SITE_LOGIN -> s.crossSiteLogin().settingValue();
        };
    }

    private static String join(List<?> items) {
        return items.stream().map(Object::toString).collect(Collectors.joining(","));
    }
}
