package dev.sessionkit.policy;

import dev.sessionkit.config.MaxSessionsPolicy;
import java.util.Objects;

/**
 * How many active sessions one user may hold and what a login beyond that does. Stores enforce it inside the
 * database (under a lock per user), so it holds across threads and nodes.
 *
 * @param maxPerUser most active sessions per user; 0 means no limit
 * @param policy what happens to a login beyond the limit
 */
public record SessionLimit(int maxPerUser, MaxSessionsPolicy policy) {

    /**
     * Validates the limit.
     *
     * @param maxPerUser see the record description
     * @param policy see the record description
     * @throws IllegalArgumentException if the maximum is negative
     */
    public SessionLimit {
        Objects.requireNonNull(policy, "policy");
        if (maxPerUser < 0) {
            throw new IllegalArgumentException("maxPerUser must be 0 (no limit) or more");
        }
    }

    /**
     * Returns the absence of a limit.
     *
     * @return a limit that never evicts nor rejects
     */
    public static SessionLimit unlimited() {
        return new SessionLimit(0, MaxSessionsPolicy.EVICT_OLDEST);
    }

    /**
     * Tells whether a limit applies at all.
     *
     * @return true when maxPerUser is positive
     */
    public boolean isLimited() {
        return maxPerUser > 0;
    }
}
