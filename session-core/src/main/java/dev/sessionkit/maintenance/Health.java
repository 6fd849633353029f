package dev.sessionkit.maintenance;

import java.util.Objects;
import java.util.Optional;

/**
 * What a health check of a running Sessionkit found. Holds no secret: no URL, token or user.
 *
 * @param up whether sessions can be validated and started now (the store answered)
 * @param problem what is wrong when not up, for people
 * @param storeMillis how long the store took to answer the check's one indexed read
 * @param hearsOtherNodes whether this node hears other nodes' ends (PostgreSQL LISTEN); false on other databases
 * @param cachedSessions sessions in this node's validation cache
 * @param pendingActivity activity updates buffered, not yet written
 * @param lastCleanup the last scheduled cleanup, empty before the first
 */
public record Health(boolean up, Optional<String> problem, long storeMillis, boolean hearsOtherNodes,
        long cachedSessions, int pendingActivity, Optional<CleanupRun> lastCleanup) {

    /**
     * Checks the parts are present.
     *
     * @param up see the record description
     * @param problem see the record description
     * @param storeMillis see the record description
     * @param hearsOtherNodes see the record description
     * @param cachedSessions see the record description
     * @param pendingActivity see the record description
     * @param lastCleanup see the record description
     */
    public Health {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(lastCleanup, "lastCleanup");
    }
}
