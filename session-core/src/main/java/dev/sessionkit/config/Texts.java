package dev.sessionkit.config;

/** Makes untrusted setting text safe to put in one log line: short, quoted, control characters escaped. Stateless. */
public final class Texts {

    /** Longest part of a value echoed in a message; the rest is summarised by its length. */
    public static final int MAX_SHOWN = 80;

    private Texts() {
    }

    /** Quotes a value for a message, escaping anything that could break or forge a log line. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        int i = 0;
        while (i < value.length() && shown < MAX_SHOWN) {
            int cp = value.codePointAt(i);
            if (isUnsafe(cp)) {
                out.append(String.format(cp > 0xFFFF ? "\\U%08x" : "\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
            shown++;
        }
        out.append('\'');
        if (i < value.length()) {
            out.append("... (").append(value.length()).append(" chars)");
        }
        return out.toString();
    }

    private static boolean isUnsafe(int cp) {
        if (cp == '\'' || cp == '\\') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
                return true;
            default:
                return false;
        }
    }
}
