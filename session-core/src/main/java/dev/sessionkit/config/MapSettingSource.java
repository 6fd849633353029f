package dev.sessionkit.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A snapshot of settings keyed as documented ({@code idle-timeout}), from init-params, context params or a
 * properties file. Immutable, so thread-safe.
 */
final class MapSettingSource implements SettingSource {

    private final String description;
    private final Map<SettingKey, String> values;
    private final Set<String> unknownKeys;

    /**
     * Copies {@code entries}; null keys and null values are skipped. When {@code shared}, the map also holds
     * other software's entries, so only near-misses of a setting key count as unknown.
     */
    MapSettingSource(String description, Map<String, String> entries, boolean shared) {
        this.description = Objects.requireNonNull(description, "description");
        Map<SettingKey, String> known = new HashMap<>();
        Set<String> unknown = new TreeSet<>();
        entries.forEach((name, value) -> {
            if (name == null) {
                return;
            }
            Optional<SettingKey> key = SettingKey.fromKey(name);
            if (key.isPresent()) {
                if (value != null) {
                    known.put(key.get(), value);
                }
            } else if (!shared || KeySuggestions.closest(name).isPresent()) {
                unknown.add(name);
            }
        });
        this.values = Map.copyOf(known);
        this.unknownKeys = Collections.unmodifiableSet(unknown);
    }

    @Override
    public Optional<String> get(SettingKey key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Set<String> unknownKeys() {
        return unknownKeys;
    }

    @Override
    public String toString() {
        return "SettingSource[" + description + "]";
    }
}
