package dev.sessionkit.jaxrs.json;

import dev.sessionkit.service.BucketCount;
import java.util.List;

/**
 * A count in one time bucket.
 *
 * @param start the bucket's start, ISO-8601 UTC
 * @param count the count
 */
public record BucketJson(String start, long count) {

    /**
     * Shapes a series for the API.
     *
     * @param series the buckets, oldest first
     * @return the JSON shapes, same order
     */
    public static List<BucketJson> of(List<BucketCount> series) {
        return series.stream().map(b -> new BucketJson(b.start().toString(), b.count())).toList();
    }
}
