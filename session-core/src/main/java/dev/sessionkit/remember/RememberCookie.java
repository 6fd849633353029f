package dev.sessionkit.remember;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value of a remembered device's cookie: {@code selector.validator}, the selector naming the series (looked up
 * as it is), the validator a secret the store keeps only as a SHA-256 hash. 22 + 1 + 43 base64url characters.
 * {@link #toString()} never shows the validator.
 *
 * @param selector the public half, 16 random bytes
 * @param validator the secret half, 32 random bytes
 */
public record RememberCookie(String selector, String validator) {

    private static final Pattern FORMAT = Pattern.compile("([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})");

    /**
     * Checks the parts are present.
     *
     * @param selector see the record description
     * @param validator see the record description
     */
    public RememberCookie {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(validator, "validator");
    }

    /**
     * Parses a cookie value from a request, untrusted.
     *
     * @param value the text; may be null or garbage
     * @return the two halves, or empty when the value has not exactly the format
     */
    public static Optional<RememberCookie> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(value);
        return matcher.matches() ? Optional.of(new RememberCookie(matcher.group(1), matcher.group(2)))
                : Optional.empty();
    }

    /** {@return the cookie's value, to send in {@code Set-Cookie}} */
    public String value() {
        return selector + "." + validator;
    }

    @Override
    public String toString() {
        return "RememberCookie[selector=" + selector + ", validator=(hidden)]";
    }
}
