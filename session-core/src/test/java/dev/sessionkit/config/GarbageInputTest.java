package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Whatever text reaches resolve(), the only failure is an InvalidSettingException with a one-line message. */
class GarbageInputTest {

    private static final String SECRET = "pw-" + SettingExamples.PASSWORD;

    private static final List<String> NASTY = List.of(
            "", " ", "\t\n\r", "\u0000", "a\u0000b", "x".repeat(10_240), "9".repeat(10_240), "/".repeat(10_240),
            "\uD800", "\uDC00x", "\uD83D\uDE00", "\uD83D\uDE42".repeat(5_000), "\u202Eevil", "\u200B", "\uFEFF30m",
            "\uFF30\uFF34\uFF13\uFF10\uFF2D", "\u0663\u0660m", "\u0130", "\u00DF", "\u0131dle", "PT30M\n",
            "30m\r\nX-Injected: 1", "%s%n%d", "${jndi:ldap://x/a}", "'; DROP TABLE sessionkit_session; --",
            "NaN", "-0", "0x10", "1e3", "Infinity", "PT", "P", "-", "+", "::", ":::", "/", "*", "/*", ",,,",
            ", , ,", "true\u0000", "TRUE", "null", "\\", "\\u0000", "\"quoted\"", "10.0.0.0/8,,::1,",
            "1".repeat(30) + "d", "PT" + "9".repeat(30) + "S", "-" + "9".repeat(30), "2147483648", "-2147483649",
            "__Host-", "=", "a=b;c", "<script>alert(1)</script>", "../../etc/passwd", "C:\\x\\y.mmdb",
            "jdbc:", "jdbc:\u0000", "\u00A0", "\u3000", "\u2028", "\u0085");

    private static final Map<String, Function<Map<String, String>, SettingSource>> SOURCES = Map.of(
            "init-param", m -> SettingSource.of("init-param", m),
            "context-param", m -> SettingSource.shared("context-param", m),
            "properties", m -> {
                Properties p = new Properties();
                p.putAll(m);
                return SettingSource.properties(p);
            });

    @Test
    void resolveWhenAnyKeyGetsGarbageThenSettingsOrInvalidSettingOnly() {
        int rejected = 0;
        for (Setting<?> key : SettingKey.ALL.settings()) {
            for (String value : NASTY) {
                Map<String, String> params = new HashMap<>();
                params.put("jdbc-password", SECRET);
                params.put(key.key(), value);
                for (var source : SOURCES.entrySet()) {
                    rejected += check(key + "=" + describe(value) + " via " + source.getKey(),
                            source.getValue().apply(params));
                }
                rejected += check(key + "=" + describe(value) + " via env",
                        SettingSource.environment(Map.of(key.envName(), value)));
            }
        }
        assertTrue(rejected > SettingKey.ALL.settings().size() * 10, "most garbage is refused: " + rejected);
    }

    @Test
    void resolveWhenGarbageKeysThenInvalidSettingOnly() {
        for (String key : NASTY) {
            for (var source : SOURCES.entrySet()) {
                check("key " + describe(key) + " via " + source.getKey(),
                        source.getValue().apply(Map.of(key, "5m")));
            }
        }
    }

    @Test
    void resolveWhenAllKeysGetGarbageAtOnceThenInvalidSettingOnly() {
        for (String value : NASTY) {
            Map<String, String> all = new HashMap<>();
            Map<String, String> env = new HashMap<>();
            for (Setting<?> key : SettingKey.ALL.settings()) {
                all.put(key.key(), value);
                env.put(key.envName(), value);
            }
            check("all=" + describe(value), SettingSource.of("init-param", all));
            check("all env=" + describe(value), SettingSource.environment(env));
        }
    }

    /** Resolves one source; returns 1 if refused properly, 0 if accepted; fails on anything else. */
    private static int check(String what, SettingSource source) {
        try {
            SessionkitSettings settings = SettingsResolver.resolve(List.of(source));
            assertFalse(settings.toString().contains(SECRET), what);
            return 0;
        } catch (InvalidSettingException e) {
            String message = e.getMessage();
            assertFalse(message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0 || message.indexOf('\u0000') >= 0
                    || message.indexOf('\u2028') >= 0 || message.indexOf('\u0085') >= 0,
                    what + ": message must stay one log line: " + message);
            assertTrue(message.length() < 2_000, what + ": message too long: " + message.length());
            assertFalse(message.contains(SECRET), what + ": message shows the password: " + message);
            return 1;
        } catch (RuntimeException | Error e) {
            fail(what + ": unexpected " + e, e);
            return 0;
        }
    }

    private static String describe(String value) {
        return Texts.quote(value);
    }
}
