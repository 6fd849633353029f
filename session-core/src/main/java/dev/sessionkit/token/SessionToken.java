package dev.sessionkit.token;

import java.util.Objects;
import java.util.Optional;

/**
 * The secret a browser presents to prove it holds a session: 32 random bytes as 43 base64url characters.
 * It is never stored (only its {@link TokenHash}), never logged, and {@link #toString()} does not reveal it.
 */
public final class SessionToken {

    /** Length of a token in characters. */
    public static final int LENGTH = 43;

    private final String value;

    private SessionToken(String value) {
        this.value = value;
    }

    /**
     * Parses untrusted input such as a cookie value, without throwing and without touching any store.
     *
     * @param text any text, may be null
     * @return the token when the text has the exact format, else empty
     */
    public static Optional<SessionToken> parse(String text) {
        if (text == null || text.length() != LENGTH) {
            return Optional.empty();
        }
        // A loop rather than a regular expression: this runs on every request.
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return Optional.empty();
            }
        }
        return Optional.of(new SessionToken(text));
    }

    static SessionToken ofValidated(String text) {
        return new SessionToken(Objects.requireNonNull(text, "text"));
    }

    /**
     * Returns the secret itself, for the one place that must send it: the cookie written at login.
     *
     * @return the 43-character token
     */
    public String reveal() {
        return value;
    }

    /**
     * Hashes the token for lookup and storage.
     *
     * @return the SHA-256 hash of the token
     */
    public TokenHash hash() {
        return TokenHash.of(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionToken token
                && java.security.MessageDigest.isEqual(value.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        token.value.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Returns a fixed text so a token can never leak through logging or string concatenation. */
    @Override
    public String toString() {
        return "SessionToken[redacted]";
    }
}
