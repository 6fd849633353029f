package dev.sessionkit.store;

import dev.sessionkit.security.EventId;
import dev.sessionkit.security.EventSearch;
import dev.sessionkit.security.EventType;
import dev.sessionkit.security.SecurityEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The security event log: append, read back by id, page through newest first, purge by age. Events are never
 * changed once written.
 *
 * <p>Implementations are thread-safe; every method may throw {@link SessionStoreUnavailableException}.
 */
public interface SecurityEventStore {

    /**
     * Appends events, in one transaction.
     *
     * @param events the events; their ids are new
     */
    void record(List<SecurityEvent> events);

    /**
     * Appends an event unless one with its id exists already: for events that must be recorded once across every
     * node, whose id is derived from what they are about.
     *
     * @param event the event
     * @return true when this call recorded it
     */
    boolean recordIfAbsent(SecurityEvent event);

    /**
     * Finds an event by its public id.
     *
     * @param id the id
     * @return the event, or empty when unknown or purged
     */
    Optional<SecurityEvent> find(EventId id);

    /**
     * Returns one page of the matching events, newest first (ties broken by id, so paging is stable).
     *
     * @param search which events
     * @param page which page
     * @return the page and the total
     */
    Page<SecurityEvent> search(EventSearch search, PageRequest page);

    /**
     * Returns an account's latest successful sign-ins ({@code authn_login_success} and
     * {@code authn_login_successafterfail}), newest first: the history risk signals compare a new sign-in with.
     *
     * @param userId the account
     * @param limit at most this many
     * @return the sign-ins, newest first
     */
    List<SecurityEvent> recentSignIns(String userId, int limit);

    /**
     * Counts the events of some types in a time range, e.g. alerts in the last day or in one hour of a chart.
     *
     * @param types the types counted
     * @param from the first instant counted
     * @param until the first instant no longer counted
     * @return how many
     */
    long count(Set<EventType> types, Instant from, Instant until);

    /**
     * Counts the events of some types per time bucket since an instant, for charts: one statement whatever the
     * number of buckets.
     *
     * @param types the types counted
     * @param since the first instant counted (the start of a bucket)
     * @param bucket the bucket width
     * @return counts keyed by bucket start, only buckets with events, in time order
     */
    Map<Instant, Long> countPer(Set<EventType> types, Instant since, TimeBucket bucket);

    /**
     * Deletes events older than an instant, at most one batch per call.
     *
     * @param before events strictly before this go
     * @param batchSize most rows deleted by this call
     * @return how many were deleted; fewer than {@code batchSize} means none older remain
     */
    int purgeBefore(Instant before, int batchSize);
}
