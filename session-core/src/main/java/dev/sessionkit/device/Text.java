package dev.sessionkit.device;

/** Length caps for strings that come from request headers ({@link DisplayText} makes them safe to show). */
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
}
