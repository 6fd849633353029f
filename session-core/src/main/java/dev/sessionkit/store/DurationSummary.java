package dev.sessionkit.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long ended sessions lasted, from login to end.
 *
 * @param count how many ended sessions were measured
 * @param mean the mean duration, empty when none ended
 * @param median the median duration, empty when none ended
 */
public record DurationSummary(long count, Optional<Duration> mean, Optional<Duration> median) {

    /**
     * Checks the parts are present.
     *
     * @param count see the record description
     * @param mean see the record description
     * @param median see the record description
     */
    public DurationSummary {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(median, "median");
    }

    /**
     * Returns the summary of no sessions.
     *
     * @return a summary with count 0 and no durations
     */
    public static DurationSummary empty() {
        return new DurationSummary(0, Optional.empty(), Optional.empty());
    }
}
