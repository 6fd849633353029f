package dev.sessionkit.maintenance;

import java.time.Instant;

/** One more kind of old rows cleanup deletes in batches, e.g. security events past their retention. */
@FunctionalInterface
public interface Purge {

    /**
     * Deletes one batch of rows that are old at {@code now}.
     *
     * @param now the cleanup's current instant
     * @param batchSize most rows deleted by this call
     * @return how many were deleted; fewer than {@code batchSize} means none remain
     */
    int purgeOne(Instant now, int batchSize);
}
