package dev.sessionkit.servlet;

import dev.sessionkit.security.RiskSignal;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The risk policy ended a sign-in's session as soon as it started (for example {@code impossible-travel=end-session}
 * in {@code risk-actions}): the browser gets no cookie. Answer 403 and tell the user to check their mail; the
 * message names the signals and is safe to show.
 */
public final class SignInBlockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The signals that made the policy stop the sign-in. */
    private final transient Set<RiskSignal> signals;

    /**
     * A blocked sign-in.
     *
     * @param signals what fired
     */
    public SignInBlockedException(Set<RiskSignal> signals) {
        super("This sign-in was stopped by the account's security policy ("
                + signals.stream().map(RiskSignal::wireName).sorted().collect(Collectors.joining(", "))
                + "). If it was you, try again from a device you used before, or contact support.");
        this.signals = Set.copyOf(signals);
    }

    /** {@return the signals that fired} */
    public Set<RiskSignal> signals() {
        return signals;
    }
}
