package dev.sessionkit.config;

import static dev.sessionkit.config.SettingKey.ABSOLUTE_TIMEOUT;
import static dev.sessionkit.config.SettingKey.ADMIN_ROLE;
import static dev.sessionkit.config.SettingKey.BROWSER_ID_COOKIE;
import static dev.sessionkit.config.SettingKey.CLEANUP_INTERVAL;
import static dev.sessionkit.config.SettingKey.COOKIE_NAME;
import static dev.sessionkit.config.SettingKey.COOKIE_SAME_SITE;
import static dev.sessionkit.config.SettingKey.DATASOURCE;
import static dev.sessionkit.config.SettingKey.EXCLUDE_PATHS;
import static dev.sessionkit.config.SettingKey.HISTORY_RETENTION;
import static dev.sessionkit.config.SettingKey.IDLE_TIMEOUT;
import static dev.sessionkit.config.SettingKey.JDBC_URL;
import static dev.sessionkit.config.SettingKey.LOGIN_PATH;
import static dev.sessionkit.config.SettingKey.MAX_SESSIONS_PER_USER;
import static dev.sessionkit.config.SettingKey.REVOCATION_LATENCY;
import static dev.sessionkit.config.SettingKey.TOUCH_INTERVAL;

import java.time.Duration;
import java.util.Locale;

/**
 * The checks {@link SessionkitSettingsBuilder#build()} runs: ranges of single values, then rules between values.
 * Every failure names the key, the value (never for a secret; no check reads the password) and the fix.
 */
final class SettingsValidator {

    /** Longest accepted duration: beyond it, adding it to an {@code Instant} could overflow. */
    static final Duration MAX_DURATION = Duration.ofDays(36_500);

    private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";

    private SettingsValidator() {
    }

    static void validate(SessionkitSettingsBuilder b) {
        if (b.jdbcUrl.isBlank() || !b.jdbcUrl.regionMatches(true, 0, "jdbc:", 0, 5)) {
            fail(JDBC_URL, "jdbc-url " + Texts.quote(CredentialRedactor.redactText(b.jdbcUrl)) + " is not a JDBC URL; it must"
                    + " start with jdbc:, e.g. jdbc:postgresql://db:5432/app");
        }
        if (b.datasource != null && b.datasource.isBlank()) {
            fail(DATASOURCE, "datasource is blank; give a JNDI name such as java:comp/env/jdbc/sessions, or leave"
                    + " it unset to use jdbc-url");
        }
        positive(IDLE_TIMEOUT, b.idleTimeout);
        positive(ABSOLUTE_TIMEOUT, b.absoluteTimeout);
        if (b.maxSessionsPerUser < 0) {
            fail(MAX_SESSIONS_PER_USER, "max-sessions-per-user is " + b.maxSessionsPerUser
                    + "; write 0 for no limit or a positive number of sessions");
        }
        cookieName(COOKIE_NAME, b.cookieName);
        if (b.cookieSameSite == SameSite.NONE && !b.cookieSecure) {
            fail(COOKIE_SAME_SITE, "cookie-same-site None requires cookie-secure=true, as browsers drop"
                    + " SameSite=None cookies that are not Secure; set cookie-secure=true or use Lax or Strict");
        }
        if (b.loginPath != null) {
            path(LOGIN_PATH, b.loginPath, false);
        }
        for (String exclude : b.excludePaths) {
            path(EXCLUDE_PATHS, exclude, true);
        }
        notNegative(TOUCH_INTERVAL, b.touchInterval);
        if (b.touchInterval.compareTo(b.idleTimeout) >= 0) {
            fail(TOUCH_INTERVAL, "touch-interval " + b.touchInterval + " must be shorter than idle-timeout "
                    + b.idleTimeout + ", or active sessions could expire between two recorded requests; lower"
                    + " touch-interval or raise idle-timeout");
        }
        positive(CLEANUP_INTERVAL, b.cleanupInterval);
        notNegative(HISTORY_RETENTION, b.historyRetention);
        if (b.adminRole.isBlank()) {
            fail(ADMIN_ROLE, "admin-role is blank; name the role that may use the admin API, e.g. sessionkit-admin");
        }
        notNegative(REVOCATION_LATENCY, b.revocationLatency);
        cookieName(BROWSER_ID_COOKIE, b.browserIdCookie);
        if (b.browserIdCookie.equalsIgnoreCase(b.cookieName)) {
            fail(BROWSER_ID_COOKIE, "browser-id-cookie " + Texts.quote(b.browserIdCookie) + " is the same as"
                    + " cookie-name; give the two cookies different names (defaults: bid and sid)");
        }
    }

    private static void positive(SettingKey key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            fail(key, key.key() + " is " + value + " but must be longer than zero; write e.g. "
                    + key.defaultValue().orElse("PT30M"));
        }
        atMost(key, value);
    }

    private static void notNegative(SettingKey key, Duration value) {
        if (value.isNegative()) {
            fail(key, key.key() + " is " + value + " but must not be negative; write PT0S or a positive duration"
                    + " such as " + key.defaultValue().orElse("PT30M"));
        }
        atMost(key, value);
    }

    private static void atMost(SettingKey key, Duration value) {
        if (value.compareTo(MAX_DURATION) > 0) {
            fail(key, key.key() + " is " + value + ", longer than the supported maximum of P36500D (100 years)");
        }
    }

    /** RFC 6265 cookie-name: an RFC 2616 token, i.e. visible ASCII without separators. */
    private static void cookieName(SettingKey key, String name) {
        boolean token = !name.isEmpty()
                && name.chars().allMatch(c -> c > 32 && c < 127 && SEPARATORS.indexOf(c) < 0);
        if (!token) {
            fail(key, key.key() + " " + Texts.quote(name) + " is not a valid cookie name; use letters, digits"
                    + " and !#$%&'*+-.^_`|~ only (an RFC 6265 token), e.g. " + key.defaultValue().orElse("sid"));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("__host-") || lower.startsWith("__secure-")) {
            fail(key, key.key() + " " + Texts.quote(name) + " carries a cookie prefix; give the base name only,"
                    + " Sessionkit adds __Host- itself when cookie-secure is true");
        }
    }

    private static void path(SettingKey key, String path, boolean prefixAllowed) {
        String fix = prefixAllowed ? "; write paths like /login or prefixes like /static/*"
                : "; write a path of this application like /login";
        if (!path.startsWith("/")) {
            fail(key, key.key() + " " + Texts.quote(path) + " must start with /" + fix);
        }
        if (path.startsWith("//") || path.indexOf('\\') >= 0) {
            fail(key, key.key() + " " + Texts.quote(path) + " could point to another site (// or \\)" + fix);
        }
        String body = prefixAllowed && path.endsWith("/*") ? path.substring(0, path.length() - 1) : path;
        boolean clean = body.codePoints().noneMatch(c -> c == '*' || Character.isWhitespace(c)
                || Character.isISOControl(c) || Character.isSpaceChar(c));
        if (!clean) {
            fail(key, key.key() + " " + Texts.quote(path) + " contains a blank, control character or misplaced *"
                    + (prefixAllowed ? " (* is allowed only as a final /*)" : "") + fix);
        }
    }

    private static void fail(SettingKey key, String message) {
        throw new InvalidSettingException(key.key(), message);
    }
}
