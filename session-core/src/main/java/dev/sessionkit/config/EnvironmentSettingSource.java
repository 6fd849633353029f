package dev.sessionkit.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the {@code SESSIONKIT_*} environment variables, read by {@link Setting#envName()}. Variables no
 * setting reads (the demo's {@code SESSIONKIT_PORT}, {@code SESSIONKIT_DEMO_PASSWORD}) are ignored, never reported
 * as unknown. Immutable, so thread-safe.
 */
final class EnvironmentSettingSource implements SettingSource {

    private static final String PREFIX = "SESSIONKIT_";

    private final Map<String, String> values;

    EnvironmentSettingSource(Map<String, String> environment) {
        Map<String, String> ours = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name != null && value != null && name.startsWith(PREFIX)) {
                ours.put(name, value);
            }
        });
        this.values = Map.copyOf(ours);
    }

    @Override
    public Optional<String> get(Setting<?> setting) {
        return Optional.ofNullable(values.get(setting.envName())).filter(value -> !value.isBlank());
    }

    @Override
    public String describe() {
        return "SESSIONKIT_* environment";
    }

    @Override
    public String toString() {
        return "SettingSource[" + describe() + "]";
    }
}
