package dev.sessionkit.servlet;

import dev.sessionkit.SessionkitException;

/**
 * A sign-in or sign-out was refused because a browser marks the request as sent from another site (setting
 * {@code cross-site-login=refuse}, the default): nothing changed, no session started or ended, no cookie was set.
 * Answer 403; the {@link SessionFilter} does so with a problem document when the app lets this propagate.
 */
public final class CrossSiteRequestRefusedException extends SessionkitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param action what was refused, e.g. "sign-in"
     * @param origin the judgement that refused it
     */
    public CrossSiteRequestRefusedException(String action, RequestOrigin origin) {
        super("Refused a " + action + " as possible cross-site request forgery: " + origin.evidence() + ".");
    }
}
