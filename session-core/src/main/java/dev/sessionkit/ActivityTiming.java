package dev.sessionkit;

import java.time.Duration;

/**
 * When buffered activity is written: every second, or every touch interval when that is shorter, so a crash loses
 * at most one touch interval plus one period of last-access.
 */
final class ActivityTiming {

    private static final Duration MAX_FLUSH_PERIOD = Duration.ofSeconds(1);
    private static final Duration MIN_FLUSH_PERIOD = Duration.ofMillis(50);

    private ActivityTiming() {
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
}
