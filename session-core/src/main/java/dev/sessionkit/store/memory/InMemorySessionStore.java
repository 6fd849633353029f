package dev.sessionkit.store.memory;

import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.policy.SessionLimitRule;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.Ending;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.ActivityUpdate;
import dev.sessionkit.store.CreateResult;
import dev.sessionkit.store.DeviceField;
import dev.sessionkit.store.DurationSummary;
import dev.sessionkit.store.Page;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.store.SessionLimitReachedException;
import dev.sessionkit.store.SessionReports;
import dev.sessionkit.store.SessionSearch;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.TimeBucket;
import dev.sessionkit.token.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A store that keeps sessions in this JVM's memory: for unit tests of apps, demos and single-node trials. It obeys
 * the same contract as the database store (the shared contract suite proves it) but forgets everything on restart
 * and is not shared between nodes.
 *
 * <p>Thread-safe: writes are serialised on one lock, which is simple and fast enough in memory; reads see a
 * consistent record per session.
 */
public final class InMemorySessionStore implements SessionStore, SessionReports {

    private final Map<SessionId, SessionRecord> sessions = new ConcurrentHashMap<>();
    private final Map<TokenHash, SessionId> idsByTokenHash = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();

    /** Creates an empty store. */
    public InMemorySessionStore() {
        // nothing to set up
    }

    @Override
    public CreateResult create(SessionRecord session, SessionLimit limit, Instant now) {
        synchronized (writeLock) {
            if (idsByTokenHash.containsKey(session.tokenHash()) || sessions.containsKey(session.id())) {
                throw new IllegalArgumentException("a session with this id or token already exists");
            }
            boolean newDevice = session.browserIdHash()
                    .map(hash -> ofUser(session.userId())
                            .noneMatch(s -> s.browserIdHash().filter(hash::equals).isPresent()))
                    .orElse(true);
            SessionLimitRule.Plan plan = SessionLimitRule.plan(limit,
                    ofUser(session.userId()).filter(SessionRecord::isActive).toList(), now);
            if (plan.rejected()) {
                throw new SessionLimitReachedException(limit.maxPerUser());
            }
            List<SessionRecord> ended = new ArrayList<>();
            for (SessionLimitRule.Ends ends : plan.ends()) {
                ends.sessions().forEach(s -> ended.add(endLocked(s, ends.reason(), now)));
            }
            put(session);
            return new CreateResult(session, ended, newDevice);
        }
    }

    @Override
    public Optional<SessionRecord> findByTokenHash(TokenHash tokenHash) {
        return Optional.ofNullable(idsByTokenHash.get(tokenHash)).map(sessions::get);
    }

