package dev.sessionkit.service;

import dev.sessionkit.store.DurationSummary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One user's session statistics over the stored history (ended sessions are kept for {@code history-retention}).
 *
 * @param total stored sessions, active and ended
 * @param active sessions usable now
 * @param byDeviceType sessions per device type wire name, largest first
 * @param byBrowser sessions per browser, largest first
 * @param byOs sessions per operating system, largest first
 * @param durations how long ended sessions lasted
 * @param loginsPerDay logins per UTC day, oldest first, zero-filled, today included
 */
public record UserAnalytics(long total, long active, Map<String, Long> byDeviceType, Map<String, Long> byBrowser,
        Map<String, Long> byOs, DurationSummary durations, List<BucketCount> loginsPerDay) {

    /**
     * Copies the collections, keeping map order.
     *
     * @param total see the record description
     * @param active see the record description
     * @param byDeviceType see the record description
     * @param byBrowser see the record description
     * @param byOs see the record description
     * @param durations see the record description
     * @param loginsPerDay see the record description
     */
    public UserAnalytics {
        byDeviceType = Collections.unmodifiableMap(new LinkedHashMap<>(byDeviceType));
        byBrowser = Collections.unmodifiableMap(new LinkedHashMap<>(byBrowser));
        byOs = Collections.unmodifiableMap(new LinkedHashMap<>(byOs));
        Objects.requireNonNull(durations, "durations");
        loginsPerDay = List.copyOf(loginsPerDay);
    }
}
