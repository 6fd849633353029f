package dev.sessionkit;

/**
 * Root of every exception Sessionkit throws on purpose. Unchecked: each subtype is named for what the
 * caller does next (answer 503, refuse the login, fix a setting), so callers catch the subtype they can act on.
 */
public class SessionkitException extends RuntimeException {

    /**
     * Creates an exception with a message meant for an operator's log; it never contains a token.
     *
     * @param message what went wrong and, where known, how to fix it
     */
    public SessionkitException(String message) {
        super(message);
    }

    /**
     * Creates an exception that keeps its cause for the log.
     *
     * @param message what went wrong and, where known, how to fix it
     * @param cause the underlying failure
     */
    public SessionkitException(String message, Throwable cause) {
        super(message, cause);
    }
}
