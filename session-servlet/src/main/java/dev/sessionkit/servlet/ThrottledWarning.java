package dev.sessionkit.servlet;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Logs a recurring warning at most once per interval, saying how many were held back: during a database outage
 * every request fails the same way, and one line per request would bury everything else in the log.
 */
final class ThrottledWarning {

    private final System.Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong nextAllowed;
    private final AtomicLong heldBack = new AtomicLong();

    /**
     * @param log where to write
     * @param interval the least time between two lines
     * @param nanoTime a monotonic time source in nanoseconds, {@code System::nanoTime} outside tests
     */
    ThrottledWarning(System.Logger log, Duration interval, LongSupplier nanoTime) {
        this.log = Objects.requireNonNull(log, "log");
        this.intervalNanos = interval.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.nextAllowed = new AtomicLong(nanoTime.getAsLong());
    }

    /** Writes the message now, or counts it when a line was written less than one interval ago. */
    void warn(String message) {
        long now = nanoTime.getAsLong();
        long allowed = nextAllowed.get();
        if (now - allowed < 0 || !nextAllowed.compareAndSet(allowed, now + intervalNanos)) {
            heldBack.incrementAndGet();
            return;
        }
        long skipped = heldBack.getAndSet(0);
        log.log(System.Logger.Level.WARNING, skipped == 0 ? message
                : message + " (" + skipped + " more like it since the last such line)");
    }
}
