package dev.sessionkit.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * The parts of one {@link Setting} while it is being defined: start with {@link Setting#define}, then give its
 * default (or its unset value), its documentation and its check, and {@link #build()} it. Not thread-safe; used
 * once, in a static initialiser.
 *
 * @param <T> the value type
 */
public final class SettingDefinition<T> {

    final String key;
    final Setting.Parser<T> parser;
    String defaultText;
    String defaultNote;
    T unset;
    String description;
    boolean secret;
    Setting.Check<T> check;
    Function<T, String> writer = String::valueOf;

    SettingDefinition(String key, Setting.Parser<T> parser) {
        this.key = Objects.requireNonNull(key, "key");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /**
     * Gives the default as text, in the form a source would carry; build() parses it.
     *
     * @param text e.g. {@code PT30M}; an empty string for "empty"
     * @return this definition
     */
    public SettingDefinition<T> defaultValue(String text) {
        this.defaultText = Objects.requireNonNull(text, "text");
        return this;
    }

    /**
     * Gives the default as text with a note the README shows after it.
     *
     * @param text e.g. {@code 0}
     * @param note e.g. {@code no limit}
     * @return this definition
     */
    public SettingDefinition<T> defaultValue(String text, String note) {
        this.defaultNote = Objects.requireNonNull(note, "note");
        return defaultValue(text);
    }

    /**
     * Declares that the setting has no default: its value is {@code value} until a source sets it.
     *
     * @param value e.g. {@code Optional.empty()} or {@code List.of()}
     * @return this definition
     */
    public SettingDefinition<T> unset(T value) {
        this.unset = Objects.requireNonNull(value, "value");
        return this;
    }

    /**
     * Gives the one-line explanation shown in the README.
     *
     * @param text Markdown, one line
     * @return this definition
     */
    public SettingDefinition<T> description(String text) {
        this.description = Objects.requireNonNull(text, "text");
        return this;
    }

    /**
     * Marks the value as a secret: taken as written (blanks kept), never shown in messages or toString().
     *
     * @return this definition
     */
    public SettingDefinition<T> secret() {
        this.secret = true;
        return this;
    }

    /**
     * Gives the rule the value must meet once parsed or set through a builder.
     *
     * @param rule the check
     * @return this definition
     */
    public SettingDefinition<T> check(Setting.Check<T> rule) {
        this.check = Objects.requireNonNull(rule, "rule");
        return this;
    }

    /**
     * Gives how a value is written back as setting text; by default {@link String#valueOf}.
     *
     * @param format the inverse of the parser
     * @return this definition
     */
    public SettingDefinition<T> writtenAs(Function<T, String> format) {
        this.writer = Objects.requireNonNull(format, "format");
        return this;
    }

    /**
     * Makes the setting.
     *
     * @return the immutable setting
     * @throws NullPointerException if neither a default nor an unset value, or no description, was given
     * @throws InvalidSettingException if the default does not parse
     */
    public Setting<T> build() {
        return Setting.of(this);
    }
}
