package dev.sessionkit.maintenance;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One scheduled cleanup run, as a health check reports it.
 *
 * @param at when it finished
 * @param report what it did; empty when the store could not answer
 */
public record CleanupRun(Instant at, Optional<CleanupReport> report) {

    /**
     * Checks the parts are present.
     *
     * @param at see the record description
     * @param report see the record description
     */
    public CleanupRun {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(report, "report");
    }

    /** {@return {@code failed}, {@code skipped} (another node cleans), {@code partial} or {@code complete}} */
    public String outcome() {
        return report.map(r -> !r.ran() ? "skipped" : r.complete() ? "complete" : "partial").orElse("failed");
    }
}
