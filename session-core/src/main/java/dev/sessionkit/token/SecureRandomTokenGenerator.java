package dev.sessionkit.token;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** Draws 32 bytes from a {@link SecureRandom} (thread-safe) and encodes them as 43 base64url characters. */
final class SecureRandomTokenGenerator implements TokenGenerator {

    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random;

    SecureRandomTokenGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public SessionToken next() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return SessionToken.ofValidated(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
