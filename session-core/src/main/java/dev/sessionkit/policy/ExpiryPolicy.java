package dev.sessionkit.policy;

import dev.sessionkit.session.SessionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Idle and absolute timeouts, and the throttle on persisting activity. Pure functions of a record and an instant.
 *
 * <p>Activity is written only when the stored last access is at least {@code touchInterval} old, so the stored
 * value can lag the real last request by up to that interval. To never end a session early because of that lag,
 * the idle deadline is {@code lastAccess + idleTimeout + touchInterval}: a session ends no sooner than
 * {@code idleTimeout} after its real last request and at most {@code touchInterval} later.
 *
 * @param idleTimeout how long a session may go without requests; positive
 * @param absoluteTimeout how long a session may live after login; positive
 * @param touchInterval least time between two persisted activity updates; zero or more, less than idleTimeout
 */
public record ExpiryPolicy(Duration idleTimeout, Duration absoluteTimeout, Duration touchInterval) {

    /**
     * Validates the durations.
     * the idle timeout
     *
     * @param idleTimeout see the record description
     * @param absoluteTimeout see the record description
     * @param touchInterval see the record description
     * @throws IllegalArgumentException if a timeout is not positive or the touch interval is not shorter than
     */
    public ExpiryPolicy {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
        Objects.requireNonNull(touchInterval, "touchInterval");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.isNegative()
                || absoluteTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (touchInterval.isNegative() || touchInterval.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("touch interval must be zero or more and shorter than the idle timeout");
        }
    }

    /**
     * Returns the idle deadline set by activity at an instant.
     *
     * @param lastAccess the instant of the persisted activity
     * @return the instant at which the session ends unless used again
     */
    public Instant idleDeadlineAfter(Instant lastAccess) {
        return lastAccess.plus(idleTimeout).plus(touchInterval);
    }

    /**
     * Returns the absolute deadline of a session created at an instant.
     *
     * @param createdAt the login instant
     * @return the instant at which the session ends whatever its activity
     */
    public Instant absoluteDeadlineAfter(Instant createdAt) {
        return createdAt.plus(absoluteTimeout);
    }

    /**
     * Tells whether activity at an instant should be persisted, i.e. the stored last access is at least the
     * touch interval old.
     *
     * @param session the stored session
     * @param now the instant of the request
     * @return true when a write is due
     */
    public boolean isTouchDue(SessionRecord session, Instant now) {
        return !now.isBefore(touchThreshold(session.lastAccessedAt()));
    }

    /**
     * Returns the latest stored last access that still allows a write at an instant; the store's conditional
     * update compares against it so concurrent requests write at most once per interval.
     *
     * @param now the instant of the request
     * @return {@code now - touchInterval}
     */
    public Instant staleBefore(Instant now) {
        return now.minus(touchInterval);
    }

    private Instant touchThreshold(Instant lastAccess) {
        return lastAccess.plus(touchInterval);
    }
}
