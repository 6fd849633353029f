package dev.sessionkit.security;

import dev.sessionkit.service.BucketCount;
import java.util.List;

/**
 * What administrators chart about security: alerts and failed sign-ins over the last day.
 *
 * @param alertsLastDay alert events (risk signals, limits reached, stolen tokens, reports) in the last 24 hours
 * @param failedSignInsLastDay failed sign-in attempts in the last 24 hours
 * @param alertsPerHour alert events per UTC hour, oldest first, zero-filled
 * @param failedSignInsPerHour failed sign-ins per UTC hour, oldest first, zero-filled
 */
public record SecurityStats(long alertsLastDay, long failedSignInsLastDay, List<BucketCount> alertsPerHour,
        List<BucketCount> failedSignInsPerHour) {

    /**
     * Copies the lists.
     *
     * @param alertsLastDay see the record description
     * @param failedSignInsLastDay see the record description
     * @param alertsPerHour see the record description
     * @param failedSignInsPerHour see the record description
     */
    public SecurityStats {
        alertsPerHour = List.copyOf(alertsPerHour);
        failedSignInsPerHour = List.copyOf(failedSignInsPerHour);
    }
}
