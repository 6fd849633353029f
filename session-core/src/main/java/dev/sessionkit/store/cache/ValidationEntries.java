package dev.sessionkit.store.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.token.TokenHash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The cached sessions by token hash, bounded by an estimate of their heap size, with an index by public id that
 * always matches them: the index entry is written under the entry's lock when it is loaded, and removed under the
 * same lock when it goes (eviction listeners run inside the removing operation), so an announcement by id can
 * always find an entry that is there.
 */
final class ValidationEntries {

    /** Longest an entry stays in memory; the cached deadlines make it unusable sooner. */
    private static final Duration LONGEST_STAY = Duration.ofHours(24);

    private final Cache<TokenHash, CachedSession> byToken;
    private final Map<SessionId, TokenHash> tokenOf = new ConcurrentHashMap<>();
    private final SessionCompactor compactor = new SessionCompactor();

    /**
     * @param maxBytes the most heap the entries may take, by {@link EntryWeight}'s estimate
     * @param unusableAfter the revocation latency: without a channel an entry is useless after it, so it leaves
     *     memory then; with one it is the least an entry stays
     * @param untilDeadlines whether a channel may vouch for entries, which then stay until their session's next
     *     deadline (at most a day) unless evicted for room
     * @param clock judges the session deadlines
     */
    ValidationEntries(long maxBytes, Duration unusableAfter, boolean untilDeadlines, Clock clock) {
        this.byToken = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((TokenHash hash, CachedSession cached) -> EntryWeight.bytes(cached.record()))
                .expireAfter(new Stay(unusableAfter, untilDeadlines, clock))
                .evictionListener((TokenHash hash, CachedSession cached, RemovalCause cause) -> {
                    if (hash != null && cached != null) {
                        tokenOf.remove(cached.record().id(), hash);
                    }
                })
                .executor(Runnable::run)
                .build();
    }

    CachedSession get(TokenHash hash) {
        return byToken.getIfPresent(hash);
    }

    /**
     * Computes an entry under its lock; the function returns the entry to keep (loaded entries are compacted and
     * indexed here), or null for none.
     */
    CachedSession compute(TokenHash hash, BiFunction<TokenHash, CachedSession, CachedSession> function) {
        return byToken.asMap().compute(hash, (key, current) -> {
            CachedSession next = function.apply(key, current);
            if (next == null) {
                if (current != null) {
                    tokenOf.remove(current.record().id(), key);
                }
                return null;
            }
            if (next != current) {
                tokenOf.put(next.record().id(), key);
            }
            return next;
        });
    }

    /** Indexes a session being loaded under its entry's lock, before the entry is in place. */
    void index(SessionId id, TokenHash hash) {
        tokenOf.put(id, hash);
    }

    /** Makes a freshly loaded copy share the text that many sessions repeat, and the key. */
    SessionRecord compact(SessionRecord loaded, TokenHash key) {
        return compactor.compact(loaded, key);
    }

    /** Changes the entry of a session, if cached. */
    void update(SessionId id, UnaryOperator<CachedSession> change) {
        TokenHash hash = tokenOf.get(id);
        if (hash != null) {
            byToken.asMap().computeIfPresent(hash, (key, cached) -> change.apply(cached));
        }
    }

    /** Drops the entry of a token; waits for a load of it in progress (computeIfPresent would not). */
    void drop(TokenHash hash) {
        byToken.asMap().compute(hash, (key, cached) -> {
            if (cached != null) {
                tokenOf.remove(cached.record().id(), key);
            }
            return null;
        });
    }

    /** Drops the entry of a session known by its public id. */
    void drop(SessionId id) {
        TokenHash hash = tokenOf.get(id);
        if (hash != null) {
            drop(hash);
        }
    }

    /** Drops every entry, one by one so that the index stays in step. */
    void dropAll() {
        for (TokenHash hash : byToken.asMap().keySet()) {
            drop(hash);
        }
    }

    /** {@return how many sessions are cached} */
    long size() {
        return byToken.estimatedSize();
    }

    /** How long an entry stays: a fixed time without a channel, else until its session's next deadline. */
    private record Stay(Duration unusableAfter, boolean untilDeadlines, Clock clock)
            implements Expiry<TokenHash, CachedSession> {

        @Override
        public long expireAfterCreate(TokenHash hash, CachedSession cached, long currentTime) {
            if (!untilDeadlines) {
                return unusableAfter.toNanos();
            }
            SessionRecord record = cached.record();
            Instant deadline = record.idleExpiresAt().isBefore(record.absoluteExpiresAt())
                    ? record.idleExpiresAt() : record.absoluteExpiresAt();
            Duration left = Duration.between(clock.instant(), deadline);
            // At least the latency: a copy that looks expired is checked with the store, not dropped unseen.
            Duration stay = left.compareTo(unusableAfter) < 0 ? unusableAfter
                    : left.compareTo(LONGEST_STAY) > 0 ? LONGEST_STAY : left;
            return stay.toNanos();
        }

        @Override
        public long expireAfterUpdate(TokenHash hash, CachedSession cached, long currentTime, long currentDuration) {
            // A reload or recorded activity: usability is judged from the copy itself, memory follows it.
            return expireAfterCreate(hash, cached, currentTime);
        }

        @Override
        public long expireAfterRead(TokenHash hash, CachedSession cached, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
