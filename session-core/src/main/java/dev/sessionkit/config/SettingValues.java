package dev.sessionkit.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values of every setting of one {@link SettingCatalog}, checked together: an instance only exists if each
 * value passed its setting's check, in catalog order. The typed settings objects ({@link SessionkitSettings}, the
 * web module's) wrap one.
 *
 * <p>Immutable and thread-safe; {@link #equals} compares every value.
 */
public final class SettingValues {

    private final SettingCatalog catalog;
    private final Map<Setting<?>, Object> values;

    private SettingValues(SettingCatalog catalog, Map<Setting<?>, Object> values) {
        this.catalog = catalog;
        this.values = values;
    }

    /**
     * Starts from the initial value of every setting of a catalog.
     *
     * @param catalog the settings
     * @return a new builder; not thread-safe
     */
    public static Builder builder(SettingCatalog catalog) {
        return new Builder(catalog);
    }

    /** {@return a builder holding these values, to derive changed ones; this instance stays as it is} */
    public Builder toBuilder() {
        Builder builder = new Builder(catalog);
        builder.values.putAll(values);
        return builder;
    }

    /** {@return the catalog these are the values of} */
    public SettingCatalog catalog() {
        return catalog;
    }

    /**
     * Returns one value.
     *
     * @param setting a setting of this catalog
     * @param <T> its type
     * @return the value; never null
     * @throws IllegalArgumentException if the setting is not of this catalog
     */
    @SuppressWarnings("unchecked") // Builder.set only stores a T under a Setting<T>
    public <T> T get(Setting<T> setting) {
        if (!catalog.contains(setting)) {
            throw new IllegalArgumentException(setting.key() + " is not one of these settings");
        }
        return (T) values.get(setting);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SettingValues o && values.equals(o.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /**
     * Describes every value by key, for a settings object's {@code toString()}: secrets as {@code ****}, any
     * credential inside other values (a password in a JDBC URL) masked.
     *
     * @param name what the description starts with, e.g. {@code SessionkitSettings}
     * @return e.g. {@code SessionkitSettings[jdbc-url=..., jdbc-password=****, ...]}
     */
    public String describe(String name) {
        return SettingsDescription.describe(name, this);
    }

    @Override
    public String toString() {
        return describe("SettingValues");
    }

    /** Collects values of one catalog; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {

        private final SettingCatalog catalog;
        private final Map<Setting<?>, Object> values = new LinkedHashMap<>();

        private Builder(SettingCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            for (Setting<?> setting : catalog.settings()) {
                values.put(setting, setting.initialValue());
            }
        }

        /**
         * Sets one typed value; only build() checks it.
         *
         * @param setting a setting of this catalog
         * @param value its value; not null (an unset optional is {@code Optional.empty()})
         * @param <T> its type
         * @return this builder
         * @throws IllegalArgumentException if the setting is not of this catalog
         */
        public <T> Builder set(Setting<T> setting, T value) {
            if (!catalog.contains(setting)) {
                throw new IllegalArgumentException(setting.key() + " is not one of these settings");
            }
            values.put(setting, Objects.requireNonNull(value, setting.key()));
            return this;
        }

        /**
         * Parses a setting's text and sets the value.
         *
         * @param setting a setting of this catalog
         * @param text the text as a source holds it
         * @param <T> its type
         * @return this builder
         * @throws InvalidSettingException if the text does not parse
         */
        public <T> Builder parse(Setting<T> setting, String text) {
            return set(setting, setting.parse(text));
        }

        /**
         * Checks every value in catalog order and freezes them; the builder stays usable.
         *
         * @return the values
         * @throws InvalidSettingException naming the first offending key, its value (never a secret) and the fix
         */
        public SettingValues build() {
            SettingValues built = new SettingValues(catalog, Map.copyOf(values));
            for (Setting<?> setting : catalog.settings()) {
                check(setting, built);
            }
            return built;
        }

        private static <T> void check(Setting<T> setting, SettingValues all) {
            setting.check(all.get(setting), all);
        }
    }
}
