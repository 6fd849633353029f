package dev.sessionkit.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings one owner reads, in documentation order: core's store, lifecycle and policy keys
 * ({@link SettingKey#ALL}), the web module's cookie, path and proxy keys. Catalogs join with {@link #and}, so the
 * unknown-key check and its "did you mean" suggestions know every key of every owner.
 *
 * <p>Immutable and thread-safe.
 */
public final class SettingCatalog {

    private static final SettingCatalog EMPTY = new SettingCatalog(List.of());

    private final List<Setting<?>> settings;
    private final Map<String, Setting<?>> byKey;

    private SettingCatalog(List<Setting<?>> settings) {
        Map<String, Setting<?>> keys = new LinkedHashMap<>();
        for (Setting<?> setting : settings) {
            if (keys.putIfAbsent(setting.key(), setting) != null) {
                throw new IllegalArgumentException("two settings named " + setting.key());
            }
        }
        this.settings = List.copyOf(settings);
        this.byKey = Map.copyOf(keys);
    }

    /**
     * Lists settings in the order they are documented and checked.
     *
     * @param settings the settings, keys unique
     * @return the catalog
     * @throws IllegalArgumentException if two settings share a key
     */
    public static SettingCatalog of(Setting<?>... settings) {
        return new SettingCatalog(List.of(settings));
    }

    /** {@return the catalog without settings} */
    public static SettingCatalog empty() {
        return EMPTY;
    }

    /**
     * Joins two owners' catalogs, this one's settings first.
     *
     * @param other the other owner's settings
     * @return the union
     * @throws IllegalArgumentException if both name the same key
     */
    public SettingCatalog and(SettingCatalog other) {
        List<Setting<?>> all = new ArrayList<>(settings);
        all.addAll(other.settings);
        return new SettingCatalog(all);
    }

    /** {@return the settings in documentation order; unmodifiable} */
    public List<Setting<?>> settings() {
        return settings;
    }

    /**
     * Tells whether a setting is one of this catalog's.
     *
     * @param setting any setting
     * @return true if this catalog lists it
     */
    public boolean contains(Setting<?> setting) {
        return byKey.get(setting.key()) == setting;
    }

    /**
     * Finds the setting for a key written exactly as documented (case-sensitive, no surrounding blanks).
     *
     * @param key the key, e.g. {@code idle-timeout}; null gives empty
     * @return the setting, or empty when {@code key} is none of this catalog's
     */
    public Optional<Setting<?>> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
    }

    /**
     * Guesses which setting a mistyped key meant: spelling variants ({@code idleTimeout}, {@code IDLE_TIMEOUT},
     * {@code sessionkit.idle-timeout}), then a few typed letters off.
     *
     * @param unknown a key that is no setting
     * @return the closest setting, if one is close enough to be a typo
     */
    public Optional<Setting<?>> closest(String unknown) {
        return KeySuggestions.closest(unknown, settings);
    }
}
