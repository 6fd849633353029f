package dev.sessionkit.service;

import dev.sessionkit.session.SessionRecord;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.List;

/**
 * Delivers events to every registered listener, isolating them from each other and from the caller: a failing
 * listener is logged and the others still hear the event. Immutable and thread-safe.
 */
public final class SessionListeners {

    private static final System.Logger LOG = System.getLogger(SessionListeners.class.getName());

    private final List<SessionListener> listeners;
    private final List<EndRecorder> recorders;

    /**
     * Creates the fan-out.
     *
     * @param listeners the listeners, called in this order
     */
    public SessionListeners(Collection<? extends SessionListener> listeners) {
        this(listeners, List.of());
    }

    /**
     * Creates the fan-out with recorders that hear ends in batches, before the listeners.
     *
     * @param listeners the listeners, called in this order
     * @param recorders the batch recorders, such as the security event log
     */
    public SessionListeners(Collection<? extends SessionListener> listeners, Collection<EndRecorder> recorders) {
        this.listeners = List.copyOf(listeners);
        this.recorders = List.copyOf(recorders);
    }

    /**
     * Returns a fan-out with nobody listening.
     *
     * @return an empty fan-out
     */
    public static SessionListeners none() {
        return new SessionListeners(List.of());
    }

    /**
     * Tells every listener a session was created.
     *
     * @param session the new session
     * @param newDevice whether its browser is new for the user
     */
    public void created(SessionRecord session, boolean newDevice) {
        for (SessionListener listener : listeners) {
            try {
                listener.created(session, newDevice);
            } catch (RuntimeException e) {
                // A listener's bug must not fail a login that is already committed; log it for its owner.
                LOG.log(Level.WARNING, "Session listener " + listener.getClass().getName()
                        + " failed on created(" + session.id() + ")", e);
            }
        }
    }

    /**
     * Tells every listener that sessions ended; each session carries its own reason.
     *
     * @param sessions the ended sessions
     */
    public void ended(Collection<SessionRecord> sessions) {
        if (sessions.isEmpty()) {
            return;
        }
        record(List.copyOf(sessions));
        for (SessionRecord session : sessions) {
            tell(session);
        }
    }

    /**
     * Tells every listener a session ended.
     *
     * @param session the ended session, its ending present
     */
    public void ended(SessionRecord session) {
        record(List.of(session));
        tell(session);
    }

    private void record(List<SessionRecord> sessions) {
        for (EndRecorder recorder : recorders) {
            try {
                recorder.ended(sessions);
            } catch (RuntimeException e) {
                // The ends are committed; a recorder that cannot write (its store down) must not undo or hide them.
                LOG.log(Level.WARNING, "Recording " + sessions.size() + " session end(s) failed: " + e);
            }
        }
    }

    private void tell(SessionRecord session) {
        var reason = session.ending().orElseThrow(() -> new IllegalArgumentException("session is not ended"))
                .reason();
        for (SessionListener listener : listeners) {
            try {
                listener.ended(session, reason);
            } catch (RuntimeException e) {
                // Same as created: the end is committed; a listener failure is its owner's to fix.
                LOG.log(Level.WARNING, "Session listener " + listener.getClass().getName()
                        + " failed on ended(" + session.id() + ")", e);
            }
        }
    }
}
