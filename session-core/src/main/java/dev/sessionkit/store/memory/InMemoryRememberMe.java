package dev.sessionkit.store.memory;

import dev.sessionkit.remember.RememberSeries;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.store.RememberMeStore;
import dev.sessionkit.token.TokenHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Remembered devices in memory, for tests and for stores that keep none of their own. */
public final class InMemoryRememberMe implements RememberMeStore {

    private final Map<String, RememberSeries> series = new HashMap<>();
    private final Map<SessionId, String> links = new LinkedHashMap<>();

    /** An empty store. */
    public InMemoryRememberMe() {
        // state is the two maps
    }

    @Override
    public synchronized void create(RememberSeries created) {
        if (series.putIfAbsent(created.selector(), created) != null) {
            throw new IllegalArgumentException("selector already used");
        }
    }

    @Override
    public synchronized Optional<RememberSeries> find(String selector) {
        return Optional.ofNullable(series.get(selector));
    }

    @Override
    public synchronized boolean rotate(String selector, TokenHash expected, TokenHash next, Instant at) {
        RememberSeries current = series.get(selector);
        if (current == null || !current.validatorHash().equals(expected)) {
            return false;
        }
        series.put(selector, current.rotated(next, at));
        return true;
    }

    @Override
    public synchronized void link(String selector, SessionId session) {
        if (series.containsKey(selector)) {
            links.put(session, selector);
        }
    }

    @Override
    public synchronized List<SessionId> sessionsOf(String selector) {
        return links.entrySet().stream().filter(e -> e.getValue().equals(selector)).map(Map.Entry::getKey).toList();
    }

    @Override
    public synchronized Optional<String> seriesOf(SessionId session) {
        return Optional.ofNullable(links.get(session));
    }

    @Override
    public synchronized List<RememberSeries> listOfUser(String userId) {
        List<RememberSeries> mine = new ArrayList<>(series.values().stream()
                .filter(s -> s.userId().equals(userId)).toList());
        mine.sort(Comparator.comparing(RememberSeries::createdAt).reversed()
                .thenComparing(RememberSeries::selector));
        return mine;
    }

    @Override
    public synchronized boolean delete(String selector) {
        links.values().removeIf(selector::equals);
        return series.remove(selector) != null;
    }

    @Override
    public synchronized int deleteAll(Optional<String> except, int batchSize) {
        List<String> doomed = series.keySet().stream().filter(s -> except.filter(s::equals).isEmpty())
                .limit(batchSize).toList();
        doomed.forEach(this::delete);
        return doomed.size();
    }

    @Override
    public synchronized int purgeExpired(Instant now, int batchSize) {
        List<String> expired = series.values().stream().filter(s -> !now.isBefore(s.expiresAt())).limit(batchSize)
                .map(RememberSeries::selector).toList();
        expired.forEach(this::delete);
        return expired.size();
    }
}
