package dev.sessionkit.servlet;

import dev.sessionkit.session.SessionRecord;
import java.security.Principal;
import java.util.Objects;

/**
 * The user of a request authenticated by a Sessionkit session, as {@code request.getUserPrincipal()} returns it.
 * {@link #getName()} is the username; {@link #userId()} the application's user key; {@link #session()} the whole
 * session (its public id, device, expiry).
 */
public final class SessionkitPrincipal implements Principal {

    private final SessionRecord session;

    /**
     * Wraps a valid session.
     *
     * @param session the session that authenticated the request
     */
    public SessionkitPrincipal(SessionRecord session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * Returns the username shown to people.
     *
     * @return the session's username
     */
    @Override
    public String getName() {
        return session.principal().username();
    }

    /**
     * Returns the application's user key, the one ownership checks compare.
     *
     * @return the user id
     */
    public String userId() {
        return session.userId();
    }

    /**
     * Returns the session behind this principal.
     *
     * @return the session as validated for this request
     */
    public SessionRecord session() {
        return session;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionkitPrincipal p && p.session.id().equals(session.id());
    }

    @Override
    public int hashCode() {
        return session.id().hashCode();
    }

    @Override
    public String toString() {
        return "SessionkitPrincipal[" + getName() + ", session " + session.id() + "]";
    }
}
