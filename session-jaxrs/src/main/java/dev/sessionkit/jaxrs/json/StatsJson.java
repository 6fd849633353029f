package dev.sessionkit.jaxrs.json;

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
 */
public record StatsJson(long active, List<BucketJson> loginsPerHour, List<BucketJson> endsPerHour,
        Map<String, Long> activeByDeviceType, Map<String, Long> endsByReason) {

    /**
     * Shapes statistics for the API.
     *
     * @param stats the statistics
     * @return the JSON shape
     */
    public static StatsJson of(GlobalStats stats) {
        return new StatsJson(stats.active(), BucketJson.of(stats.loginsPerHour()), BucketJson.of(stats.endsPerHour()),
                stats.activeByDeviceType(), stats.endsByReason());
    }
}
