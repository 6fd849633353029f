package dev.sessionkit.session;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public identifier of a session: random, carries no authority, safe to show in pages, logs and URLs.
 * Knowing it lets nobody act as the session; only the secret token does that.
 *
 * @param value 22 characters of base64url (128 random bits)
 */
public record SessionId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final int RANDOM_BYTES = 16;

    /**
     * Validates the format.
     *
     * @param value see the record description
     * @throws IllegalArgumentException if the value is not 22 base64url characters
     */
    public SessionId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a session id is 22 base64url characters");
        }
    }

    /**
     * Parses untrusted input, such as a URL path segment, without throwing.
     *
     * @param text any text, may be null
     * @return the id when the text has the exact format, else empty
     */
    public static Optional<SessionId> parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new SessionId(text));
    }

    /**
     * Draws a new random id.
     *
     * @param random the source of randomness; a {@link SecureRandom} so ids cannot be predicted
     * @return a fresh id
     */
    public static SessionId random(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new SessionId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
