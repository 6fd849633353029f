package dev.sessionkit.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns one setting's text into its typed value on a builder. Only the text's shape is checked here (is it a
 * number, a duration, one of the choices); ranges and combinations are {@link SettingsValidator}'s job, so typed
 * builder calls and text get the same checks.
 */
final class SettingParsers {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,10}");

    private SettingParsers() {
    }

    /**
     * Parses {@code text} as the value of {@code key} and sets it on {@code b}. Surrounding blanks are ignored,
     * except in the password, which is taken as written.
     */
    static SessionkitSettingsBuilder apply(SessionkitSettingsBuilder b, SettingKey key, String text) {
        String v = text.strip();
        return switch (key) {
            case JDBC_URL -> b.jdbcUrl(v);
            case JDBC_USER -> b.jdbcUser(v);
            case JDBC_PASSWORD -> b.jdbcPassword(text);
            case DATASOURCE -> b.datasource(v);
            case SCHEMA -> b.schema(choice(key, v, SchemaMode.values(), SchemaMode::settingValue));
            case IDLE_TIMEOUT -> b.idleTimeout(DurationParser.parse(key.key(), v));
            case ABSOLUTE_TIMEOUT -> b.absoluteTimeout(DurationParser.parse(key.key(), v));
            case MAX_SESSIONS_PER_USER -> b.maxSessionsPerUser(integer(key, v));
            case MAX_SESSIONS_POLICY -> b.maxSessionsPolicy(
                    choice(key, v, MaxSessionsPolicy.values(), MaxSessionsPolicy::settingValue));
            case COOKIE_NAME -> b.cookieName(v);
            case COOKIE_SECURE -> b.cookieSecure(bool(key, v));
            case COOKIE_SAME_SITE -> b.cookieSameSite(choice(key, v, SameSite.values(), SameSite::attributeValue));
            case LOGIN_PATH -> b.loginPath(v);
            case EXCLUDE_PATHS -> b.excludePaths(commaList(v));
            case TRUSTED_PROXIES -> b.trustedProxies(ipRanges(key, v));
            case TOUCH_INTERVAL -> b.touchInterval(DurationParser.parse(key.key(), v));
            case CLEANUP_INTERVAL -> b.cleanupInterval(DurationParser.parse(key.key(), v));
            case HISTORY_RETENTION -> b.historyRetention(DurationParser.parse(key.key(), v));
            case ADMIN_ROLE -> b.adminRole(v);
            case REVOCATION_LATENCY -> b.revocationLatency(DurationParser.parse(key.key(), v));
            case BROWSER_ID_COOKIE -> b.browserIdCookie(v);
            case GEOIP_DATABASE -> b.geoipDatabase(path(key, v));
            case ADOPT_CONTAINER_LOGIN -> b.adoptContainerLogin(bool(key, v));
            case CROSS_SITE_LOGIN -> b.crossSiteLogin(
                    choice(key, v, CrossSiteLogin.values(), CrossSiteLogin::settingValue));
        };
    }

    /** Splits a comma list, dropping blanks around items and empty items (so a trailing comma is harmless). */
    static List<String> commaList(String text) {
        return Arrays.stream(text.split(",", -1)).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableList());
    }

    private static <E extends Enum<E>> E choice(SettingKey key, String v, E[] values, Function<E, String> spelling) {
        String wanted = v.replace('_', '-');
        for (E value : values) {
            if (spelling.apply(value).equalsIgnoreCase(wanted)) {
                return value;
            }
        }
        String expected = Arrays.stream(values).map(spelling).collect(Collectors.joining(", "));
        throw new InvalidSettingException(key.key(), key.key() + ": unknown value " + Texts.quote(v)
                + "; expected one of " + expected + " (case does not matter)");
    }

    private static boolean bool(SettingKey key, String v) {
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidSettingException(key.key(), key.key() + ": " + Texts.quote(v)
                + " is not a boolean; write true or false");
    }

    private static int integer(SettingKey key, String v) {
        long value = INTEGER.matcher(v).matches() ? Long.parseLong(v) : Long.MIN_VALUE;
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidSettingException(key.key(), key.key() + ": " + Texts.quote(v)
                    + " is not a whole number; write e.g. 0 (no limit) or 5");
        }
        return (int) value;
    }

    private static List<IpRange> ipRanges(SettingKey key, String v) {
        List<IpRange> ranges = new ArrayList<>();
        for (String item : commaList(v)) {
            try {
                ranges.add(IpRange.parse(item));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(key.key(), key.key() + ": " + Texts.quote(item)
                        + " is not an IP address or CIDR (" + e.getMessage() + "); write a comma list like"
                        + " 10.0.0.0/8, 192.168.1.7, ::1/128 (host names are not accepted)", e);
            }
        }
        return ranges;
    }

    private static Path path(SettingKey key, String v) {
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new InvalidSettingException(key.key(), key.key() + ": " + Texts.quote(v)
                    + " is not a valid file path (" + e.getReason() + "); give the path of a .mmdb file", e);
        }
    }
}
