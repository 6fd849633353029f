package dev.sessionkit.metrics;

import dev.sessionkit.store.DeviceField;
import dev.sessionkit.store.SessionReports;
import dev.sessionkit.store.SessionStoreUnavailableException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The periodic count of usable sessions behind the {@code sessionkit.sessions.active} gauge: one GROUP BY every
 * {@code Sessionkit.ACTIVE_COUNT_PERIOD}, never per request. A failed count keeps the last value.
 */
public final class ActiveCount implements Runnable {

    private final SessionReports reports;
    private final Clock clock;
    private final SessionCounts counts;

    /**
     * Counts into these counts.
     *
     * @param reports the store's aggregates
     * @param clock what "usable now" means
     * @param counts where the count goes
     */
    public ActiveCount(SessionReports reports, Clock clock, SessionCounts counts) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    @Override
    public void run() {
        try {
            counts.counted(reports.countByDevice(Optional.empty(), Optional.of(clock.instant()), DeviceField.TYPE)
                    .values().stream().mapToLong(Long::longValue).sum());
        } catch (SessionStoreUnavailableException e) {
            // The store's outage log has it already; the gauge keeps its last value until a count succeeds.
            System.getLogger(ActiveCount.class.getName()).log(System.Logger.Level.DEBUG,
                    "Active sessions not counted: the store did not answer");
        }
    }
}
