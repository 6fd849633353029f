package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.config.SettingSource;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServletSettingsTest {

    private static FilterConfig config(Map<String, String> initParams, Map<String, String> contextParams) {
        ServletContext context = mock(ServletContext.class);
        when(context.getInitParameterNames()).thenReturn(Collections.enumeration(contextParams.keySet()));
        contextParams.forEach((k, v) -> when(context.getInitParameter(k)).thenReturn(v));
        when(context.getClassLoader()).thenReturn(ServletSettingsTest.class.getClassLoader());
        FilterConfig config = mock(FilterConfig.class);
        when(config.getServletContext()).thenReturn(context);
        when(config.getInitParameterNames()).thenReturn(Collections.enumeration(initParams.keySet()));
        initParams.forEach((k, v) -> when(config.getInitParameter(k)).thenReturn(v));
        return config;
    }

    private static ServletSettings.Resolved resolve(Map<String, String> initParams, Map<String, String> contextParams,
            Map<String, String> environment, Map<String, String> appDefaults) {
        Optional<SettingSource> defaults = appDefaults.isEmpty() ? Optional.empty()
                : Optional.of(SettingSource.of("app defaults", appDefaults));
        return ServletSettings.resolve(ServletSettings.sources(config(initParams, contextParams), defaults,
                environment));
    }

    private static ServletSettings.Resolved resolve(Map<String, String> initParams,
            Map<String, String> contextParams) {
        return resolve(initParams, contextParams, Map.of(), Map.of());
    }

    @Test
    void initParamsBeatContextParamsWhichBeatDefaults() {
        SessionkitSettings settings = resolve(
                Map.of("idle-timeout", "10m"),
                Map.of("idle-timeout", "20m", "absolute-timeout", "8h", "contextConfigLocation", "/WEB-INF/app.xml"))
                .core();

        assertEquals(Duration.ofMinutes(10), settings.idleTimeout());
        assertEquals(Duration.ofHours(8), settings.absoluteTimeout());
        assertEquals(Duration.ofSeconds(60), settings.touchInterval());
    }

    @Test
    void aTypoInAnInitParamFailsNamingTheKey() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> resolve(Map.of("idle-timout", "10m"), Map.of()));
        assertEquals("idle-timout", e.key());
    }

    @Test
    void webAndCoreKeysInOneSourceAreBothKnownAndEachGoesToItsOwner() {
        ServletSettings.Resolved resolved = resolve(Map.of("idle-timeout", "10m", "login-path", "/signin",
                "cookie-secure", "false"), Map.of("admin-role", "ops"));

        assertEquals(Duration.ofMinutes(10), resolved.core().idleTimeout());
        assertEquals(Optional.of("/signin"), resolved.web().loginPath());
        assertEquals(false, resolved.web().cookieSecure());
        assertEquals("ops", resolved.web().adminRole());
    }

    @Test
    void aTypoOfAWebKeyFailsOnceWithASuggestion() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> resolve(Map.of("cookie-samesite", "Strict", "idle-timeout", "10m"), Map.of()));

        assertEquals("cookie-samesite", e.key());
        assertTrue(e.getMessage().contains("did you mean 'cookie-same-site'?"), e.getMessage());
        assertEquals(e.getMessage().indexOf("cookie-samesite"), e.getMessage().lastIndexOf("cookie-samesite"),
                "named once: " + e.getMessage());
        assertTrue(e.getMessage().contains("filter init-param"), e.getMessage());
    }

    @Test
    void aNearMissOfAWebKeyAmongTheContextsOwnParamsFailsWithASuggestion() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> resolve(Map.of(), Map.of("contextConfigLocation", "/a.xml", "exclude-path", "/x")));

        assertEquals("exclude-path", e.key());
        assertTrue(e.getMessage().contains("did you mean 'exclude-paths'?"), e.getMessage());
    }

    @Test
    void aBadWebValueNamesTheKeyAndTheSource() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> resolve(Map.of(), Map.of(), Map.of("SESSIONKIT_LOGIN_PATH", "login"), Map.of()));

        assertEquals("login-path", e.key());
        assertTrue(e.getMessage().contains("[login-path set in SESSIONKIT_* environment]"), e.getMessage());
    }

    @Test
    void everySourceBeatsTheAppDefaultsForWebAndCoreKeys() {
        Map<String, String> appDefaults = Map.of("login-path", "/app-default", "schema", "create");

        ServletSettings.Resolved byDefaults = resolve(Map.of(), Map.of(), Map.of(), appDefaults);
        ServletSettings.Resolved byEnvironment = resolve(Map.of(), Map.of(),
                Map.of("SESSIONKIT_LOGIN_PATH", "/from-env", "SESSIONKIT_SCHEMA", "none"), appDefaults);
        ServletSettings.Resolved byContext = resolve(Map.of(), Map.of("login-path", "/from-context"),
                Map.of("SESSIONKIT_LOGIN_PATH", "/from-env"), appDefaults);
        ServletSettings.Resolved byInitParam = resolve(Map.of("login-path", "/from-init"),
                Map.of("login-path", "/from-context"), Map.of("SESSIONKIT_LOGIN_PATH", "/from-env"), appDefaults);

        assertEquals(Optional.of("/app-default"), byDefaults.web().loginPath());
        assertEquals("create", byDefaults.core().schema().settingValue());
        assertEquals(Optional.of("/from-env"), byEnvironment.web().loginPath());
        assertEquals("none", byEnvironment.core().schema().settingValue());
        assertEquals(Optional.of("/from-context"), byContext.web().loginPath());
        assertEquals(Optional.of("/from-init"), byInitParam.web().loginPath());
    }

    @Test
    void aTypoInTheAppDefaultsFailsLikeAnyOther() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> resolve(Map.of(), Map.of(), Map.of(), Map.of("login-pth", "/x")));

        assertTrue(e.getMessage().contains("in app defaults"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'login-path'?"), e.getMessage());
    }

    @Test
    void sourcesAreRankedAsTheSpecSaysWithTheAppDefaultsLast() {
        List<SettingSource> sources = ServletSettings.sources(config(Map.of(), Map.of()),
                Optional.of(SettingSource.of("app defaults", Map.of())), Map.of());

        assertEquals(List.of("filter init-param", "context-param", "classpath sessionkit.properties (absent)",
                "SESSIONKIT_* environment", "app defaults"), sources.stream().map(SettingSource::describe).toList());
    }
}
