package dev.sessionkit.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One setting, defined in one place: its key, how its text parses, its default, its documentation and the rules
 * its value must meet. The key is the one spelling that works in every source (filter init-params,
 * servlet-context params, {@code sessionkit.properties}); {@link #envName()} is its {@code SESSIONKIT_*} variable.
 * Each owner lists its settings in a {@link SettingCatalog}: core's are {@link SettingKey}, the web ones live in
 * session-servlet.
 *
 * <p>Immutable and thread-safe; no method returns null. Two settings are equal only if they are the same constant.
 *
 * @param <T> the type of the parsed value; optional settings use {@link Optional}, lists are unmodifiable
 */
public final class Setting<T> {

    /** Turns a setting's text into its value, checking only the text's shape. */
    @FunctionalInterface
    public interface Parser<T> {
        /**
         * Parses one value.
         *
         * @param key the setting's key, for the message
         * @param text the text, stripped of surrounding blanks unless the setting is secret
         * @return the value; never null
         * @throws InvalidSettingException naming {@code key} when the text has the wrong shape
         */
        T parse(String key, String text);
    }

    /** Checks a parsed value: its range, and rules that involve earlier settings of the same catalog. */
    @FunctionalInterface
    public interface Check<T> {
        /**
         * Checks one value.
         *
         * @param setting the setting checked, whose {@link Setting#invalid} builds the failure
         * @param value its value
         * @param all every value of the catalog, for rules between settings
         * @throws InvalidSettingException naming a key, the value (never a secret) and the fix
         */
        void check(Setting<T> setting, T value, SettingValues all);
    }

    private final String key;
    private final String envName;
    private final String defaultText;
    private final String defaultNote;
    private final String description;
    private final boolean secret;
    private final Parser<T> parser;
    private final T initial;
    private final Check<T> check;
    private final Function<T, String> writer;

    private Setting(SettingDefinition<T> d) {
        this.key = Objects.requireNonNull(d.key, "key");
        this.envName = "SESSIONKIT_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
        this.defaultText = d.defaultText;
        this.defaultNote = d.defaultNote;
        this.description = Objects.requireNonNull(d.description, "description of " + key);
        this.secret = d.secret;
        this.parser = Objects.requireNonNull(d.parser, "parser");
        this.check = d.check;
        this.writer = d.writer;
        this.initial = defaultText != null ? parse(defaultText) : Objects.requireNonNull(d.unset, "unset " + key);
    }

    /**
     * Starts the definition of a setting.
     *
     * @param key the key as users write it, lower-case and dash-separated, e.g. {@code idle-timeout}
     * @param parser how its text becomes a value
     * @param <T> the value type
     * @return a definition to complete; {@link SettingDefinition#build()} makes the setting
     */
    public static <T> SettingDefinition<T> define(String key, Parser<T> parser) {
        return new SettingDefinition<>(key, parser);
    }

    static <T> Setting<T> of(SettingDefinition<T> definition) {
        return new Setting<>(definition);
    }

    /** {@return the key as users write it in init-params, context params and properties, e.g. idle-timeout} */
    public String key() {
        return key;
    }

    /** {@return the environment variable: SESSIONKIT_ and the upper-cased key with dashes as underscores} */
    public String envName() {
        return envName;
    }

    /**
     * Returns the default in the same text form a source would carry, so that parsing it yields
     * {@link #initialValue()}.
     *
     * @return the default's text, empty when the setting has no default (it is then off or unset); an empty string
     *     inside the optional means "empty"
     */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultText);
    }

    /** {@return the value when nothing sets this key: the parsed default, or the unset value} */
    public T initialValue() {
        return initial;
    }

    /**
     * Returns the default as shown to users in the README, in Markdown: a code span, perhaps with a note
     * ({@code `0` (no limit)}), {@code empty}, or {@code –} for none.
     *
     * @return the documented default; never null
     */
    public String documentedDefault() {
        if (defaultText == null) {
            return "–";
        }
        String shown = defaultText.isEmpty() ? "empty" : "`" + defaultText + "`";
        return defaultNote == null ? shown : shown + " (" + defaultNote + ")";
    }

    /** {@return a one-line explanation for operators; it may contain Markdown code spans} */
    public String description() {
        return description;
    }

    /** {@return whether the value is a secret that Sessionkit never echoes in messages, logs or toString()} */
    public boolean isSecret() {
        return secret;
    }

    /**
     * Parses text from a source: surrounding blanks are ignored, except in a secret, which is taken as written.
     *
     * @param text the raw text; not null
     * @return the value; never null
     * @throws InvalidSettingException naming this key when the text has the wrong shape
     */
    public T parse(String text) {
        return Objects.requireNonNull(parser.parse(key, secret ? text : text.strip()), key);
    }

    /**
     * Writes a value back in setting syntax, so that {@link #parse} reads it back; unset optional values and empty
     * lists come out as "". Secrets come out as written: callers showing it must mask it.
     *
     * @param value a value of this setting
     * @return the text form; never null
     */
    public String text(T value) {
        return writer.apply(value);
    }

    /**
     * Builds the failure for this setting, for parsers and checks.
     *
     * @param message the operator-facing explanation, naming the value (never a secret) and the fix
     * @return the exception to throw, whose key is this setting's
     */
    public InvalidSettingException invalid(String message) {
        return new InvalidSettingException(key, message);
    }

    void check(T value, SettingValues all) {
        if (check != null) {
            check.check(this, value, all);
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
