package dev.sessionkit.service;

import java.time.Instant;
import java.util.Objects;

/**
 * A count in one time bucket of a series.
 *
 * @param start the bucket's start (UTC-aligned hour or day)
 * @param count how many events fell in it
 */
public record BucketCount(Instant start, long count) {

    /**
     * Checks the start is present.
     *
     * @param start see the record description
     * @param count see the record description
     */
    public BucketCount {
        Objects.requireNonNull(start, "start");
    }
}
