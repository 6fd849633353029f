package dev.sessionkit.jaxrs.json;

import dev.sessionkit.security.SecurityStats;
import dev.sessionkit.service.GlobalStats;
import java.util.List;
import java.util.Map;

/**
 * Statistics over all users, for administrators.
 *
 * @param active sessions usable now
 * @param loginsPerHour logins per UTC hour over the last day, oldest first
 * @param endsPerHour session ends per UTC hour over the last day, oldest first
 * @param activeByDeviceType usable sessions per device type, largest first
 * @param endsByReason sessions ended in the last 30 days per end reason, largest first
 * @param alertsLastDay security alerts (risk signals, limits reached, stolen tokens, reports) in the last 24 hours
 * @param failedSignInsLastDay failed sign-in attempts in the last 24 hours
 * @param alertsPerHour alerts per UTC hour over the last day, oldest first
 * @param failedSignInsPerHour failed sign-ins per UTC hour over the last day, oldest first
 */
public record StatsJson(long active, List<BucketJson> loginsPerHour, List<BucketJson> endsPerHour,
        Map<String, Long> activeByDeviceType, Map<String, Long> endsByReason, long alertsLastDay,
        long failedSignInsLastDay, List<BucketJson> alertsPerHour, List<BucketJson> failedSignInsPerHour) {

    /**
     * Shapes statistics for the API.
     *
     * @param stats the session statistics
     * @param security the security figures
     * @return the JSON shape
     */
    public static StatsJson of(GlobalStats stats, SecurityStats security) {
        return new StatsJson(stats.active(), BucketJson.of(stats.loginsPerHour()), BucketJson.of(stats.endsPerHour()),
                stats.activeByDeviceType(), stats.endsByReason(), security.alertsLastDay(),
                security.failedSignInsLastDay(), BucketJson.of(security.alertsPerHour()),
                BucketJson.of(security.failedSignInsPerHour()));
    }
}