    @Override
    public Optional<SessionRecord> findById(SessionId id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public int recordActivity(List<ActivityUpdate> updates) {
        synchronized (writeLock) {
            int written = 0;
            for (ActivityUpdate update : updates) {
                SessionRecord current = sessions.get(update.id());
                if (current != null && current.isActive() && !current.lastAccessedAt().isAfter(update.staleBefore())
                        && current.lastAccessedAt().isBefore(update.at())) {
                    sessions.put(update.id(), current.withActivity(update.at(), update.idleExpiresAt()));
                    written++;
                }
            }
            return written;
        }
    }

    @Override
    public Optional<SessionRecord> end(SessionId id, EndReason reason, Instant now) {
        synchronized (writeLock) {
            SessionRecord current = sessions.get(id);
            if (current == null || !current.isActive()) {
                return Optional.empty();
            }
            return Optional.of(endLocked(current, reason, now));
        }
    }

    @Override
    public List<SessionRecord> endAllOfUser(String userId, Optional<SessionId> except, EndReason reason,
            Instant now) {
        synchronized (writeLock) {
            return ofUser(userId).filter(SessionRecord::isActive)
                    .filter(s -> except.filter(s.id()::equals).isEmpty())
                    .toList().stream()
                    .map(s -> endLocked(s, reason, now))
                    .toList();
        }
    }

    @Override
    public Optional<SessionRecord> replace(SessionId old, SessionRecord replacement, EndReason reason,
            Instant now) {
        synchronized (writeLock) {
            Optional<SessionRecord> ended = end(old, reason, now);
            ended.ifPresent(o -> put(replacement));
            return ended;
        }
    }

    @Override
    public List<SessionRecord> endExpired(Instant now, int limit) {
        synchronized (writeLock) {
            return sessions.values().stream()
                    .filter(s -> s.isActive() && s.isExpiredAt(now))
                    .limit(limit).toList().stream()
                    .map(s -> endLocked(s, s.expiryAt(now).orElseThrow(), now))
                    .toList();
        }
    }

    @Override
    public int purgeEndedBefore(Instant cutoff, int limit) {
        synchronized (writeLock) {
            List<SessionRecord> old = sessions.values().stream()
                    .filter(s -> s.ending().filter(e -> e.at().isBefore(cutoff)).isPresent())
                    .limit(limit).toList();
            for (SessionRecord s : old) {
                sessions.remove(s.id());
                idsByTokenHash.remove(s.tokenHash());
            }
            return old.size();
        }
    }

    @Override
    public List<SessionRecord> listActive(String userId, Instant now) {
        return ofUser(userId).filter(s -> s.isUsableAt(now))
                .sorted(Comparator.comparing(SessionRecord::lastAccessedAt).reversed()
                        .thenComparing(s -> s.id().value()))
                .toList();
    }

    @Override
    public Page<SessionRecord> search(SessionSearch search, Instant now, PageRequest page) {
        Predicate<SessionRecord> byUser = s -> search.userId().map(s.userId()::equals).orElse(true);
        Predicate<SessionRecord> byStatus = s -> search.status()
                .map(status -> switch (status) {
                    case ACTIVE -> s.isUsableAt(now);
                    case ENDED -> !s.isActive();
                })
                .orElse(true);
        Comparator<SessionRecord> order = switch (search.order()) {
            case NEWEST_LOGIN -> Comparator.comparing(SessionRecord::createdAt).reversed();
            // Sessions not ended sort as oldest: the order is meant for searches of ended sessions.
            case RECENTLY_ENDED -> Comparator.comparing((SessionRecord s) -> s.ending().map(Ending::at)
                    .orElse(Instant.MIN)).reversed();
        };
        return page(sessions.values().stream().filter(byUser.and(byStatus)),
                order.thenComparing(s -> s.id().value()), page);
    }

    @Override
    public long countAll(String userId) {
        return ofUser(userId).count();
    }

    @Override
    public Map<String, Long> countByDevice(Optional<String> userId, Optional<Instant> activeAt, DeviceField field) {
        Function<SessionRecord, String> key = switch (field) {
            case TYPE -> s -> s.device().type().wireName();
            case BROWSER -> s -> s.device().browser();
            case OS -> s -> s.device().os();
        };
        return Counts.byKey(sessions.values().stream()
                .filter(s -> userId.map(s.userId()::equals).orElse(true))
                .filter(s -> activeAt.map(s::isUsableAt).orElse(true))
                .map(key));
    }

    @Override
    public Map<String, Long> countEndsByReason(Instant endedSince) {
        return Counts.byKey(sessions.values().stream()
                .flatMap(s -> s.ending().stream())
                .filter(e -> !e.at().isBefore(endedSince))
                .map(e -> e.reason().wireName()));
    }

    @Override
    public DurationSummary durations(String userId) {
        List<Duration> durations = ofUser(userId)
                .flatMap(s -> s.ending().map(e -> Duration.between(s.createdAt(), e.at())).stream())
                .sorted().toList();
        return Counts.summarise(durations);
    }

    @Override
    public Map<Instant, Long> loginsPer(Optional<String> userId, Instant since, TimeBucket bucket) {
        return Counts.byBucket(sessions.values().stream()
                .filter(s -> userId.map(s.userId()::equals).orElse(true))
                .map(SessionRecord::createdAt)
                .filter(at -> !at.isBefore(since)), bucket);
    }

    @Override
    public Map<Instant, Long> endsPer(Instant since, TimeBucket bucket) {
        return Counts.byBucket(sessions.values().stream()
                .flatMap(s -> s.ending().stream())
                .map(Ending::at)
                .filter(at -> !at.isBefore(since)), bucket);
    }

    @Override
    public void close() {
        // nothing to release: the maps go with the object
    }

    private Stream<SessionRecord> ofUser(String userId) {
        return sessions.values().stream().filter(s -> s.userId().equals(userId));
    }

    private SessionRecord endLocked(SessionRecord session, EndReason reason, Instant now) {
        SessionRecord ended = session.withEnding(new Ending(now, reason));
        sessions.put(ended.id(), ended);
        return ended;
    }

    private void put(SessionRecord session) {
        sessions.put(session.id(), session);
        idsByTokenHash.put(session.tokenHash(), session.id());
    }

    private static Page<SessionRecord> page(Stream<SessionRecord> matching, Comparator<SessionRecord> order,
            PageRequest page) {
        List<SessionRecord> all = matching.sorted(order).toList();
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(from + page.size(), all.size());
        return new Page<>(all.subList(from, to), page, all.size());
    }
}
