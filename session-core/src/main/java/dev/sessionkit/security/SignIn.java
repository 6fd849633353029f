package dev.sessionkit.security;

import dev.sessionkit.service.IssuedSession;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of a monitored sign-in.
 *
 * @param issued the session and its token
 * @param signals the risk signals that fired
 * @param action the strongest action the policy took
 */
public record SignIn(IssuedSession issued, Set<RiskSignal> signals, EventAction action) {

    /**
     * Checks the parts.
     *
     * @param issued see the record description
     * @param signals see the record description
     * @param action see the record description
     */
    public SignIn {
        Objects.requireNonNull(issued, "issued");
        signals = Set.copyOf(signals);
        Objects.requireNonNull(action, "action");
    }

    /**
     * Tells whether the policy ended the new session at once: the browser must not be given its cookie.
     *
     * @return true when the action was to end this session or all of the user's
     */
    public boolean blocked() {
        return action == EventAction.END_SESSION || action == EventAction.END_ALL_SESSIONS;
    }
}
