package dev.sessionkit.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics over all users, for administrators.
 *
 * @param active sessions usable now
 * @param loginsPerHour logins per UTC hour over the last day, oldest first, zero-filled
 * @param endsPerHour session ends per UTC hour over the last day, oldest first, zero-filled
 * @param activeByDeviceType usable sessions per device type wire name, largest first
 * @param endsByReason sessions ended in the last 30 days per end reason wire name, largest first
 */
public record GlobalStats(long active, List<BucketCount> loginsPerHour, List<BucketCount> endsPerHour,
        Map<String, Long> activeByDeviceType, Map<String, Long> endsByReason) {

    /**
     * Copies the collections, keeping map order.
     *
     * @param active see the record description
     * @param loginsPerHour see the record description
     * @param endsPerHour see the record description
     * @param activeByDeviceType see the record description
     * @param endsByReason see the record description
     */
    public GlobalStats {
        loginsPerHour = List.copyOf(loginsPerHour);
        endsPerHour = List.copyOf(endsPerHour);
        activeByDeviceType = Collections.unmodifiableMap(new LinkedHashMap<>(activeByDeviceType));
        endsByReason = Collections.unmodifiableMap(new LinkedHashMap<>(endsByReason));
    }
}
