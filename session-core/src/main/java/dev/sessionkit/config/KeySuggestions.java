package dev.sessionkit.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Guesses which setting a mistyped key meant: first by spelling variants ({@code idleTimeout},
 * {@code IDLE_TIMEOUT}, {@code sessionkit.idle-timeout}), then by edit distance.
 */
final class KeySuggestions {

    private static final int MAX_COMPARED_LENGTH = 64;

    private KeySuggestions() {
    }

    /** Returns the setting of {@code known} that {@code unknown} most likely meant, if one is close enough. */
    static Optional<Setting<?>> closest(String unknown, List<Setting<?>> known) {
        if (unknown == null || unknown.length() > MAX_COMPARED_LENGTH) {
            return Optional.empty();
        }
        String normalized = normalize(unknown);
        Setting<?> best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Setting<?> key : known) {
            int distance = distance(normalized, key.key());
            if (distance <= tolerance(key) && distance < bestDistance) {
                best = key;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Mistakes allowed for a key: one for short keys, up to three for long ones. */
    private static int tolerance(Setting<?> key) {
        int length = key.key().length();
        return length <= 6 ? 1 : length <= 10 ? 2 : 3;
    }

    /** Maps camelCase, snake_case, env and prefixed spellings onto the documented kebab-case. */
    static String normalize(String key) {
        String kebab = key.strip().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
                .replace('_', '-').replace('.', '-').replace(' ', '-');
        return kebab.startsWith("sessionkit-") ? kebab.substring("sessionkit-".length()) : kebab;
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
