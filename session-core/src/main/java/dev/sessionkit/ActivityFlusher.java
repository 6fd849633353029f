package dev.sessionkit;

import dev.sessionkit.store.cache.BufferedActivityStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The thread that writes buffered activity every flush period, and the timing rules it follows: every second, or
 * every touch interval when that is shorter, so a crash loses at most one touch interval plus one period of
 * last-access.
 */
final class ActivityFlusher implements AutoCloseable {

    private static final Duration MAX_FLUSH_PERIOD = Duration.ofSeconds(1);
    private static final Duration MIN_FLUSH_PERIOD = Duration.ofMillis(50);
    private static final System.Logger LOG = System.getLogger(Sessionkit.class.getName());

    private final ScheduledExecutorService executor;
    private final AtomicReference<Thread> thread = new AtomicReference<>();

    /** Starts flushing the buffer every {@link #flushPeriod} of the touch interval. */
    ActivityFlusher(BufferedActivityStore activity, Duration touchInterval) {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread flushing = new Thread(runnable, "sessionkit-activity-flush");
            flushing.setDaemon(true);
            thread.set(flushing);
            return flushing;
        });
        long period = flushPeriod(touchInterval).toMillis();
        executor.scheduleWithFixedDelay(activity::flushOrKeep, period, period, TimeUnit.MILLISECONDS);
    }

    /** How often buffered activity is written. */
    static Duration flushPeriod(Duration touchInterval) {
        Duration period = touchInterval.compareTo(MAX_FLUSH_PERIOD) < 0 ? touchInterval : MAX_FLUSH_PERIOD;
        return period.compareTo(MIN_FLUSH_PERIOD) < 0 ? MIN_FLUSH_PERIOD : period;
    }

    /**
     * The longest buffered activity may take to reach the database: up to one flush period of waiting, then the
     * flush that drains it, possibly after one still running, with a generous second for each.
     */
    static Duration activityLag(Duration touchInterval) {
        return flushPeriod(touchInterval).plus(Duration.ofSeconds(2));
    }

    /** Stops the thread, waiting for a flush under way; the buffer's own close writes what is left. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "The activity flush did not stop within 5 s");
            }
            Thread flushing = thread.get();
            if (flushing != null) {
                // Containers check for leftover threads right after undeploy; a terminated pool's thread may
                // still be finishing.
                flushing.join(TimeUnit.SECONDS.toMillis(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
