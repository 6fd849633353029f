package dev.sessionkit.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the {@code SESSIONKIT_*} environment variables that carry settings. Other {@code SESSIONKIT_*}
 * variables (the demo's {@code SESSIONKIT_PORT}, {@code SESSIONKIT_DEMO_PASSWORD}) are ignored, never reported as
 * unknown. Immutable, so thread-safe.
 */
final class EnvironmentSettingSource implements SettingSource {

    private final Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);

    EnvironmentSettingSource(Map<String, String> environment) {
        for (SettingKey key : SettingKey.values()) {
            String value = environment.get(key.envName());
            if (value != null) {
                values.put(key, value);
            }
        }
    }

    @Override
    public Optional<String> get(SettingKey key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());
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
