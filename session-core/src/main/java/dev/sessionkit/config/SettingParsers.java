package dev.sessionkit.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The parsers settings are defined with. Only the text's shape is checked here (is it a number, a duration, one
 * of the choices); ranges and combinations are each setting's {@link Setting.Check}, so typed builder calls and
 * text get the same checks. Every failure is an {@link InvalidSettingException} naming the key. Stateless.
 */
public final class SettingParsers {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,10}");
    /** At most 7 digits, so even gigabytes cannot overflow a long. */
    private static final Pattern BYTE_SIZE = Pattern.compile("([0-9]{1,7})\\s*([KMGkmg][Bb])?");

    private SettingParsers() {
    }

    /** {@return a parser taking any text as it comes} */
    public static Setting.Parser<String> text() {
        return (key, v) -> v;
    }

    /** {@return a parser of ISO-8601 ({@code PT30M}) or short ({@code 30m}) durations, see DurationParser} */
    public static Setting.Parser<java.time.Duration> duration() {
        return DurationParser::parse;
    }

    /** {@return a parser of {@code true} or {@code false}, in any case} */
    public static Setting.Parser<Boolean> bool() {
        return (key, v) -> {
            if (v.equalsIgnoreCase("true")) {
                return true;
            }
            if (v.equalsIgnoreCase("false")) {
                return false;
            }
            throw new InvalidSettingException(key, key + ": " + Texts.quote(v)
                    + " is not a boolean; write true or false");
        };
    }

    /** {@return a parser of whole numbers that fit an int; the range is the setting's check} */
    public static Setting.Parser<Integer> wholeNumber() {
        return (key, v) -> {
            long value = INTEGER.matcher(v).matches() ? Long.parseLong(v) : Long.MIN_VALUE;
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new InvalidSettingException(key, key + ": " + Texts.quote(v)
                        + " is not a whole number; write e.g. 0 (no limit) or 5");
            }
            return (int) value;
        };
    }

    /**
     * {@return a parser of memory sizes in bytes: a whole number with {@code KB}, {@code MB} or {@code GB} (any
     * case, 1024-based), or a bare number of megabytes; the range is the setting's check}
     */
    public static Setting.Parser<Long> byteSize() {
        return (key, v) -> {
            Matcher size = BYTE_SIZE.matcher(v);
            if (!size.matches()) {
                throw new InvalidSettingException(key, key + ": " + Texts.quote(v)
                        + " is not a memory size; write e.g. 64MB, 512MB or 2GB");
            }
            String unit = size.group(2) == null ? "MB" : size.group(2).toUpperCase(java.util.Locale.ROOT);
            int shift = switch (unit) {
                case "KB" -> 10;
                case "GB" -> 30;
                default -> 20;
            };
            return Long.parseLong(size.group(1)) << shift;
        };
    }

    /**
     * Returns a parser of one of an enum's constants by its spelling, in any case, {@code _} read as {@code -}.
     *
     * @param values the constants
     * @param spelling each constant's spelling in settings
     * @param <E> the enum
     * @return the parser
     */
    public static <E extends Enum<E>> Setting.Parser<E> choice(E[] values, Function<E, String> spelling) {
        E[] choices = values.clone();
        return (key, v) -> {
            String wanted = v.replace('_', '-');
            for (E value : choices) {
                if (spelling.apply(value).equalsIgnoreCase(wanted)) {
                    return value;
                }
            }
            String expected = Arrays.stream(choices).map(spelling).collect(Collectors.joining(", "));
            throw new InvalidSettingException(key, key + ": unknown value " + Texts.quote(v) + "; expected one of "
                    + expected + " (case does not matter)");
        };
    }

    /** {@return a parser of a comma list, blanks around and empty items dropped (a trailing comma is harmless)} */
    public static Setting.Parser<List<String>> commaList() {
        return (key, v) -> commaList(v);
    }

    /**
     * Returns a parser of a comma list whose every item {@code item} parses; the items' order is kept.
     *
     * @param item the parser of one item
     * @param <T> the item type
     * @return the parser of the unmodifiable list
     */
    public static <T> Setting.Parser<List<T>> listOf(Setting.Parser<T> item) {
        return (key, v) -> {
            List<T> items = new ArrayList<>();
            for (String text : commaList(v)) {
                items.add(item.parse(key, text));
            }
            return List.copyOf(items);
        };
    }

    /** {@return a parser of a file path such as a {@code .mmdb} database} */
    public static Setting.Parser<Path> path() {
        return (key, v) -> {
            try {
                return Path.of(v);
            } catch (InvalidPathException e) {
                throw new InvalidSettingException(key, key + ": " + Texts.quote(v) + " is not a valid file path ("
                        + e.getReason() + "); give the path of a .mmdb file", e);
            }
        };
    }

    /**
     * Returns the parser of an optional setting: a source that sets it sets a value.
     *
     * @param parser the parser of the value
     * @param <T> the value type
     * @return the parser
     */
    public static <T> Setting.Parser<Optional<T>> optional(Setting.Parser<T> parser) {
        return (key, v) -> Optional.of(parser.parse(key, v));
    }

    /** Splits a comma list, dropping blanks around items and empty items. */
    static List<String> commaList(String text) {
        return Arrays.stream(text.split(",", -1)).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableList());
    }
}
