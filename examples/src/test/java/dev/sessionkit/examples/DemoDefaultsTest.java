package dev.sessionkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.config.SettingSource;
import dev.sessionkit.config.SettingsResolver;
import dev.sessionkit.servlet.WebSettingKey;
import dev.sessionkit.servlet.WebSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo's own defaults are a source below the environment: a SESSIONKIT_* variable always beats them. */
class DemoDefaultsTest {

    private static List<SettingSource> environmentThenDemo(Map<String, String> environment, boolean loopback) {
        return List.of(SettingSource.environment(environment), DemoWebApp.demoDefaults(loopback));
    }

    @Test
    void withoutVariablesTheDemoDefaultsApply() {
        List<SettingSource> sources = environmentThenDemo(Map.of(), false);

        WebSettings web = WebSettings.resolve(sources);
        assertEquals(Optional.of("/login.html"), web.loginPath());
        assertTrue(web.excludePaths().contains("/ping"), web.excludePaths().toString());
        assertTrue(web.cookieSecure(), "the WAR keeps Secure cookies");
        assertEquals(SchemaMode.CREATE, SettingsResolver.resolve(sources, WebSettingKey.ALL).schema());
    }

    @Test
    void environmentVariablesBeatTheDemoDefaults() {
        List<SettingSource> sources = environmentThenDemo(Map.of("SESSIONKIT_LOGIN_PATH", "/signin",
                "SESSIONKIT_EXCLUDE_PATHS", "/signin", "SESSIONKIT_SCHEMA", "validate",
                "SESSIONKIT_COOKIE_SECURE", "true"), true);

        WebSettings web = WebSettings.resolve(sources);
        SessionkitSettings core = SettingsResolver.resolve(sources, WebSettingKey.ALL);
        assertEquals(Optional.of("/signin"), web.loginPath());
        assertEquals(List.of("/signin"), web.excludePaths());
        assertTrue(web.cookieSecure(), "the variable beats the loopback demo's plain-HTTP cookies");
        assertEquals(SchemaMode.VALIDATE, core.schema());
    }

    @Test
    void onLoopbackTheDemoDefaultsArePlainHttpCookies() {
        assertFalse(WebSettings.resolve(environmentThenDemo(Map.of(), true)).cookieSecure());
    }
}
