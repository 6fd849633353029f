package dev.sessionkit.config;

/**
 * What a login does when the user already holds {@code max-sessions-per-user} active sessions (setting
 * {@code max-sessions-policy}). Immutable and thread-safe.
 */
public enum MaxSessionsPolicy {

    /** The new login succeeds and the user's least recently created session ends as evicted-by-limit. */
    EVICT_OLDEST("evict-oldest"),
    /** The new login fails with a clear error; existing sessions are untouched. */
    REJECT("reject");

    private final String settingValue;

    MaxSessionsPolicy(String settingValue) {
        this.settingValue = settingValue;
    }

    /**
     * Returns the spelling used in settings.
     *
     * @return {@code evict-oldest} or {@code reject}; never null
     */
    public String settingValue() {
        return settingValue;
    }
}
