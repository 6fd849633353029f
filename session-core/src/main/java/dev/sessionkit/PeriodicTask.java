package dev.sessionkit;

import java.time.Duration;
import java.util.Objects;

/**
 * Work Sessionkit needs done again and again (writing buffered activity, cleanup), handed to whoever owns the
 * threads: {@link BackgroundWork}, which the servlet layer starts for each web app. The work never throws: it logs
 * its own failures and tries again at the next run.
 *
 * @param name names the thread that runs it, e.g. {@code activity-flush}
 * @param period the delay between the end of one run and the start of the next
 * @param work the run
 */
public record PeriodicTask(String name, Duration period, Runnable work) {

    /**
     * Checks the parts.
     *
     * @param name see the record description
     * @param period see the record description; positive
     * @param work see the record description
     */
    public PeriodicTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        if (Objects.requireNonNull(period, "period").isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
    }
}
