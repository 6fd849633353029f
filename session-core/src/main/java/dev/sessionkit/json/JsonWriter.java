package dev.sessionkit.json;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Sessionkit's one JSON writer (RFC 8259), for the documents it writes itself: the command line's {@code --json}
 * output and the problem details of every error answer. Values are maps with string keys (written in iteration
 * order), lists, strings, numbers, booleans, {@link Instant}s (ISO-8601 strings) and null. Hand-written so that
 * neither the command line nor the filter needs a JSON library; stateless and thread-safe.
 *
 * <p>Strings escape what JSON requires and more: control characters, lone surrogates and the JavaScript line
 * separators U+2028 and U+2029, so the output is valid UTF-8 and safe to paste into a script.
 */
public final class JsonWriter {

    private JsonWriter() {
    }

    /**
     * Writes a document indented by two spaces, for people.
     *
     * @param value the document
     * @return the JSON text, without a trailing line break
     * @throws IllegalArgumentException for a value of a type listed nowhere above
     */
    public static String indented(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, "");
        return out.toString();
    }

    /**
     * Writes a document on one line with no spaces, for machines.
     *
     * @param value the document
     * @return the JSON text
     * @throws IllegalArgumentException for a value of a type listed nowhere above
     */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, null);
        return out.toString();
    }

    /**
     * Writes one string literal, quotes included.
     *
     * @param text the text
     * @return the literal
     */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        string(out, text);
        return out.toString();
    }

    /** Writes a value; {@code indent} is the current line's indent, or null for compact output. */
    private static void write(StringBuilder out, Object value, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String || value instanceof Instant) {
            string(out, value.toString());
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            object(out, map, indent);
        } else if (value instanceof List<?> list) {
            array(out, list, indent);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, String indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        String inner = indent == null ? null : indent + "  ";
        out.append(indent == null ? "{" : "{\n");
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            if (inner != null) {
                out.append(inner);
            }
            string(out, (String) entry.getKey());
            out.append(indent == null ? ":" : ": ");
            write(out, entry.getValue(), inner);
            out.append(entries.hasNext() ? separator(indent) : lineEnd(indent));
        }
        closeWith(out, indent, '}');
    }

    private static void array(StringBuilder out, List<?> list, String indent) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        String inner = indent == null ? null : indent + "  ";
        out.append(indent == null ? "[" : "[\n");
        for (int i = 0; i < list.size(); i++) {
            if (inner != null) {
                out.append(inner);
            }
            write(out, list.get(i), inner);
            out.append(i < list.size() - 1 ? separator(indent) : lineEnd(indent));
        }
        closeWith(out, indent, ']');
    }

    private static String separator(String indent) {
        return indent == null ? "," : ",\n";
    }

    private static String lineEnd(String indent) {
        return indent == null ? "" : "\n";
    }

    private static void closeWith(StringBuilder out, String indent, char bracket) {
        if (indent != null) {
            out.append(indent);
        }
        out.append(bracket);
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // Control characters must be escaped; lone surrogates and the JavaScript line separators are
                    // escaped too, so the output is valid UTF-8 and safe to paste into a script.
                    boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
                            && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || lone) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
