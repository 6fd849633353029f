package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever text reaches resolve(), the only failure is an InvalidSettingException with a one-line message. */
class GarbageInputTest {

    private static final String SECRET = "pw-" + SettingExamples.PASSWORD;

    @Test
    void resolveWhenAnyKeyGetsGarbageThenSettingsOrInvalidSettingOnly() {
        int rejected = 0;
        for (Setting<?> key : SettingKey.ALL.settings()) {
            for (String value : HostileSettingText.VALUES) {
                Map<String, String> params = new HashMap<>();
                params.put("jdbc-password", SECRET);
                params.put(key.key(), value);
                for (var source : HostileSettingText.SOURCES.entrySet()) {
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
        for (String key : HostileSettingText.VALUES) {
            for (var source : HostileSettingText.SOURCES.entrySet()) {
                check("key " + describe(key) + " via " + source.getKey(),
                        source.getValue().apply(Map.of(key, "5m")));
            }
        }
    }

    @Test
    void resolveWhenAllKeysGetGarbageAtOnceThenInvalidSettingOnly() {
        for (String value : HostileSettingText.VALUES) {
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
