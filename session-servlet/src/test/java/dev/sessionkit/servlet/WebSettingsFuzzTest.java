package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.Setting;
import dev.sessionkit.config.SettingCatalog;
import dev.sessionkit.config.SettingKey;
import dev.sessionkit.config.SettingSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzzes settings resolution as a filter does it, core and web settings from one source (session-core's
 * SettingsFuzzTest covers core alone). The contract: any text for any key gives valid settings or an
 * {@link InvalidSettingException} naming the key, in one log-safe line that never shows the password; nothing else
 * is ever thrown; the same values from {@code SESSIONKIT_*} variables give the same outcome; and every accepted
 * value reads back unchanged from its own text form.
 *
 * <p>Regression inputs: {@code src/test/resources/dev/sessionkit/servlet/WebSettingsFuzzTestInputs/<method>/}; each
 * line of an input is one {@code key=value} entry, as in a properties file.
 */
class WebSettingsFuzzTest {

    private static final SettingCatalog ALL = SettingKey.ALL.and(WebSettingKey.ALL);

    /** Set as jdbc-password when the input sets none; it must never show up in a message or toString(). */
    private static final String SECRET = "Fz-7kQ2-secret-9wX";

    @FuzzTest
    void resolveSettings(FuzzedDataProvider data) {
        Map<String, String> entries = entries(data.consumeRemainingAsString());
        boolean secretInjected = !entries.containsKey(SettingKey.JDBC_PASSWORD.key());
        if (secretInjected) {
            entries.put(SettingKey.JDBC_PASSWORD.key(), SECRET);
        }
        boolean secretElsewhere = entries.entrySet().stream().anyMatch(e -> e.getKey().contains(SECRET)
                || (!e.getKey().equals(SettingKey.JDBC_PASSWORD.key()) && e.getValue().contains(SECRET)));
        boolean checkSecret = secretInjected && !secretElsewhere;

        ServletSettings.Resolved settings;
        try {
            settings = resolve(SettingSource.of("fuzz", entries));
        } catch (InvalidSettingException e) {
            assertInvalidSettingNamesKey(e, entries);
            assertLogSafe(e.getMessage());
            if (checkSecret) {
                assertFalse(e.getMessage().contains(SECRET), "the password leaked: " + e.getMessage());
            }
            assertSameOutcomeFromEnvironment(entries, null, e);
            return;
        }
        assertValid(settings.web());
        if (checkSecret) {
            assertFalse(settings.core().toString().contains(SECRET) || settings.web().toString().contains(SECRET),
                    "the password leaked");
        }
        assertSameOutcomeFromEnvironment(entries, settings, null);
        // A GeoIP path whose last segment ends in blanks ("/ /" is the path "/ ") has no text form, since blanks
        // around values are ignored.
        Map<String, String> text = asText(settings);
        if (!text.getOrDefault("geoip-database", "").equals(text.getOrDefault("geoip-database", "").strip())) {
            return;
        }
        assertEquals(settings, resolve(SettingSource.of("round trip", text)),
                "settings -> text -> settings, text was " + text);
    }

    private static ServletSettings.Resolved resolve(SettingSource source) {
        return ServletSettings.resolve(List.of(source));
    }

    /**
     * The key an error names must be one the input set, or a default the input broke through a rule between two
     * settings (idle-timeout vs touch-interval, cookie-name vs browser-id-cookie), which the message then names.
     */
    private static void assertInvalidSettingNamesKey(InvalidSettingException e, Map<String, String> entries) {
        String message = e.getMessage();
        assertNotNull(e.key(), message);
        if (entries.containsKey(e.key())) {
            if (e.key().matches("[A-Za-z0-9._-]{1,64}")) {
                assertTrue(message.contains(e.key()), "the message names the key " + e.key() + ": " + message);
            }
            return;
        }
        assertTrue(ALL.find(e.key()).isPresent(), "names a setting or an input key: " + e.key());
        assertTrue(entries.keySet().stream().anyMatch(key -> ALL.find(key).isPresent() && message.contains(key)),
                "a default failed, so the message must name the input key that broke it: " + message);
    }

