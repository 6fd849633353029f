package dev.sessionkit.device;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a request tells about its device: the {@code User-Agent} header and the User-Agent Client Hints
 * ({@code Sec-CH-UA*} headers), capped in size so that a hostile request cannot make detection or storage costly.
 *
 * <p>The constructor normalises and never throws: a null user agent becomes {@code ""} and a longer one is cut to
 * {@value #MAX_USER_AGENT_LENGTH} characters. Client hint names are stripped and lower-cased ({@code sec-ch-ua},
 * {@code sec-ch-ua-mobile}, {@code sec-ch-ua-platform}, {@code sec-ch-ua-platform-version}, {@code sec-ch-ua-model},
 * {@code sec-ch-ua-full-version-list}, ...); entries are dropped when the name or value is null, the name does not
 * start with {@code sec-ch-ua} or is longer than {@value #MAX_HINT_NAME_LENGTH} characters, or the value is longer
 * than {@value #MAX_HINT_VALUE_LENGTH} characters. Values are stripped of surrounding blanks and otherwise kept as
 * sent (structured-header syntax, quotes included). When two names differ only in case, the one that sorts first
 * wins. The map is an immutable copy. Instances are immutable and thread-safe.
 *
 * @param userAgent the {@code User-Agent} header as sent, never null after construction
 * @param clientHints the client hint headers by lower-case name, never null after construction
 */
public record UserAgentData(String userAgent, Map<String, String> clientHints) {

    /** The longest user agent kept, in UTF-16 characters; longer ones are cut. */
    public static final int MAX_USER_AGENT_LENGTH = 512;

    /** The longest client hint value kept, in characters; longer values are dropped, not cut. */
    public static final int MAX_HINT_VALUE_LENGTH = 256;

    /** The longest client hint name kept, in characters. */
    public static final int MAX_HINT_NAME_LENGTH = 64;

    private static final String HINT_PREFIX = "sec-ch-ua";

    /**
     * Creates request data, normalising both components as described on the class; never throws.
     *
     * @param userAgent the {@code User-Agent} header; null means none was sent
     * @param clientHints client hint headers by name in any case; null means none were sent
     */
    public UserAgentData {
        userAgent = Text.truncate(userAgent == null ? "" : userAgent, MAX_USER_AGENT_LENGTH);
        clientHints = normalise(clientHints);
    }

    /**
     * Returns request data with only a user agent and no client hints; never null.
     *
     * @param userAgent the {@code User-Agent} header; null means none was sent
     * @return the request data
     */
    public static UserAgentData of(String userAgent) {
        return new UserAgentData(userAgent, Map.of());
    }

    /** Returns the value of one client hint by lower-case name, or null when it was not sent. */
    String hint(String lowerCaseName) {
        return clientHints.get(lowerCaseName);
    }

    private static Map<String, String> normalise(Map<String, String> hints) {
        if (hints == null || hints.isEmpty()) {
            return Map.of();
        }
        // Sorted by the name as sent, so the winner among "Sec-CH-UA" and "sec-ch-ua" does not depend on map order.
        TreeMap<String, String> sorted = new TreeMap<>();
        hints.forEach((name, value) -> {
            if (name != null && value != null) {
                sorted.put(name, value);
            }
        });
        Map<String, String> kept = new TreeMap<>();
        sorted.forEach((name, value) -> {
            String key = name.strip().toLowerCase(Locale.ROOT);
            String trimmed = value.strip();
            if (key.startsWith(HINT_PREFIX) && key.length() <= MAX_HINT_NAME_LENGTH
                    && trimmed.length() <= MAX_HINT_VALUE_LENGTH) {
                kept.putIfAbsent(key, trimmed);
            }
        });
        return Map.copyOf(kept);
    }
}
