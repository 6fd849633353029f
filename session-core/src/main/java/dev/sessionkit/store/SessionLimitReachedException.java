package dev.sessionkit.store;

import dev.sessionkit.SessionkitException;

/**
 * A login was refused because the user already holds {@code max-sessions-per-user} active sessions and the policy
 * is {@code reject}. The user must end one of their sessions first.
 */
public final class SessionLimitReachedException extends SessionkitException {

    private final int limit;

    /**
     * Creates the exception.
     *
     * @param limit the configured maximum
     */
    public SessionLimitReachedException(int limit) {
        super("This account already has " + limit + " active sessions, the most allowed. "
                + "Sign out of another device first.");
        this.limit = limit;
    }

    /**
     * Returns the limit that was reached.
     *
     * @return the configured maximum of active sessions per user
     */
    public int limit() {
        return limit;
    }
}
