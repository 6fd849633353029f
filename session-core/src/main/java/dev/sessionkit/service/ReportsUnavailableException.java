package dev.sessionkit.service;

import dev.sessionkit.SessionkitException;

/**
 * Analytics or statistics were asked of a store that keeps no reports (it does not implement
 * {@link dev.sessionkit.store.SessionReports}): answer "not implemented", since asking again will not help.
 */
public final class ReportsUnavailableException extends SessionkitException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with its one message. */
    public ReportsUnavailableException() {
        super("This session store keeps no reports: analytics and statistics are not available.");
    }
}
