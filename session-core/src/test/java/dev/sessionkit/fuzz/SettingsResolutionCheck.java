package dev.sessionkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.Setting;
import dev.sessionkit.config.SettingCatalog;
import dev.sessionkit.config.SettingKey;
import dev.sessionkit.config.SettingSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The contract every settings resolution keeps, whichever owner's keys it reads (core's here, core's and the web
 * keys in session-servlet's fuzz test): any text for any key gives valid settings or an
 * {@link InvalidSettingException} naming the key, in one log-safe line that never shows the password; the same
 * values from {@code SESSIONKIT_*} variables give the same outcome; and every accepted value reads back unchanged
 * from its own text form.
 *
 * @param <S> what the resolution returns
 */
public final class SettingsResolutionCheck<S> {

    /** Set as jdbc-password when the input sets none; it must never show up in a message or toString(). */
    static final String SECRET = "Fz-7kQ2-secret-9wX";

    private final SettingCatalog catalog;
    private final Function<List<SettingSource>, S> resolve;
    private final Consumer<S> assertValid;
    private final BiFunction<S, Setting<?>, Object> valueOf;

    /**
     * @param catalog every key the resolution knows
     * @param resolve the resolution under test
     * @param assertValid the documented ranges and rules valid settings satisfy
     * @param valueOf reads one setting's value from the result
     */
    public SettingsResolutionCheck(SettingCatalog catalog, Function<List<SettingSource>, S> resolve,
            Consumer<S> assertValid, BiFunction<S, Setting<?>, Object> valueOf) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.resolve = Objects.requireNonNull(resolve, "resolve");
        this.assertValid = Objects.requireNonNull(assertValid, "assertValid");
        this.valueOf = Objects.requireNonNull(valueOf, "valueOf");
    }

    /**
     * Resolves one input and checks the contract.
     *
     * @param input {@code key=value} lines (split at the first '='; a line without one is a key with empty value)
     */
    public void check(String input) {
        Map<String, String> entries = entries(input);
        boolean secretInjected = !entries.containsKey(SettingKey.JDBC_PASSWORD.key());
        if (secretInjected) {
            entries.put(SettingKey.JDBC_PASSWORD.key(), SECRET);
        }
        boolean secretElsewhere = entries.entrySet().stream().anyMatch(e -> e.getKey().contains(SECRET)
                || (!e.getKey().equals(SettingKey.JDBC_PASSWORD.key()) && e.getValue().contains(SECRET)));
        boolean checkSecret = secretInjected && !secretElsewhere;

        S settings;
        try {
            settings = resolve.apply(List.of(SettingSource.of("fuzz", entries)));
        } catch (InvalidSettingException e) {
            assertInvalidSettingNamesKey(e, entries);
            assertLogSafe(e.getMessage());
            if (checkSecret) {
                assertFalse(e.getMessage().contains(SECRET), "the password leaked: " + e.getMessage());
            }
            assertSameOutcomeFromEnvironment(entries, null, e);
            return;
        }
        assertValid.accept(settings);
        if (checkSecret) {
            assertFalse(String.valueOf(settings).contains(SECRET), "the password leaked: " + settings);
        }
        assertSameOutcomeFromEnvironment(entries, settings, null);
        // Every accepted value has a text form that reads back to the same settings. One exception: a GeoIP path
        // whose last segment ends in blanks ("/ /" is the path "/ ") has none, since blanks around values are
        // ignored.
        Map<String, String> text = asText(settings);
        if (!text.getOrDefault("geoip-database", "").equals(text.getOrDefault("geoip-database", "").strip())) {
            return;
        }
        assertEquals(settings, resolve.apply(List.of(SettingSource.of("round trip", text))),
                "settings -> text -> settings, text was " + text);
    }

    /**
     * The key an error names must be one the input set, or a default the input broke through a rule between two
     * settings (idle-timeout vs touch-interval, cookie-name vs browser-id-cookie), which the message then names.
     */
    private void assertInvalidSettingNamesKey(InvalidSettingException e, Map<String, String> entries) {
        String message = e.getMessage();
        assertNotNull(e.key(), message);
        if (entries.containsKey(e.key())) {
            if (e.key().matches("[A-Za-z0-9._-]{1,64}")) {
                assertTrue(message.contains(e.key()), "the message names the key " + e.key() + ": " + message);
            }
            return;
        }
        assertTrue(catalog.find(e.key()).isPresent(), "names a setting or an input key: " + e.key());
        assertTrue(entries.keySet().stream().anyMatch(key -> catalog.find(key).isPresent() && message.contains(key)),
                "a default failed, so the message must name the input key that broke it: " + message);
    }

    /** The same values from SESSIONKIT_* variables give the same settings, or fail on the same key. */
    private void assertSameOutcomeFromEnvironment(Map<String, String> entries, S settings,
            InvalidSettingException error) {
        if (entries.keySet().stream().anyMatch(key -> catalog.find(key).isEmpty())) {
            return; // unknown keys have no environment spelling
        }
        Map<String, String> environment = new HashMap<>();
        entries.forEach((key, value) -> environment.put(catalog.find(key).orElseThrow().envName(), value));
        SettingSource source = SettingSource.environment(environment);
        if (settings != null) {
            assertEquals(settings, resolve.apply(List.of(source)));
        } else {
            InvalidSettingException fromEnvironment = assertThrows(InvalidSettingException.class,
                    () -> resolve.apply(List.of(source)));
            assertEquals(error.key(), fromEnvironment.key());
        }
    }

    /** One line without control, bidi-format or lone surrogate characters: safe to log as it is. */
    static void assertLogSafe(String message) {
        assertNotNull(message);
        assertTrue(message.codePoints().noneMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR), "not one clean line: " + message);
    }

    /** The settings written back as setting text by key, as an operator would copy them; unset options left out. */
    private Map<String, String> asText(S settings) {
        Map<String, String> text = new LinkedHashMap<>();
        for (Setting<?> setting : catalog.settings()) {
            put(text, setting, valueOf.apply(settings, setting));
        }
        return text;
    }

    @SuppressWarnings("unchecked") // the value was read from the same setting
    private static <T> void put(Map<String, String> text, Setting<T> setting, Object value) {
        if (!Optional.empty().equals(value)) {
            text.put(setting.key(), setting.text((T) value));
        }
    }

    private static Map<String, String> entries(String input) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : input.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            entries.put(equals < 0 ? line : line.substring(0, equals), equals < 0 ? "" : line.substring(equals + 1));
        }
        return entries;
    }
}
