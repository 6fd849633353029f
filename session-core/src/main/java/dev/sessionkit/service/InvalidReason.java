package dev.sessionkit.service;

/** Why a presented token does not authenticate. */
public enum InvalidReason {
    /** No session has this token (also for text that is not a token at all). */
    UNKNOWN,
    /** The session was ended (logout, revoked, evicted, rotated, or expired earlier). */
    ENDED,
    /** The session had no request for longer than the idle timeout; this validation ended it. */
    IDLE_EXPIRED,
    /** The session's absolute lifetime passed; this validation ended it. */
    ABSOLUTE_EXPIRED
}
