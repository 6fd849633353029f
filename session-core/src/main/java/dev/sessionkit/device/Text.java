package dev.sessionkit.device;

/** Length caps and clean-up for strings that come from request headers. Stateless. */
final class Text {

    private Text() {
    }

    /**
     * Cuts {@code s} to at most {@code max} UTF-16 characters, one fewer if the cut would split a surrogate pair.
     */
    static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /**
     * Returns {@code s} without control characters, with each run of white space as one space, stripped and cut to
     * {@code max}; {@code fallback} when nothing is left.
     */
    static String displayName(String s, int max, String fallback) {
        if (s == null) {
            return fallback;
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max + 1));
        boolean pendingSpace = false;
        for (int i = 0; i < s.length() && out.length() <= max; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        String cleaned = truncate(out.toString(), max).strip();
        return cleaned.isEmpty() ? fallback : cleaned;
    }
}
