package dev.sessionkit.servlet;

import dev.sessionkit.session.SessionId;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Sessionkit's own, server-side record of which tracked session each container login was adopted into. It lives
 * in this node's memory only and nothing of it is in the {@code HttpSession}, so app code can neither remove nor
 * forge a link. Thread-safe.
 *
 * <p>A container login is named by a {@link LoginKey}: the container's session id for FORM-style logins (kept up
 * to date through {@link #idChanged}), or a keyed hash of the credentials for logins that send them with every
 * request (BASIC). What the record holds for a key:
 * <ul>
 *   <li>{@link Bound}: the login was adopted into that tracked session; it is only ever continued as that one.
 *   <li>{@link Open}: a login may be adopted as a new session: the container changed the session's id (it does so
 *       when a user signs in), or the credentials were never bound.
 *   <li>nothing, for a container session: Sessionkit did not see this login begin (it began before this start
 *       or on another node), so it is continued only for a browser that presents its valid cookie.
 * </ul>
 */
final class ContainerLogins {

    /**
     * Most credential keys kept. A key left out only costs a cookie-less client one more session (or a revoked one
     * its single refusal); container-session keys need no bound, they go when the container's session goes.
     */
    static final int MAX_CREDENTIAL_KEYS = 10_000;

    private final ConcurrentMap<String, State> byContainerSession = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, State> byCredentials = new ConcurrentHashMap<>();
    private volatile boolean idChangeSeen;

    /** What Sessionkit knows about one container login. */
    sealed interface State permits Bound, Open {
    }

    /**
     * The login was adopted into this tracked session.
     *
     * @param session the tracked session's public id
     */
    record Bound(SessionId session) implements State {
        Bound {
            Objects.requireNonNull(session, "session");
        }
    }

    /** A new login may be adopted; the instance is also the lock that lets only one request adopt it. */
    static final class Open implements State {
    }

    /** Returns what is known about a login; credentials never seen are open. */
    Optional<State> state(LoginKey key) {
        if (key.inContainerSession()) {
            return Optional.ofNullable(byContainerSession.get(key.value()));
        }
        State state = byCredentials.get(key.value());
        if (state == null) {
            trimCredentials();
            state = byCredentials.computeIfAbsent(key.value(), k -> new Open());
        }
        return Optional.of(state);
    }

    /** Returns the current state of a login, to re-check after taking an {@link Open} state's lock. */
    Optional<State> current(LoginKey key) {
        return Optional.ofNullable(map(key).get(key.value()));
    }

    /** Links a login to the tracked session it continues or was adopted into. */
    void bind(LoginKey key, SessionId session) {
        map(key).put(key.value(), new Bound(session));
    }

    /** Forgets a login (it ended); returns what it was bound to. */
    Optional<SessionId> forget(LoginKey key) {
        return bound(map(key).remove(key.value()));
    }

    /**
     * The container gave a session a new id. A bound login keeps its link under the new id (the app's own
     * {@code changeSessionId}); any other becomes open, since containers change the id when a user signs in.
     */
    void idChanged(String oldId, String newId) {
        idChangeSeen = true;
        State before = byContainerSession.remove(oldId);
        byContainerSession.put(newId, before instanceof Bound bound ? bound : new Open());
    }

    /** Whether the container ever reported a new session id (at a sign-in): if never, the listener may be missing. */
    boolean idChangeSeen() {
        return idChangeSeen;
    }

    /** The container's session ended; returns the tracked session its login was adopted into, if any. */
    Optional<SessionId> containerSessionEnded(String id) {
        return bound(byContainerSession.remove(id));
    }

    private ConcurrentMap<String, State> map(LoginKey key) {
        return key.inContainerSession() ? byContainerSession : byCredentials;
    }

    private static Optional<SessionId> bound(State state) {
        return state instanceof Bound bound ? Optional.of(bound.session()) : Optional.empty();
    }

    private void trimCredentials() {
        if (byCredentials.size() < MAX_CREDENTIAL_KEYS) {
            return;
        }
        Iterator<State> states = byCredentials.values().iterator();
        while (states.hasNext() && byCredentials.size() >= MAX_CREDENTIAL_KEYS * 9 / 10) {
            states.next();
            states.remove();
        }
    }
}
