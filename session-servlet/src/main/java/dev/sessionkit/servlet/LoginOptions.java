package dev.sessionkit.servlet;

import dev.sessionkit.session.Authentication;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a user proved who they are at sign-in, for {@code SessionLogin.login(request, response, principal, options)}:
 * the method recorded on the session (what re-authentication checks are judged on) and an optional assurance level.
 * Immutable.
 *
 * @param method {@code password} unless the app says otherwise, e.g. {@code webauthn} (see {@link Authentication})
 * @param level an assurance level from 1 to 3, when the app assigns them
 * @param rememberDevice whether to remember this device ("keep me signed in"): a {@code remember} cookie that starts a
 *     new session when this one is gone, for {@code remember-me-lifetime}
 */
public record LoginOptions(String method, OptionalInt level, boolean rememberDevice) {

    /**
     * Checks the parts as {@link Authentication} does.
     *
     * @param method see the record description
     * @param level see the record description
     * @param rememberDevice see the record description
     */
    public LoginOptions {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(level, "level");
        new Authentication(java.time.Instant.EPOCH, method, level); // validates, or throws IllegalArgumentException
    }

    /** {@return a checked password, no assurance level: what {@code login} without options records} */
    public static LoginOptions password() {
        return new LoginOptions(Authentication.PASSWORD, OptionalInt.empty(), false);
    }

    /**
     * Returns options naming the app's own method.
     *
     * @param method e.g. {@code webauthn} or {@code otp}
     * @return the options
     */
    public static LoginOptions method(String method) {
        return new LoginOptions(method, OptionalInt.empty(), false);
    }

    /**
     * Returns these options with an assurance level.
     *
     * @param assurance 1, 2 or 3
     * @return the options
     */
    public LoginOptions level(int assurance) {
        return new LoginOptions(method, OptionalInt.of(assurance), rememberDevice);
    }

    /**
     * Returns these options asking to remember the device, e.g. {@code LoginOptions.password().remember()} when
     * the form's "Keep me signed in" box is ticked.
     *
     * @return the options
     */
    public LoginOptions remember() {
        return new LoginOptions(method, level, true);
    }
}
