package dev.sessionkit.servlet;

import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.config.SettingSource;
import dev.sessionkit.config.SettingsResolver;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves settings in the documented order: filter init-params, servlet-context params, {@code sessionkit.properties}
 * on the web app's classpath, then {@code SESSIONKIT_*} environment variables.
 */
final class ServletSettings {

    private ServletSettings() {
    }

    static SessionkitSettings resolve(FilterConfig config) {
        ServletContext context = config.getServletContext();
        return SettingsResolver.resolve(List.of(
                SettingSource.of("filter init-param", initParams(config)),
                // The context's params also belong to the app and other libraries: only near-misses are errors.
                SettingSource.shared("context-param", contextParams(context)),
                SettingSource.classpathProperties(classLoader(context)),
                SettingSource.environment()));
    }

    private static Map<String, String> initParams(FilterConfig config) {
        Map<String, String> params = new HashMap<>();
        for (String name : Collections.list(config.getInitParameterNames())) {
            params.put(name, config.getInitParameter(name));
        }
        return params;
    }

    private static Map<String, String> contextParams(ServletContext context) {
        Map<String, String> params = new HashMap<>();
        for (String name : Collections.list(context.getInitParameterNames())) {
            params.put(name, context.getInitParameter(name));
        }
        return params;
    }

    private static ClassLoader classLoader(ServletContext context) {
        ClassLoader loader = context.getClassLoader();
        return loader != null ? loader : ServletSettings.class.getClassLoader();
    }
}
