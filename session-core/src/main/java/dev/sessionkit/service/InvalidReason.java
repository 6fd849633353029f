package dev.sessionkit.service;

import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import java.time.Instant;
import java.util.Optional;

/** Why a presented token does not authenticate. */
public enum InvalidReason {
    /** No session has this token (also for text that is not a token at all). */
    UNKNOWN,
    /** The session was ended (logout, revoked, evicted, rotated, or expired earlier). */
    ENDED,
    /** The session had no request for longer than the idle timeout; this validation ended it. */
    IDLE_EXPIRED,
    /** The session's absolute lifetime passed; this validation ended it. */
    ABSOLUTE_EXPIRED;

    /**
     * Judges a token's stored session at an instant, without changing anything: the one ordering of reasons that
     * {@link SessionService#validate} and read-only tools (the command line) share.
     *
     * @param session what the store holds for the token's hash; empty when nothing
     * @param now the instant to judge at
     * @return why the session does not authenticate, or empty when it does
     */
    public static Optional<InvalidReason> judge(Optional<SessionRecord> session, Instant now) {
        if (session.isEmpty()) {
            return Optional.of(UNKNOWN);
        }
        if (!session.get().isActive()) {
            return Optional.of(ENDED);
        }
        return session.get().expiryAt(now)
                .map(expiry -> expiry == EndReason.EXPIRED_IDLE ? IDLE_EXPIRED : ABSOLUTE_EXPIRED);
    }
}