    /** The same values from SESSIONKIT_* variables give the same settings, or fail on the same key. */
    private static void assertSameOutcomeFromEnvironment(Map<String, String> entries,
            ServletSettings.Resolved settings, InvalidSettingException error) {
        if (entries.keySet().stream().anyMatch(key -> ALL.find(key).isEmpty())) {
            return; // unknown keys have no environment spelling
        }
        Map<String, String> environment = new HashMap<>();
        entries.forEach((key, value) -> environment.put(ALL.find(key).orElseThrow().envName(), value));
        SettingSource source = SettingSource.environment(environment);
        if (settings != null) {
            assertEquals(settings, resolve(source));
        } else {
            InvalidSettingException fromEnvironment = assertThrows(InvalidSettingException.class,
                    () -> resolve(source));
            assertEquals(error.key(), fromEnvironment.key());
        }
    }

    /** The documented ranges and rules that valid web settings always satisfy. */
    private static void assertValid(WebSettings s) {
        assertCookieName(s.cookieName());
        assertCookieName(s.browserIdCookie());
        assertFalse(s.cookieName().equalsIgnoreCase(s.browserIdCookie()), "two cookies, two names");
        assertTrue(s.cookieSecure() || s.cookieSameSite() != SameSite.NONE, "SameSite=None needs Secure");
        assertFalse(s.adminRole().isBlank());
        s.loginPath().ifPresent(path -> assertTrue(path.startsWith("/") && !path.startsWith("//")
                && path.indexOf('\\') < 0 && path.chars().noneMatch(Character::isWhitespace), path));
        for (String path : s.excludePaths()) {
            assertTrue(path.startsWith("/") && !path.startsWith("//") && path.indexOf('\\') < 0
                    && path.chars().noneMatch(Character::isWhitespace), path);
            assertTrue(path.indexOf('*') < 0 || path.indexOf('*') == path.length() - 1 && path.endsWith("/*"), path);
        }
    }

    /** An RFC 6265 cookie-name token without a prefix the browser would give meaning to. */
    private static void assertCookieName(String name) {
        assertTrue(!name.isEmpty() && name.chars().allMatch(c -> c > 32 && c < 127
                && "()<>@,;:\\\"/[]?={} \t".indexOf(c) < 0), name);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        assertFalse(lower.startsWith("__host-") || lower.startsWith("__secure-"), name);
    }

    /** One line without control, bidi-format or lone surrogate characters: safe to log as it is. */
    private static void assertLogSafe(String message) {
        assertNotNull(message);
        assertTrue(message.codePoints().noneMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR), "not one clean line: " + message);
    }

    /** Both owners' settings written back as setting text by key; unset optional values left out. */
    private static Map<String, String> asText(ServletSettings.Resolved settings) {
        Map<String, String> text = new LinkedHashMap<>();
        for (Setting<?> setting : SettingKey.ALL.settings()) {
            put(text, setting, settings.core().get(setting));
        }
        for (Setting<?> setting : WebSettingKey.ALL.settings()) {
            put(text, setting, settings.web().get(setting));
        }
        return text;
    }

    @SuppressWarnings("unchecked") // the value was read from the same setting
    private static <T> void put(Map<String, String> text, Setting<T> setting, Object value) {
        if (!Optional.empty().equals(value)) {
            text.put(setting.key(), setting.text((T) value));
        }
    }

    /** Parses {@code key=value} lines (split at the first '='; a line without one is a key with empty value). */
    private static Map<String, String> entries(String input) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : input.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            entries.put(equals < 0 ? line : line.substring(0, equals), equals < 0 ? "" : line.substring(equals + 1));
        }
        return entries;
    }
}
