package dev.sessionkit.security;

import java.time.Duration;
import java.util.Objects;

/**
 * A sensitive action needs a credential proved more recently than this session's: the user must re-authenticate
 * (enter their password again) first. The servlet filter and the REST module answer it with 403
 * {@code application/problem+json} whose {@code type} ends in {@value #PROBLEM_TYPE_NAME}.
 */
public final class ReauthenticationRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The last segment of the problem type URI. */
    public static final String PROBLEM_TYPE_NAME = "reauthentication-required";
    /** The problem type URI of the 403 answer. */
    public static final String PROBLEM_TYPE = "urn:sessionkit:problem:" + PROBLEM_TYPE_NAME;

    private final transient Duration maxAge;

    /**
     * Names the age allowed.
     *
     * @param maxAge how recent the credential must be
     */
    public ReauthenticationRequiredException(Duration maxAge) {
        super("This needs a password entered in the last " + describe(maxAge) + ": confirm your password and try "
                + "again.", null, false, false);
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    /** {@return how recent the credential must be} */
    public Duration maxAge() {
        return maxAge;
    }

    private static String describe(Duration age) {
        long minutes = age.toMinutes();
        return minutes >= 1 && age.toSecondsPart() == 0 ? minutes + (minutes == 1 ? " minute" : " minutes")
                : age.toSeconds() + " seconds";
    }
}
