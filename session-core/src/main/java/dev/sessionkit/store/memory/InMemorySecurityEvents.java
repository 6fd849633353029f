package dev.sessionkit.store.memory;

import dev.sessionkit.security.EventId;
import dev.sessionkit.security.EventSearch;
import dev.sessionkit.security.EventType;
import dev.sessionkit.security.SecurityEvent;
import dev.sessionkit.store.Page;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.store.SecurityEventStore;
import dev.sessionkit.store.TimeBucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The security event log in memory, for tests and for stores that keep no log of their own. Holds at most a
 * given number of events, dropping the oldest first, so a busy node cannot run out of memory before cleanup purges.
 */
public final class InMemorySecurityEvents implements SecurityEventStore {

    /** Newest first, then by id: the order every listing uses. */
    static final Comparator<SecurityEvent> NEWEST_FIRST = Comparator.comparing(SecurityEvent::at).reversed()
            .thenComparing(e -> e.id().value());

    private final int capacity;
    private final Map<EventId, SecurityEvent> events = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<EventId, SecurityEvent> eldest) {
            return size() > capacity;
        }
    };

    /** An unbounded log, for tests. */
    public InMemorySecurityEvents() {
        this(Integer.MAX_VALUE);
    }

    /**
     * A log holding at most {@code capacity} events.
     *
     * @param capacity the most events kept, at least 1
     */
    public InMemorySecurityEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void record(List<SecurityEvent> batch) {
        for (SecurityEvent event : batch) {
            if (events.putIfAbsent(event.id(), event) != null) {
                throw new IllegalArgumentException("event id already recorded: " + event.id());
            }
        }
    }

    @Override
    public synchronized boolean recordIfAbsent(SecurityEvent event) {
        return events.putIfAbsent(event.id(), event) == null;
    }

    @Override
    public synchronized Optional<SecurityEvent> find(EventId id) {
        return Optional.ofNullable(events.get(id));
    }

    @Override
    public synchronized Page<SecurityEvent> search(EventSearch search, PageRequest page) {
        List<SecurityEvent> matching = matching(e -> search.userId().map(u -> e.userId().equals(Optional.of(u)))
                .orElse(true) && search.type().map(t -> e.type() == t).orElse(true));
        int from = Math.min(page.offset(), matching.size());
        int to = Math.min(from + page.size(), matching.size());
        return new Page<>(matching.subList(from, to), page, matching.size());
    }

    @Override
    public synchronized List<SecurityEvent> recentSignIns(String userId, int limit) {
        List<SecurityEvent> signIns = matching(e -> e.userId().equals(Optional.of(userId))
                && (e.type() == EventType.AUTHN_LOGIN_SUCCESS || e.type() == EventType.AUTHN_LOGIN_SUCCESSAFTERFAIL));
        return List.copyOf(signIns.subList(0, Math.min(limit, signIns.size())));
    }

    @Override
    public synchronized long count(Set<EventType> types, Instant from, Instant until) {
        return events.values().stream().filter(e -> types.contains(e.type()) && !e.at().isBefore(from)
                && e.at().isBefore(until)).count();
    }

    @Override
    public synchronized Map<Instant, Long> countPer(Set<EventType> types, Instant since, TimeBucket bucket) {
        Map<Instant, Long> counts = new TreeMap<>();
        events.values().stream().filter(e -> types.contains(e.type()) && !e.at().isBefore(since))
                .forEach(e -> counts.merge(bucket.startOf(e.at()), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized int purgeBefore(Instant before, int batchSize) {
        List<EventId> old = events.values().stream().filter(e -> e.at().isBefore(before)).limit(batchSize)
                .map(SecurityEvent::id).toList();
        old.forEach(events::remove);
        return old.size();
    }

    private List<SecurityEvent> matching(Predicate<SecurityEvent> filter) {
        List<SecurityEvent> matching = new ArrayList<>(events.values().stream().filter(filter).toList());
        matching.sort(NEWEST_FIRST);
        return matching;
    }
}
