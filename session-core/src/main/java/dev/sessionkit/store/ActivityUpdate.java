package dev.sessionkit.store;

import dev.sessionkit.session.SessionId;
import java.time.Instant;
import java.util.Objects;

/**
 * One session's activity waiting to be written: the arguments of {@link SessionStore#touch}.
 *
 * @param id the session
 * @param at the instant of the activity
 * @param idleExpiresAt the new idle deadline
 * @param staleBefore write only if the stored last access is at or before this instant
 */
public record ActivityUpdate(SessionId id, Instant at, Instant idleExpiresAt, Instant staleBefore) {

    /**
     * Checks that every part is present.
     *
     * @param id see the record description
     * @param at see the record description
     * @param idleExpiresAt see the record description
     * @param staleBefore see the record description
     */
    public ActivityUpdate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(idleExpiresAt, "idleExpiresAt");
        Objects.requireNonNull(staleBefore, "staleBefore");
    }

    /**
     * Keeps the later of two updates of the same session, so a buffer holds one write per session.
     *
     * @param other another update of the same session
     * @return the update with the later activity
     */
    public ActivityUpdate latest(ActivityUpdate other) {
        return other.at.isAfter(at) ? other : this;
    }
}
