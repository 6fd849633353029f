package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sessionkit.config.HostileSettingText;
import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.Setting;
import dev.sessionkit.config.SettingKey;
import dev.sessionkit.config.SettingSource;
import dev.sessionkit.config.Texts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WebSettingKeyTest {

    @Test
    void keysWhenListedThenTheSpecTablesWebKeysInOrder() {
        List<String> keys = WebSettingKey.ALL.settings().stream().map(Setting::key).toList();
        assertEquals(List.of("cookie-name", "cookie-secure", "cookie-same-site", "login-path", "exclude-paths",
                "public-paths", "trusted-proxies", "admin-role", "browser-id-cookie", "adopt-container-login", "cross-site-login"),
                keys);
    }

    @Test
    void keysWhenBothOwnersJoinedThenEverySpecKeyAndTheNewOnesExactlyOnce() {
        Set<String> all = Stream.concat(SettingKey.ALL.settings().stream(), WebSettingKey.ALL.settings().stream())
                .map(Setting::key).collect(Collectors.toSet());
        assertEquals(Set.of("jdbc-url", "jdbc-user", "jdbc-password", "datasource", "schema", "idle-timeout",
                "absolute-timeout", "max-sessions-per-user", "max-sessions-policy", "cookie-name", "cookie-secure",
                "cookie-same-site", "login-path", "exclude-paths", "trusted-proxies", "touch-interval",
                "cleanup-interval", "history-retention", "admin-role", "revocation-latency", "browser-id-cookie",
                "geoip-database", "adopt-container-login", "cross-site-login", "validation-cache-size",
                "event-retention", "login-failure-window", "login-failures-per-account-address",
                "login-failures-per-address", "login-failures-per-account", "impossible-travel-speed",
                "risk-actions", "alert-link-secret", "privileged-session-max-age", "remember-me-lifetime",
                "remember-me-max-devices", "public-paths"), all);
        assertEquals(37, SettingKey.ALL.and(WebSettingKey.ALL).settings().size());
    }

    @ParameterizedTest
    @MethodSource("dev.sessionkit.servlet.WebExamples#keys")
    void envNameAndSecrecyWhenAskedThenAsForEverySetting(Setting<?> key) {
        assertEquals("SESSIONKIT_" + key.key().toUpperCase(java.util.Locale.ROOT).replace('-', '_'), key.envName());
        assertFalse(key.isSecret(), "no web setting is a secret");
        assertFalse(key.description().isBlank());
        assertFalse(key.description().contains("\n"));
        assertFalse(key.documentedDefault().isBlank());
    }

    @Test
    void documentedDefaultWhenNoneOrNotedThenShownAsInSpec() {
        assertEquals("–", WebSettingKey.TRUSTED_PROXIES.documentedDefault());
        assertEquals("–", WebSettingKey.LOGIN_PATH.documentedDefault());
        assertEquals("`sid` (sent as `__Host-sid` when secure)", WebSettingKey.COOKIE_NAME.documentedDefault());
        assertEquals("`bid` (kept 400 days)", WebSettingKey.BROWSER_ID_COOKIE.documentedDefault());
    }

    @Test
    void resolveWhenAnyWebKeyGetsGarbageThenSettingsOrInvalidSettingOnly() {
        int rejected = 0;
        for (Setting<?> key : WebSettingKey.ALL.settings()) {
            for (String value : HostileSettingText.VALUES) {
                Map<String, String> params = new HashMap<>();
                params.put(key.key(), value);
                for (var source : HostileSettingText.SOURCES.entrySet()) {
                    rejected += check(key + "=" + Texts.quote(value) + " via " + source.getKey(),
                            source.getValue().apply(params));
                }
                rejected += check(key + "=" + Texts.quote(value) + " via env",
                        SettingSource.environment(Map.of(key.envName(), value)));
            }
        }
        assertTrue(rejected > WebSettingKey.ALL.settings().size() * 10, "most garbage is refused: " + rejected);
    }

    @Test
    void resolveWhenAllWebKeysGetGarbageAtOnceThenInvalidSettingOnly() {
        for (String value : HostileSettingText.VALUES) {
            Map<String, String> all = new HashMap<>();
            Map<String, String> env = new HashMap<>();
            for (Setting<?> key : WebSettingKey.ALL.settings()) {
                all.put(key.key(), value);
                env.put(key.envName(), value);
            }
            check("all=" + Texts.quote(value), SettingSource.of("init-param", all));
            check("all env=" + Texts.quote(value), SettingSource.environment(env));
        }
    }

    private static int check(String what, SettingSource source) {
        try {
            WebSettings.resolve(List.of(source));
            return 0;
        } catch (InvalidSettingException e) {
            String message = e.getMessage();
            assertFalse(message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0 || message.indexOf('\u0000') >= 0
                    || message.indexOf('\u2028') >= 0 || message.indexOf('\u0085') >= 0,
                    what + ": message must stay one log line: " + message);
            assertTrue(message.length() < 2_000, what + ": message too long: " + message.length());
            return 1;
        } catch (RuntimeException | Error e) {
            fail(what + ": unexpected " + e, e);
            return 0;
        }
    }
}
