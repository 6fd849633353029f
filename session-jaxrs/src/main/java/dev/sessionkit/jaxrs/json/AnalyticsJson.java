package dev.sessionkit.jaxrs.json;

import dev.sessionkit.service.UserAnalytics;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One user's session statistics.
 *
 * @param total stored sessions, active and ended
 * @param active sessions usable now
 * @param byDeviceType sessions per device type, largest first
 * @param byBrowser sessions per browser, largest first
 * @param byOs sessions per operating system, largest first
 * @param meanDurationSeconds mean duration of ended sessions in seconds, null when none ended
 * @param medianDurationSeconds median duration of ended sessions in seconds, null when none ended
 * @param loginsPerDay logins per UTC day over the last 30 days, oldest first
 */
public record AnalyticsJson(long total, long active, Map<String, Long> byDeviceType, Map<String, Long> byBrowser,
        Map<String, Long> byOs, Long meanDurationSeconds, Long medianDurationSeconds, List<BucketJson> loginsPerDay) {

    /**
     * Shapes analytics for the API.
     *
     * @param analytics the analytics
     * @return the JSON shape
     */
    public static AnalyticsJson of(UserAnalytics analytics) {
        return new AnalyticsJson(analytics.total(), analytics.active(), analytics.byDeviceType(),
                analytics.byBrowser(), analytics.byOs(),
                analytics.durations().mean().map(Duration::toSeconds).orElse(null),
                analytics.durations().median().map(Duration::toSeconds).orElse(null),
                BucketJson.of(analytics.loginsPerDay()));
    }
}
