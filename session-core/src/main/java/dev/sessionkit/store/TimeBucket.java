package dev.sessionkit.store;

import java.time.Duration;
import java.time.Instant;

/** A width of time that counts are grouped by; buckets are aligned to UTC. */
public enum TimeBucket {
    /** Whole UTC hours. */
    HOUR(Duration.ofHours(1)),
    /** Whole UTC days. */
    DAY(Duration.ofDays(1));

    private final Duration width;

    TimeBucket(Duration width) {
        this.width = width;
    }

    /**
     * Returns the width of one bucket.
     *
     * @return one hour or one day
     */
    public Duration width() {
        return width;
    }

    /**
     * Returns the width in seconds, for SQL that groups by epoch seconds.
     *
     * @return 3600 or 86400
     */
    public long seconds() {
        return width.getSeconds();
    }

    /**
     * Returns the start of the bucket holding an instant.
     *
     * @param instant any instant
     * @return the bucket's start, aligned to the UTC epoch
     */
    public Instant startOf(Instant instant) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), seconds()) * seconds());
    }
}
