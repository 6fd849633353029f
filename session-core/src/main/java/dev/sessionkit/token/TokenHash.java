package dev.sessionkit.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 hash of a secret value, as 64 lower-case hex characters: what the store keeps and looks up
 * instead of the token. A plain hash suffices because tokens carry 256 random bits; there is nothing to
 * brute-force, so no salt or slow hash is needed.
 *
 * @param hex 64 lower-case hex characters
 */
public record TokenHash(String hex) {

    private static final int LENGTH = 64;

    /**
     * Validates the format.
     *
     * @param hex see the record description
     * @throws IllegalArgumentException if not 64 lower-case hex characters
     */
    public TokenHash {
        Objects.requireNonNull(hex, "hex");
        if (!isLowerHex(hex)) {
            throw new IllegalArgumentException("a token hash is 64 lower-case hex characters");
        }
    }

    /**
     * Hashes a token.
     *
     * @param token the token
     * @return its hash
     */
    public static TokenHash of(SessionToken token) {
        return ofSecret(token.reveal());
    }

    /**
     * Hashes any secret text the same way, e.g. the browser-id cookie.
     *
     * @param secret the text to hash
     * @return its hash
     */
    public static TokenHash ofSecret(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return new TokenHash(HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256; reaching this means a broken runtime.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A loop rather than a regular expression: this runs on every request. */
    private static boolean isLowerHex(String text) {
        if (text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Returns a shortened form: the hash is not secret, but there is no reason to spread it. */
    @Override
    public String toString() {
        return "TokenHash[" + hex.substring(0, 8) + "…]";
    }
}
