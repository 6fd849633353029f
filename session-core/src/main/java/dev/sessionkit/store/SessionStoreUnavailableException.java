package dev.sessionkit.store;

import dev.sessionkit.SessionkitException;

/**
 * The store could not answer (database down, pool exhausted, timeout). The caller cannot know whether a session is
 * valid, so it must refuse the request (503), never let it through.
 */
public final class SessionStoreUnavailableException extends SessionkitException {

    /**
     * Creates the exception.
     *
     * @param message what the store was doing
     * @param cause the database failure
     */
    public SessionStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
