package dev.sessionkit.security;

import java.util.Optional;

/**
 * What a security event records. Names follow the OWASP Logging Vocabulary where it has one; the others are
 * Sessionkit's own, in the same style.
 */
public enum EventType {
    /** A sign-in succeeded and started a session (OWASP). */
    AUTHN_LOGIN_SUCCESS("authn_login_success"),
    /** A sign-in succeeded after failed attempts against the same account (OWASP). */
    AUTHN_LOGIN_SUCCESSAFTERFAIL("authn_login_successafterfail"),
    /** A password check failed (OWASP). */
    AUTHN_LOGIN_FAIL("authn_login_fail"),
    /** A failure that reached an attempt limit: further attempts are refused for a while (OWASP). */
    AUTHN_LOGIN_FAIL_MAX("authn_login_fail_max"),
    /** The user's password changed (OWASP). */
    AUTHN_PASSWORD_CHANGE("authn_password_change"),
    /** The user of a session proved a credential again before a sensitive action; the session was renewed (Sessionkit). */
    AUTHN_REAUTHENTICATED("authn_reauthenticated"),
    /** A remembered device's cookie came back with a validator already used: stolen, the device forgotten (OWASP). */
    AUTHN_TOKEN_REUSE("authn_token_reuse"),
    /** This sign-in is too far from the previous one for the time between them (OWASP). */
    AUTHN_IMPOSSIBLE_TRAVEL("authn_impossible_travel"),
    /** A session started without a password check, e.g. adopted from the container's login (OWASP). */
    SESSION_CREATED("session_created"),
    /** A session was replaced by one with a fresh token (OWASP). */
    SESSION_RENEWED("session_renewed"),
    /** A session passed its idle or absolute deadline (OWASP). */
    SESSION_EXPIRED("session_expired"),
    /** The token of an ended session was presented again from another browser or network (OWASP). */
    SESSION_USE_AFTER_EXPIRE("session_use_after_expire"),
    /** The user signed out of a session (Sessionkit). */
    SESSION_LOGOUT("session_logout"),
    /** A session was ended by its user, an administrator, the session limit or a password change (Sessionkit). */
    SESSION_REVOKED("session_revoked"),
    /** A sign-in from a browser never seen for this user (Sessionkit). */
    RISK_NEW_DEVICE("risk_new_device"),
    /** A sign-in from a country not seen among the user's recent sign-ins (Sessionkit). */
    RISK_NEW_COUNTRY("risk_new_country"),
    /** A sign-in right after many failed attempts against the account (Sessionkit). */
    RISK_MANY_FAILURES("risk_many_failures"),
    /** A live session's requests switched country or browser family (Sessionkit). */
    RISK_SESSION_DRIFT("risk_session_drift"),
    /** A sign-in leaves the account with active sessions in three or more countries (Sessionkit). */
    RISK_MANY_COUNTRIES("risk_many_countries"),
    /** The user reported a sign-in as not theirs ("this wasn't me") (Sessionkit). */
    USER_REPORTED_SIGNIN("user_reported_signin");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * Returns the name used in the database, the API and the audit stream.
     *
     * @return e.g. {@code authn_login_success}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name without throwing.
     *
     * @param text e.g. {@code session_revoked}; may be null
     * @return the type, or empty for unknown text
     */
    public static Optional<EventType> fromWireName(String text) {
        for (EventType type : values()) {
            if (type.wireName.equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
