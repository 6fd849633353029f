package dev.sessionkit.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public identifier of a security event: random, safe to show in pages and URLs ("this wasn't me" links).
 *
 * @param value 22 characters of base64url (128 random bits)
 */
public record EventId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final int RANDOM_BYTES = 16;

    /**
     * Validates the format.
     *
     * @param value see the record description
     * @throws IllegalArgumentException if the value is not 22 base64url characters
     */
    public EventId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("an event id is 22 base64url characters");
        }
    }

    /**
     * Parses untrusted input, such as a URL path segment, without throwing.
     *
     * @param text any text, may be null
     * @return the id when the text has the exact format, else empty
     */
    public static Optional<EventId> parse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? Optional.of(new EventId(text)) : Optional.empty();
    }

    /**
     * Draws a new random id.
     *
     * @param random the source of randomness
     * @return a fresh id
     */
    public static EventId random(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new EventId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * Derives the id of an event that must exist at most once, from what it is about.
     *
     * @param about e.g. {@code "session_use_after_expire:" + sessionId}
     * @return the same id for the same text on every node
     */
    public static EventId derived(String about) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(about.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new EventId(Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(java.util.Arrays.copyOf(digest, RANDOM_BYTES)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
