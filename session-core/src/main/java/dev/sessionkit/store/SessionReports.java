package dev.sessionkit.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Aggregates over stored sessions, for the analytics and statistics endpoints: a capability a store offers by
 * implementing this next to {@link SessionStore}; without it those endpoints answer that the store keeps no reports.
 * Database stores answer each call with a bounded number of SQL aggregate statements (COUNT / GROUP BY), never by
 * loading rows, so the cost does not grow with the number of sessions returned. Maps are ordered by count, largest
 * first.
 */
public interface SessionReports {

    /**
     * Counts all stored sessions, active and ended, of a user.
     *
     * @param userId the owner
     * @return how many sessions the store holds for the user
     */
    long countAll(String userId);

    /**
     * Counts sessions by a device attribute.
     *
     * @param userId only this user's sessions when present, else everybody's
     * @param activeAt when present, only sessions usable at that instant; else all stored sessions
     * @param field the attribute to group by
     * @return count per attribute value (device types by their wire name)
     */
    Map<String, Long> countByDevice(Optional<String> userId, Optional<Instant> activeAt, DeviceField field);

    /**
     * Counts ended sessions by end reason.
     *
     * @param endedSince only sessions ended at or after this instant
     * @return count per reason wire name
     */
    Map<String, Long> countEndsByReason(Instant endedSince);

    /**
     * Summarises how long a user's ended sessions lasted.
     *
     * @param userId the owner
     * @return count, mean and median duration
     */
    DurationSummary durations(String userId);

    /**
     * Counts logins per time bucket.
     *
     * @param userId only this user's logins when present
     * @param since only logins at or after this instant
     * @param bucket the bucket width
     * @return count per bucket start, only buckets with logins
     */
    Map<Instant, Long> loginsPer(Optional<String> userId, Instant since, TimeBucket bucket);

    /**
     * Counts session ends per time bucket.
     *
     * @param since only ends at or after this instant
     * @param bucket the bucket width
     * @return count per bucket start, only buckets with ends
     */
    Map<Instant, Long> endsPer(Instant since, TimeBucket bucket);
}
