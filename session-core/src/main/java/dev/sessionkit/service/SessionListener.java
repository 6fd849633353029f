package dev.sessionkit.service;

import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;

/**
 * Hears sessions start and end, from every store and every path (login, validation, revocation, cleanup), e.g.
 * to mail "new sign-in from a new device" or to audit. Called synchronously after the store committed; keep it
 * quick. An exception thrown by a listener is logged and does not undo or block the change.
 */
public interface SessionListener {

    /**
     * A login created a session.
     *
     * @param session the new session
     * @param newDevice true when its browser was never seen for this user before
     */
    default void created(SessionRecord session, boolean newDevice) {
    }

    /**
     * A session ended.
     *
     * @param session the session as ended
     * @param reason why it ended
     */
    default void ended(SessionRecord session, EndReason reason) {
    }
}
