package dev.sessionkit.service;

import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.token.SessionToken;
import java.util.Objects;

/**
 * A session just created, with the one copy of its secret token that will ever exist outside the browser.
 * Write the token into the cookie and drop it; {@link #toString()} does not reveal it.
 *
 * @param token the secret token
 * @param session the stored session
 * @param newDevice true when this browser was never seen for the user before
 */
public record IssuedSession(SessionToken token, SessionRecord session, boolean newDevice) {

    /**
     * Checks the parts are present.
     *
     * @param token see the record description
     * @param session see the record description
     * @param newDevice see the record description
     */
    public IssuedSession {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(session, "session");
    }
}
