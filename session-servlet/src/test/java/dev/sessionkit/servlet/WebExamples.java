package dev.sessionkit.servlet;

import dev.sessionkit.config.Setting;
import dev.sessionkit.config.SettingSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Shared test data for the web settings: valid example values per key and helpers to resolve them. */
final class WebExamples {

    private WebExamples() {
    }

    /** Every web setting, for parameterized tests. */
    static Stream<Setting<?>> keys() {
        return WebSettingKey.ALL.settings().stream();
    }

    /** Two valid texts per key that resolve to different values, the first never the default. */
    static List<String> twoValues(Setting<?> key) {
        return switch (key.key()) {
            case "cookie-name" -> List.of("one", "two");
            case "cookie-secure" -> List.of("false", "true");
            case "cookie-same-site" -> List.of("Strict", "Lax");
            case "login-path" -> List.of("/one", "/two");
            case "exclude-paths" -> List.of("/one, /static/*", "/two");
            case "public-paths" -> List.of("/*", "/shop/*, /");
            case "trusted-proxies" -> List.of("10.0.0.0/8, ::1", "192.168.0.0/16");
            case "admin-role" -> List.of("one", "two");
            case "browser-id-cookie" -> List.of("one", "two");
            case "adopt-container-login" -> List.of("true", "false");
            case "cross-site-login" -> List.of("allow", "refuse");
            default -> throw new IllegalArgumentException("no examples for " + key + "; add them here");
        };
    }

    /** The value of a key as setting text, comparable across spellings. */
    static <T> String valueOf(WebSettings settings, Setting<T> key) {
        return key.text(settings.get(key));
    }

    /** Resolves one init-param source. */
    static WebSettings resolve(Map<String, String> initParams) {
        return WebSettings.resolve(List.of(SettingSource.of("init-param", initParams)));
    }
}
