package dev.sessionkit.remember;

import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.token.TokenHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One remembered device ("keep me signed in"): the selector its cookie names it by, whom it signs in, and the
 * hashes of its current validator and of the one before (accepted a few seconds after a rotation, for a browser's
 * parallel requests). The validators themselves are never stored. Immutable.
 *
 * @param selector the public half of the cookie, 22 base64url characters; names the series
 * @param principal who the device signs in
 * @param validatorHash SHA-256 of the current validator
 * @param previousValidatorHash SHA-256 of the validator the last rotation replaced, when there was one
 * @param rotatedAt when the validator last changed (the creation time before the first rotation)
 * @param createdAt when the user asked to be remembered
 * @param expiresAt when the device is forgotten ({@code remember-me-lifetime} after creation; never extended)
 * @param device a short summary of the device, e.g. {@code Firefox on Windows}, for the device list
 */
public record RememberSeries(String selector, SessionPrincipal principal, TokenHash validatorHash,
        Optional<TokenHash> previousValidatorHash, Instant rotatedAt, Instant createdAt, Instant expiresAt,
        String device) {

    private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9_-]{22}");
    /** Longest device summary kept. */
    public static final int MAX_DEVICE = 128;

    /**
     * Checks the parts.
     *
     * @param selector see the record description
     * @param principal see the record description
     * @param validatorHash see the record description
     * @param previousValidatorHash see the record description
     * @param rotatedAt see the record description
     * @param createdAt see the record description
     * @param expiresAt see the record description
     * @param device see the record description
     */
    public RememberSeries {
        Objects.requireNonNull(selector, "selector");
        if (!SELECTOR.matcher(selector).matches()) {
            throw new IllegalArgumentException("a selector is 22 base64url characters");
        }
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(validatorHash, "validatorHash");
        Objects.requireNonNull(previousValidatorHash, "previousValidatorHash");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(device, "device");
        device = device.length() > MAX_DEVICE ? device.substring(0, MAX_DEVICE) : device;
    }

    /**
     * Returns the id the API and pages name this device by: derived from the selector, so the selector (half of the
     * cookie) is never shown, and the same on every node.
     *
     * @return 22 base64url characters
     */
    public String publicId() {
        return dev.sessionkit.security.EventId.derived("remembered-device:" + selector).value();
    }

    /** {@return the account the device signs in} */
    public String userId() {
        return principal.userId();
    }

    /**
     * Returns this series after a rotation.
     *
     * @param next the new validator's hash
     * @param at when
     * @return the rotated series, the old current validator now the previous one
     */
    public RememberSeries rotated(TokenHash next, Instant at) {
        return new RememberSeries(selector, principal, next, Optional.of(validatorHash), at, createdAt, expiresAt,
                device);
    }
}
