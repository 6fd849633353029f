package dev.sessionkit.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the duration grammar shared by every Sessionkit setting and command-line option: ISO-8601 as read by
 * {@link Duration#parse} ({@code PT30M}, {@code P30D}, {@code PT0S}) or a short form, a whole number directly
 * followed by a lower-case unit {@code ms}, {@code s}, {@code m}, {@code h} or {@code d} ({@code 500ms},
 * {@code 30m}, {@code 24h}, {@code 30d}). Surrounding blanks are ignored; negative durations are refused.
 *
 * <p>Stateless and thread-safe.
 */
public final class DurationParser {

    /** The accepted forms, as every error message states them. */
    static final String EXPECTED = "expected ISO-8601 like PT30M, PT0S or P30D, or a whole number followed by"
            + " ms, s, m, h or d like 500ms, 30s, 30m, 24h or 30d";

    private static final Pattern SHORT = Pattern.compile("([0-9]{1,19})(ms|s|m|h|d)");

    private DurationParser() {
    }

    /**
     * Parses one duration, never returning a negative one.
     *
     * @param key the setting or option the text came from, named in any error; not null
     * @param text the text to parse; null or blank is refused like any malformed text
     * @return the duration, zero or positive; never null
     * @throws InvalidSettingException naming {@code key}, the text and the accepted forms when the text is
     *     malformed, negative or too large for {@link Duration}; a parsing failure is kept as cause
     * @throws NullPointerException if {@code key} is null
     */
    public static Duration parse(String key, String text) {
        Objects.requireNonNull(key, "key");
        if (text == null || text.isBlank()) {
            throw new InvalidSettingException(key, key + ": a duration is required but the value is empty; "
                    + EXPECTED);
        }
        String value = text.strip();
        Duration duration = isIso(value) ? parseIso(key, value) : parseShort(key, value);
        if (duration.isNegative()) {
            throw new InvalidSettingException(key, key + ": duration " + Texts.quote(value)
                    + " is negative; use zero or more, " + EXPECTED);
        }
        return duration;
    }

    private static boolean isIso(String value) {
        char first = value.charAt(0);
        return first == 'P' || first == 'p' || first == '-' || first == '+';
    }

    private static Duration parseIso(String key, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw malformed(key, value, e);
        }
    }

    private static Duration parseShort(String key, String value) {
        Matcher m = SHORT.matcher(value);
        if (!m.matches()) {
            throw malformed(key, value, null);
        }
        try {
            long amount = Long.parseLong(m.group(1));
            return Duration.of(amount, unit(m.group(2)));
        } catch (NumberFormatException | ArithmeticException e) {
            throw malformed(key, value, e);
        }
    }

    private static ChronoUnit unit(String suffix) {
        switch (suffix) {
            case "ms":
                return ChronoUnit.MILLIS;
            case "s":
                return ChronoUnit.SECONDS;
            case "m":
                return ChronoUnit.MINUTES;
            case "h":
                return ChronoUnit.HOURS;
            default:
                return ChronoUnit.DAYS;
        }
    }

    private static InvalidSettingException malformed(String key, String value, Exception cause) {
        String message = key + ": invalid duration " + Texts.quote(value) + ", the duration cannot be parsed; "
                + EXPECTED;
        return cause == null ? new InvalidSettingException(key, message)
                : new InvalidSettingException(key, message, cause);
    }
}
