package dev.sessionkit.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * A tolerant reader for the parts of RFC 8941 structured header fields that client hints use: a string item
 * ({@code "Windows"}), a boolean item ({@code ?1}) and a list of string items with parameters
 * ({@code "Chromium";v="120", "Not_A Brand";v="8"}). Anything malformed gives an empty answer, never an exception,
 * so a bad header is ignored as the RFC asks. Stateless.
 */
final class StructuredFields {

    /** One list member: a string with its {@code v} parameter, or null when it had none. */
    record StringMember(String value, String version) {
    }

    private StructuredFields() {
    }

    /** Returns the header as one string item (parameters ignored), or empty when it is anything else. */
    static Optional<String> string(String header) {
        Cursor c = new Cursor(header);
        Item item = c.item();
        return item != null && item.kind == Kind.STRING && c.atEnd() ? Optional.of(item.text) : Optional.empty();
    }

    /** Returns the header as one boolean item ({@code ?0} or {@code ?1}), or empty when it is anything else. */
    static Optional<Boolean> bool(String header) {
        Cursor c = new Cursor(header);
        Item item = c.item();
        return item != null && item.kind == Kind.BOOLEAN && c.atEnd()
                ? Optional.of("1".equals(item.text)) : Optional.empty();
    }

    /**
     * Returns the string members of a list header with their {@code v} parameter; members of another kind are
     * skipped; empty when the header is not a well-formed list.
     */
    static Optional<List<StringMember>> stringList(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Cursor c = new Cursor(header);
        List<StringMember> members = new ArrayList<>();
        c.skipSpaces();
        while (!c.atEnd()) {
            Item item = c.item();
            if (item == null) {
                return Optional.empty();
            }
            if (item.kind == Kind.STRING) {
                members.add(new StringMember(item.text, item.version));
            }
            c.skipOptionalWhitespace();
            if (c.atEnd()) {
                break;
            }
            if (!c.take(',')) {
                return Optional.empty();
            }
            c.skipOptionalWhitespace();
            if (c.atEnd()) {
                return Optional.empty(); // a trailing comma is malformed
            }
        }
        return Optional.of(List.copyOf(members));
    }

    private enum Kind { STRING, BOOLEAN, OTHER }

    /** A bare item with its {@code v} parameter's text, if any. */
    private record Item(Kind kind, String text, String version) {
    }

    /** Reads one header left to right; every reader returns null on malformed input instead of throwing. */
    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s == null ? "" : s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        boolean take(char expected) {
            if (!atEnd() && s.charAt(pos) == expected) {
                pos++;
                return true;
            }
            return false;
        }

        void skipSpaces() {
            while (!atEnd() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        void skipOptionalWhitespace() {
            while (!atEnd() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
        }

        /** An item: bare item then parameters, surrounding spaces allowed. */
        Item item() {
            skipSpaces();
            Item bare = bareItem();
            if (bare == null) {
                return null;
            }
            String version = null;
            while (take(';')) {
                skipSpaces();
                String key = key();
                if (key == null) {
                    return null;
                }
                String value = "true";
                if (take('=')) {
                    Item v = bareItem();
                    if (v == null) {
                        return null;
                    }
                    value = v.text;
                }
                if ("v".equals(key)) {
                    version = value;
                }
            }
            skipSpaces();
            return new Item(bare.kind, bare.text, version);
        }

        private Item bareItem() {
            if (atEnd()) {
                return null;
            }
            char c = s.charAt(pos);
            if (c == '"') {
                String text = quoted();
                return text == null ? null : new Item(Kind.STRING, text, null);
            }
            if (c == '?') {
                pos++;
                if (take('0')) {
                    return new Item(Kind.BOOLEAN, "0", null);
                }
                return take('1') ? new Item(Kind.BOOLEAN, "1", null) : null;
            }
            if (c == ':') {
                return span(1, ch -> ch != ':' && ch > ' ' && ch < 0x7f, true);
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                return span(1, ch -> (ch >= '0' && ch <= '9') || ch == '.', false);
            }
            if (c == '*' || (c < 0x7f && Character.isLetter(c))) {
                return span(1, ch -> ch > ' ' && ch < 0x7f && "\"(),;<=>?@[\\]{}".indexOf(ch) < 0, false);
            }
            return null;
        }

        /** A token, number or byte sequence: its first character is already known to be valid. */
        private Item span(int first, IntPredicate allowed, boolean closingColon) {
            int start = pos;
            pos += first;
            while (!atEnd() && allowed.test(s.charAt(pos))) {
                pos++;
            }
            if (closingColon && !take(':')) {
                return null;
            }
            return new Item(Kind.OTHER, s.substring(start, pos), null);
        }

        private String quoted() {
            pos++; // opening quote
            StringBuilder out = new StringBuilder();
            while (!atEnd()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    if (atEnd() || (s.charAt(pos) != '"' && s.charAt(pos) != '\\')) {
                        return null;
                    }
                    out.append(s.charAt(pos++));
                } else if (c < 0x20 || c > 0x7e) {
                    return null;
                } else {
                    out.append(c);
                }
            }
            return null; // no closing quote
        }

        private String key() {
            int start = pos;
            if (atEnd() || !(s.charAt(pos) == '*' || (s.charAt(pos) >= 'a' && s.charAt(pos) <= 'z'))) {
                return null;
            }
            pos++;
            while (!atEnd()) {
                char c = s.charAt(pos);
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'
                        || c == '*') {
                    pos++;
                } else {
                    break;
                }
            }
            return s.substring(start, pos);
        }
    }
}
