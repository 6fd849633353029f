package dev.sessionkit.servlet;

import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.config.SettingSource;
import dev.sessionkit.config.SettingsResolver;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the filter's settings in the documented order: filter init-params, servlet-context params,
 * {@code sessionkit.properties} on the web app's classpath, then {@code SESSIONKIT_*} environment variables, and
 * last, weakest, the defaults the application passed to the filter. Core and web settings come from the same
 * sources; a key neither owner reads fails once, with a suggestion from both owners' keys.
 */
final class ServletSettings {

    /** The core and the web settings of one filter. */
    record Resolved(SessionkitSettings core, WebSettings web) {
    }

    private ServletSettings() {
    }

    /** The sources of a filter, strongest first, reading this process's environment. */
    static List<SettingSource> sources(FilterConfig config, Optional<SettingSource> appDefaults) {
        return sources(config, appDefaults, System.getenv());
    }

    static List<SettingSource> sources(FilterConfig config, Optional<SettingSource> appDefaults,
            Map<String, String> environment) {
        ServletContext context = config.getServletContext();
        List<SettingSource> sources = new ArrayList<>(List.of(
                SettingSource.of("filter init-param", initParams(config)),
                // The context's params also belong to the app and other libraries: only near-misses are errors.
                SettingSource.shared("context-param", contextParams(context)),
                SettingSource.classpathProperties(classLoader(context)),
                SettingSource.environment(environment)));
        appDefaults.ifPresent(sources::add);
        return List.copyOf(sources);
    }

    /** Both owners' settings; the keys are checked once, against both owners. */
    static Resolved resolve(List<SettingSource> strongestFirst) {
        SessionkitSettings core = SettingsResolver.resolve(strongestFirst, WebSettingKey.ALL);
        return new Resolved(core, WebSettings.fromSources(strongestFirst));
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
