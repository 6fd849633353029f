package dev.sessionkit.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * When the user of a session last proved a credential, and how. Set at sign-in, renewed by re-authentication (which
 * also rotates the session), carried over by plain rotation. Immutable.
 *
 * @param at when the credential was proved
 * @param method how: {@value #PASSWORD}, {@value #REMEMBER_ME}, {@value #CONTAINER}, or a name the app gives
 *     (lower case letters, digits and hyphens, 1 to 32 characters, e.g. {@code webauthn})
 * @param level an assurance level the app assigns (1 to 3, as NIST SP 800-63B's AAL), when it uses them
 */
public record Authentication(Instant at, String method, OptionalInt level) {

    /** A password the app checked. */
    public static final String PASSWORD = "password";
    /** A remembered device's cookie: no credential proved now, so never "recent". */
    public static final String REMEMBER_ME = "remember-me";
    /** The container's own login (FORM, BASIC), adopted by the filter. */
    public static final String CONTAINER = "container";
    /** A session stored by a version that did not record it; its sign-in time is used. */
    public static final String UNKNOWN = "unknown";

    private static final Pattern METHOD = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /**
     * Checks the parts.
     *
     * @param at see the record description
     * @param method see the record description
     * @param level see the record description
     * @throws IllegalArgumentException for a malformed method or a level outside 1 to 3
     */
    public Authentication {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(level, "level");
        if (!METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("an authentication method is 1 to 32 lower-case letters, digits and"
                    + " hyphens, starting with a letter or digit");
        }
        if (level.isPresent() && (level.getAsInt() < 1 || level.getAsInt() > 3)) {
            throw new IllegalArgumentException("an assurance level is 1, 2 or 3");
        }
    }

    /**
     * A password checked at an instant, without an assurance level.
     *
     * @param at when
     * @return the authentication
     */
    public static Authentication password(Instant at) {
        return new Authentication(at, PASSWORD, OptionalInt.empty());
    }

    /**
     * Tells whether this proof is recent enough for a sensitive action: no older than the age allowed, and a
     * credential at all (a remembered device's cookie never is).
     *
     * @param now the instant of the action
     * @param maxAge the oldest proof accepted
     * @return true when the action may go ahead
     */
    public boolean isRecentAt(Instant now, Duration maxAge) {
        return !REMEMBER_ME.equals(method) && !at.isBefore(now.minus(maxAge));
    }
}
