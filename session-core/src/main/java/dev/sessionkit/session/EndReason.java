package dev.sessionkit.session;

import java.util.Locale;
import java.util.Optional;

/** Why a session ended; stored with the ended session and reported to listeners and in login history. */
public enum EndReason {
    /** The user signed out of this session. */
    LOGOUT,
    /** The user ended this session from another of their sessions ("sign out that device"). */
    REVOKED_BY_USER,
    /** An administrator ended the session. */
    REVOKED_BY_ADMIN,
    /** No request came for longer than the idle timeout. */
    EXPIRED_IDLE,
    /** The absolute lifetime since login passed. */
    EXPIRED_ABSOLUTE,
    /** A newer login of the same user pushed it out under {@code max-sessions-per-user}. */
    EVICTED_BY_LIMIT,
    /** It was replaced by a session with a fresh token. */
    ROTATED,
    /** The user's password changed, which ends their other sessions. */
    PASSWORD_CHANGED,
    /** The risk policy ended it: a stolen cookie came back, or a sign-in looked like someone else's. */
    SECURITY_POLICY;

    /**
     * Returns the lower-case, hyphenated name used in JSON and in the database.
     *
     * @return e.g. {@code revoked-by-user}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a wire name without throwing.
     *
     * @param wireName e.g. {@code expired-idle}; may be null
     * @return the reason, or empty for unknown text
     */
    public static Optional<EndReason> fromWireName(String wireName) {
        for (EndReason reason : values()) {
            if (reason.wireName().equals(wireName)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
