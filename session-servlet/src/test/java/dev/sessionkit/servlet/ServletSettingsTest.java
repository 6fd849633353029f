package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.SessionkitSettings;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
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

    @Test
    void initParamsBeatContextParamsWhichBeatDefaults() {
        SessionkitSettings settings = ServletSettings.resolve(config(
                Map.of("idle-timeout", "10m"),
                Map.of("idle-timeout", "20m", "absolute-timeout", "8h", "contextConfigLocation", "/WEB-INF/app.xml")));

        assertEquals(Duration.ofMinutes(10), settings.idleTimeout());
        assertEquals(Duration.ofHours(8), settings.absoluteTimeout());
        assertEquals(Duration.ofSeconds(60), settings.touchInterval());
    }

    @Test
    void aTypoInAnInitParamFailsNamingTheKey() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> ServletSettings.resolve(config(Map.of("idle-timout", "10m"), Map.of())));
        assertEquals("idle-timout", e.key());
    }
}
