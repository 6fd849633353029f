package dev.sessionkit.servlet;

/**
 * What {@link SessionLogin#endOthers} did after a password change: how many sessions it ended, and whether this
 * browser stays signed in (with a fresh token).
 *
 * @param ended how many sessions of the user this call ended; zero or more
 * @param currentContinues true when this browser's session goes on with a new token; false when it could not
 *     (it had ended a moment earlier, e.g. signed out from another device): then every session of the user was
 *     ended, this browser's cookie cleared, and the app must answer with an error, not with success
 */
public record OthersEnded(int ended, boolean currentContinues) {

    /**
     * Creates the outcome.
     *
     * @param ended how many sessions were ended; zero or more
     * @param currentContinues whether this browser's session goes on
     */
    public OthersEnded {
        if (ended < 0) {
            throw new IllegalArgumentException("ended must not be negative: " + ended);
        }
    }
}
