package dev.sessionkit.security;

import dev.sessionkit.service.BucketCount;
import dev.sessionkit.store.Page;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.store.SecurityEventStore;
import dev.sessionkit.store.TimeBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The read side of the event log, as the API and pages show it: a user's own security activity, any events for
 * administrators, and the alert figures of the last day. Each call is a fixed number of indexed statements.
 */
public final class SecurityQueries {

    /** How many UTC hours {@link #stats} charts, the current one included. */
    public static final int STATS_HOURS = 24;

    /** Types counted as failed sign-ins in the figures. */
    public static final Set<EventType> FAILED_SIGN_IN_TYPES = Set.of(EventType.AUTHN_LOGIN_FAIL);

    private final SecurityEventStore events;
    private final Clock clock;

    /**
     * Reads from an event store.
     *
     * @param events the store
     * @param clock for "the last day"
     */
    public SecurityQueries(SecurityEventStore events, Clock clock) {
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns one page of a user's security activity, newest first: sign-ins, failed attempts against the account,
     * alerts, reports and session ends.
     *
     * @param userId the user
     * @param page which page
     * @return the page
     */
    public Page<SecurityEvent> activity(String userId, PageRequest page) {
        return events.search(EventSearch.ofUser(userId), page);
    }

    /**
     * Returns one page of any events, for administrators.
     *
     * @param search which events
     * @param page which page
     * @return the page
     */
    public Page<SecurityEvent> search(EventSearch search, PageRequest page) {
        return events.search(search, page);
    }

    /**
     * Returns one event of a user, for the API: someone else's is as unknown as a missing one.
     *
     * @param userId the user asking
     * @param id the event
     * @return the event when it exists and is the user's
     */
    public Optional<SecurityEvent> findOwn(String userId, EventId id) {
        return events.find(id).filter(e -> e.userId().equals(Optional.of(userId)));
    }

    /**
     * Computes the alert and failed sign-in figures of the last {@value #STATS_HOURS} hours.
     *
     * @return the figures, per hour zero-filled
     */
    public SecurityStats stats() {
        Instant now = clock.instant();
        Instant firstHour = TimeBucket.HOUR.startOf(now).minus(TimeBucket.HOUR.width().multipliedBy(STATS_HOURS - 1));
        Instant dayAgo = now.minus(Duration.ofDays(1));
        List<BucketCount> alerts = series(events.countPer(SecurityEvent.ALERT_TYPES, firstHour, TimeBucket.HOUR),
                firstHour);
        List<BucketCount> failures = series(events.countPer(FAILED_SIGN_IN_TYPES, firstHour, TimeBucket.HOUR),
                firstHour);
        return new SecurityStats(events.count(SecurityEvent.ALERT_TYPES, dayAgo, now.plusNanos(1)),
                events.count(FAILED_SIGN_IN_TYPES, dayAgo, now.plusNanos(1)), alerts, failures);
    }

    private static List<BucketCount> series(Map<Instant, Long> sparse, Instant first) {
        List<BucketCount> filled = new ArrayList<>(STATS_HOURS);
        for (int i = 0; i < STATS_HOURS; i++) {
            Instant start = first.plus(TimeBucket.HOUR.width().multipliedBy(i));
            filled.add(new BucketCount(start, sparse.getOrDefault(start, 0L)));
        }
        return filled;
    }
}
