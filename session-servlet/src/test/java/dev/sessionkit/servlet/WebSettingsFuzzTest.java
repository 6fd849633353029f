package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.Setting;
import dev.sessionkit.config.SettingCatalog;
import dev.sessionkit.config.SettingKey;
import dev.sessionkit.fuzz.SettingsResolutionCheck;

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

    @FuzzTest
    void resolveSettings(FuzzedDataProvider data) {
        new SettingsResolutionCheck<ServletSettings.Resolved>(ALL, ServletSettings::resolve,
                resolved -> assertValid(resolved.web()), WebSettingsFuzzTest::valueOf)
                .check(data.consumeRemainingAsString());
    }

    private static Object valueOf(ServletSettings.Resolved settings, Setting<?> setting) {
        return SettingKey.ALL.contains(setting) ? settings.core().get(setting) : settings.web().get(setting);
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
}
