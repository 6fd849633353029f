package dev.sessionkit.config;

/** Placeholder until the settings package lands; replaced by the full version. */
public enum MaxSessionsPolicy {
    /** Ends the user's oldest sessions to make room. */
    EVICT_OLDEST,
    /** Refuses the new login. */
    REJECT
}
