package dev.sessionkit.service;

import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.DeviceField;
import dev.sessionkit.store.Page;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.store.SessionReports;
import dev.sessionkit.store.SessionSearch;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.TimeBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every read of sessions: a user's devices, count and history, their analytics, and the administrators' search
 * and statistics. Aggregates are computed by the store (SQL GROUP BY in a database), never by loading all rows.
 * Immutable and thread-safe; "now" comes from the injected clock, so sessions past their expiry that cleanup has
 * not ended yet are never listed as active.
 */
public final class SessionQueries {

    /** How many UTC days of logins {@link #analytics} charts, today included. */
    public static final int ANALYTICS_DAYS = 30;
    /** How many UTC hours {@link #stats} charts, the current one included. */
    public static final int STATS_HOURS = 24;
    /** How far back {@link #stats} counts end reasons. */
    public static final Duration END_REASON_WINDOW = Duration.ofDays(30);

    private final SessionStore store;
    private final Optional<SessionReports> reports;
    private final Clock clock;

    /**
     * Creates the reads on a store.
     *
     * @param store the record of truth
     * @param reports the store's aggregates, when it keeps them (see {@link SessionReports})
     * @param clock the clock that decides what "now" and "active" mean
     */
    public SessionQueries(SessionStore store, Optional<SessionReports> reports, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates the reads on a store, with its aggregates when the store itself implements {@link SessionReports}.
     *
     * @param store the record of truth
     * @param clock the clock that decides what "now" and "active" mean
     */
    public SessionQueries(SessionStore store, Clock clock) {
        this(store, store instanceof SessionReports own ? Optional.of(own) : Optional.empty(), clock);
    }

    /**
     * Lists a user's usable sessions, most recently used first.
     *
     * @param userId the owner
     * @return the sessions
     */
    public List<SessionRecord> listActive(String userId) {
        return store.listActive(userId, clock.instant());
    }

    /**
     * Counts a user's usable sessions.
     *
     * @param userId the owner
     * @return how many
     */
    public long countActive(String userId) {
        return store.search(SessionSearch.activeOf(userId), clock.instant(), PageRequest.first(1)).total();
    }

    /**
     * Finds one of a user's sessions, active or ended. Someone else's session is answered exactly like an unknown
     * id.
     *
     * @param userId the user asking
     * @param id the session
     * @return the session when it exists and belongs to the user
     */
    public Optional<SessionRecord> findOwn(String userId, SessionId id) {
        return store.findById(id).filter(s -> s.userId().equals(userId));
    }

    /**
     * Finds any session, for administrators.
     *
     * @param id the session
     * @return the session when it exists
     */
    public Optional<SessionRecord> find(SessionId id) {
        return store.findById(id);
    }

    /**
     * Pages through a user's ended sessions, most recently ended first.
     *
     * @param userId the owner
     * @param page the page
     * @return the page
     */
    public Page<SessionRecord> history(String userId, PageRequest page) {
        return store.search(SessionSearch.historyOf(userId), clock.instant(), page);
    }

    /**
     * Pages through any sessions, newest first, for administrators.
     *
     * @param search the filter
     * @param page the page
     * @return the page
     */
    public Page<SessionRecord> search(SessionSearch search, PageRequest page) {
        return store.search(search, clock.instant(), page);
    }

    /**
     * Computes one user's statistics.
     *
     * @param userId the owner
     * @return totals, device breakdowns, durations and logins per day
     * @throws ReportsUnavailableException when the store keeps no reports
     */
    public UserAnalytics analytics(String userId) {
        SessionReports store = reports();
        Instant now = clock.instant();
        Optional<String> user = Optional.of(userId);
        Instant firstDay = TimeBucket.DAY.startOf(now).minus(TimeBucket.DAY.width().multipliedBy(ANALYTICS_DAYS - 1));
        return new UserAnalytics(
                store.countAll(userId),
                countActive(userId),
                store.countByDevice(user, Optional.empty(), DeviceField.TYPE),
                store.countByDevice(user, Optional.empty(), DeviceField.BROWSER),
                store.countByDevice(user, Optional.empty(), DeviceField.OS),
                store.durations(userId),
                series(store.loginsPer(user, firstDay, TimeBucket.DAY), firstDay, ANALYTICS_DAYS, TimeBucket.DAY));
    }

    /**
     * Computes statistics over all users.
     *
     * @return active count, logins and ends per hour, devices and end reasons
     * @throws ReportsUnavailableException when the store keeps no reports
     */
    public GlobalStats stats() {
        SessionReports store = reports();
        Instant now = clock.instant();
        Instant firstHour = TimeBucket.HOUR.startOf(now)
                .minus(TimeBucket.HOUR.width().multipliedBy(STATS_HOURS - 1));
        Map<String, Long> activeByType = store.countByDevice(Optional.empty(), Optional.of(now), DeviceField.TYPE);
        return new GlobalStats(
                activeByType.values().stream().mapToLong(Long::longValue).sum(),
                series(store.loginsPer(Optional.empty(), firstHour, TimeBucket.HOUR), firstHour, STATS_HOURS,
                        TimeBucket.HOUR),
                series(store.endsPer(firstHour, TimeBucket.HOUR), firstHour, STATS_HOURS, TimeBucket.HOUR),
                activeByType,
                store.countEndsByReason(now.minus(END_REASON_WINDOW)));
    }

    private SessionReports reports() {
        return reports.orElseThrow(ReportsUnavailableException::new);
    }

    private static List<BucketCount> series(Map<Instant, Long> sparse, Instant first, int buckets,
            TimeBucket bucket) {
        List<BucketCount> filled = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            Instant start = first.plus(bucket.width().multipliedBy(i));
            filled.add(new BucketCount(start, sparse.getOrDefault(start, 0L)));
        }
        return filled;
    }
}
