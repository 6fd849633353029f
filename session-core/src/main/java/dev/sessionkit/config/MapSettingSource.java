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
    private final Map<String, String> values;
    private final boolean shared;

    /**
     * Copies {@code entries}; null keys and null values are skipped. When {@code shared}, the map also holds
     * other software's entries, so only near-misses of a setting key count as unknown.
     */
    MapSettingSource(String description, Map<String, String> entries, boolean shared) {
        this.description = Objects.requireNonNull(description, "description");
        Map<String, String> copy = new HashMap<>();
        entries.forEach((name, value) -> {
            if (name != null && value != null) {
                copy.put(name, value);
            }
        });
        this.values = Map.copyOf(copy);
        this.shared = shared;
    }

    @Override
    public Optional<String> get(Setting<?> setting) {
        return Optional.ofNullable(values.get(setting.key())).filter(value -> !value.isBlank());
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Set<String> unknownKeys(SettingCatalog known) {
        Set<String> unknown = new TreeSet<>();
        for (String name : values.keySet()) {
            if (known.find(name).isEmpty() && (!shared || known.closest(name).isPresent())) {
                unknown.add(name);
            }
        }
        return Collections.unmodifiableSet(unknown);
    }

    @Override
    public String toString() {
        return "SettingSource[" + description + "]";
    }
}
