package dev.sessionkit.device;

/**
 * Turns text taken from a request (a user agent, a client hint, a location database entry) into text that is safe
 * to store and to show anywhere: in a page, an HTML attribute, a terminal, a log line or a CSV cell.
 *
 * <p>The allowed characters are an allowlist, so that a new trick cannot slip through a list of forbidden ones:
 * <ul>
 *   <li>letters and combining marks of any script (Unicode categories L, Mn, Mc), so that "Zürich", "Yandex
 *       Браузер" and "São Paulo" stay readable;</li>
 *   <li>decimal digits (Nd);</li>
 *   <li>the space, and the punctuation {@value #PUNCTUATION} that browser, OS and place names use
 *       ("Chrome 131.0", "Mac OS X 10_15", "Windows NT 10.0; Win64", "Côte d'Ivoire", "Bosnia-Herzegovina",
 *       "Samsung Internet/23", "C++").</li>
 * </ul>
 * Everything else is dropped: quotes, {@code < > & = \ `}, control and format characters (Unicode Cc and Cf, which
 * include the bidi overrides and zero-width characters), symbols such as emoji, and unpaired surrogates. White space
 * of any kind (tabs, line and paragraph separators, no-break spaces) separates words: each run becomes one space,
 * and leading and trailing space is removed. The result is cut to a maximum length, never inside a surrogate pair.
 *
 * <p>Stateless and thread-safe.
 */
public final class DisplayText {

    /** The punctuation kept besides letters, marks, digits and the space. */
    public static final String PUNCTUATION = ".,()_-/:;+'";

    private DisplayText() {
    }

    /**
     * Returns {@code text} reduced to the allowed characters, as described on the class, and cut to {@code max}
     * UTF-16 characters; {@code fallback} when nothing is left (or {@code text} is null). Never throws for any
     * {@code text}.
     *
     * @param text the text from outside; may be null
     * @param max the longest result, in UTF-16 characters; at least 1
     * @param fallback what to return when nothing allowed is left; returned as given
     * @return the safe text, or {@code fallback}
     * @throws IllegalArgumentException if {@code max} is less than 1
     */
    public static String clean(String text, int max, String fallback) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, but was " + max);
        }
        if (text == null) {
            return fallback;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 2));
        boolean pendingSpace = false;
        int i = 0;
        // Reading stops once the result is full: a 10 KB header costs no more than a short one.
        while (i < text.length() && out.length() <= max) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else if (isAllowed(c)) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(c);
            }
        }
        String cleaned = cut(out, max).strip();
        return cleaned.isEmpty() ? fallback : cleaned;
    }

    /**
     * Tells whether {@code text} is already safe text: only allowed characters, single spaces between words, no
     * leading or trailing space, at most {@code max} characters. {@code clean} always returns such text.
     *
     * @param text the text to check; null is not safe
     * @param max the longest allowed length
     * @return true if {@code clean(text, max, ..)} would return {@code text} unchanged
     */
    public static boolean isSafe(String text, int max) {
        return text != null && !text.isEmpty() && text.equals(clean(text, Math.max(max, 1), null));
    }

    private static boolean isSpace(int c) {
        // Zs/Zl/Zp and the ASCII white-space controls (tab, line feed, ...) all separate words.
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isAllowed(int c) {
        switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.NON_SPACING_MARK:
            case Character.COMBINING_SPACING_MARK:
            case Character.DECIMAL_DIGIT_NUMBER:
                return true;
            default:
                return c < 0x80 && PUNCTUATION.indexOf(c) >= 0;
        }
    }

    private static String cut(StringBuilder s, int max) {
        if (s.length() <= max) {
            return s.toString();
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
