package dev.sessionkit.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * One place settings come from, answering per {@link Setting} of any owner (core's {@link SettingKey}, the web
 * module's); {@link SettingsResolver} asks several, strongest first. A blank value counts as unset everywhere, so a
 * stronger source cannot blank out a weaker one.
 *
 * <p>The factories return immutable snapshots taken when called: thread-safe, unaffected by later changes to the
 * map, properties or environment they were built from. Implementations must not return null from any method.
 */
@FunctionalInterface
public interface SettingSource {

    /** The resource {@link #classpathProperties(ClassLoader)} reads. */
    String PROPERTIES_RESOURCE = "sessionkit.properties";

    /**
     * Returns the text this source holds for a setting, as written (not parsed, not trimmed).
     *
     * @param setting the setting; not null
     * @return the raw value, or empty if this source does not set the key or sets it blank
     */
    Optional<String> get(Setting<?> setting);

    /**
     * Names this source in error messages, so an operator knows where to fix a value.
     *
     * @return e.g. {@code init-param} or {@code SESSIONKIT_* environment}; never null
     */
    default String describe() {
        return "custom setting source";
    }

    /**
     * Returns the keys present in this source that are no setting, so a typo fails start-up instead of being
     * ignored.
     *
     * @param known every setting of every owner that reads this source; a key of any of them is known
     * @return the unknown keys as written, unmodifiable, empty when all are known; never null
     */
    default Set<String> unknownKeys(SettingCatalog known) {
        return Set.of();
    }

    /**
     * Reads settings from a map keyed as documented ({@code idle-timeout}) that belongs to Sessionkit alone, such
     * as the filter's init-params: every other key is reported as unknown.
     *
     * @param description how messages name the source, e.g. {@code init-param}; not null
     * @param values key to value; null keys and values are ignored; not null itself
     * @return a snapshot of the map
     */
    static SettingSource of(String description, Map<String, String> values) {
        return new MapSettingSource(description, values, false);
    }

    /**
     * Reads settings from a map that other software shares, such as servlet-context params: only keys that look
     * like a mistyped setting ({@code idle-timout}, {@code idleTimeout}) are reported as unknown, while unrelated
     * entries ({@code contextConfigLocation}) are ignored.
     *
     * @param description how messages name the source, e.g. {@code context-param}; not null
     * @param values key to value; null keys and values are ignored; not null itself
     * @return a snapshot of the map
     */
    static SettingSource shared(String description, Map<String, String> values) {
        return new MapSettingSource(description, values, true);
    }

    /**
     * Reads settings from properties keyed as documented; every other key is reported as unknown. Defaults
     * chained into {@code properties} count; entries whose key or value is not a string are ignored.
     *
     * @param properties the properties; not null
     * @return a snapshot described as {@code properties}
     */
    static SettingSource properties(Properties properties) {
        return new MapSettingSource("properties", asMap(properties), false);
    }

    /**
     * Reads {@code sessionkit.properties} from the class path as UTF-8 (Unicode escapes work too); if several
     * exist, the first the class loader finds wins.
     *
     * @param classLoader where to look, e.g. the web app's class loader; not null
     * @return a snapshot of the file described by its URL, or an empty source when there is no such file
     * @throws InvalidSettingException with key {@code sessionkit.properties} if the file exists but cannot be read
     *     or is malformed
     */
    static SettingSource classpathProperties(ClassLoader classLoader) {
        URL url = Objects.requireNonNull(classLoader, "classLoader").getResource(PROPERTIES_RESOURCE);
        if (url == null) {
            return new MapSettingSource("classpath " + PROPERTIES_RESOURCE + " (absent)", Map.of(), false);
        }
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSettingException(PROPERTIES_RESOURCE, "cannot read " + url + ": " + e.getMessage()
                    + "; fix or remove the file", e);
        }
        return new MapSettingSource(PROPERTIES_RESOURCE + " (" + url + ")", asMap(properties), false);
    }

    /**
     * Reads {@code SESSIONKIT_*} variables named by {@link Setting#envName()}; other variables, including other
     * {@code SESSIONKIT_*} ones such as the demo's {@code SESSIONKIT_PORT}, are ignored, never unknown.
     *
     * @param environment variable name to value, e.g. {@link System#getenv()}; not null
     * @return a snapshot described as {@code SESSIONKIT_* environment}
     */
    static SettingSource environment(Map<String, String> environment) {
        return new EnvironmentSettingSource(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * Reads the {@code SESSIONKIT_*} variables of this process, like {@code environment(System.getenv())}.
     *
     * @return a snapshot described as {@code SESSIONKIT_* environment}
     * @throws SecurityException if a security manager forbids reading the environment
     */
    static SettingSource environment() {
        return environment(System.getenv());
    }

    private static Map<String, String> asMap(Properties properties) {
        Map<String, String> map = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }
}
