package dev.sessionkit.store;

import dev.sessionkit.session.SessionId;
import java.time.Instant;
import java.util.Objects;

/**
 * One session's activity to record: the arguments of {@link SessionStore#recordActivity}.
 *
 * @param id the session
 * @param at the instant of the activity
 * @param idleExpiresAt the new idle deadline
 * @param staleBefore write only if the stored last access is at or before this instant
 * @param previousIdleExpiresAt the idle deadline the session had before this activity, which the store may still
 *     hold: a store that defers writes must write at once when it is near, or cleanup and other nodes would end a
 *     session in use
 */
public record ActivityUpdate(SessionId id, Instant at, Instant idleExpiresAt, Instant staleBefore,
        Instant previousIdleExpiresAt) {

    /**
     * Checks that every part is present.
     *
     * @param id see the record description
     * @param at see the record description
     * @param idleExpiresAt see the record description
     * @param staleBefore see the record description
     * @param previousIdleExpiresAt see the record description
     */
    public ActivityUpdate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(idleExpiresAt, "idleExpiresAt");
        Objects.requireNonNull(staleBefore, "staleBefore");
        Objects.requireNonNull(previousIdleExpiresAt, "previousIdleExpiresAt");
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
