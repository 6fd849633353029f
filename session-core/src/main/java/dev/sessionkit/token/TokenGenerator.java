package dev.sessionkit.token;

import java.security.SecureRandom;

/** Makes fresh, unpredictable session tokens. Implementations are thread-safe. */
@FunctionalInterface
public interface TokenGenerator {

    /**
     * Draws a new token.
     *
     * @return a token never issued before (with overwhelming probability)
     */
    SessionToken next();

    /**
     * Returns the standard generator: 32 bytes from the given {@link SecureRandom}, base64url without padding.
     *
     * @param random the randomness source; tests may pass a seeded one
     * @return the generator
     */
    static TokenGenerator secureRandom(SecureRandom random) {
        return new SecureRandomTokenGenerator(random);
    }
}
