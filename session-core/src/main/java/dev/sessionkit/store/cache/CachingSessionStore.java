package dev.sessionkit.store.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.ActivityUpdate;
import dev.sessionkit.store.CreateResult;
import dev.sessionkit.store.EndedSessionsChannel;
import dev.sessionkit.store.EndedSessionsChannels;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.token.TokenHash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validation cache in front of a store: a session found by its token hash is answered from memory for at most
 * {@code revocation-latency}, so a busy session costs the database one read per that interval per node instead of
 * one per request.
 *
 * <p>What keeps it correct:
 * <ul>
 *   <li>Every entry is dropped after {@code revocation-latency}, measured both by the injected clock and by the
 *       JVM's monotonic timer (so a wall clock stepping backwards cannot stretch an entry's life).</li>
 *   <li>Every end on this node (logout, revocation, rotation, limit eviction, cleanup) drops the entry at once,
 *       after the store committed it. Loads and drops of one token are serialised, so a load that read the row
 *       before an end committed cannot put a stale entry back after the end dropped it.</li>
 *   <li>Ends are announced to other nodes on the store's {@link EndedSessionsChannel} when it has one
 *       (PostgreSQL's LISTEN/NOTIFY), by public session id; a lost announcement only means the bound above.</li>
 *   <li>Only a load from the store fills the cache, never a write: a session this node just created may already
 *       have been ended by another login's limit eviction.</li>
 *   <li>Only the positive path is shortened: a cached session that looks expired is read again from the store
 *       before anything is decided, and unknown tokens are never cached.</li>
 * </ul>
 */
public final class CachingSessionStore extends ForwardingSessionStore {

    /**
     * Most sessions held per node. Entries live one {@code revocation-latency}, so this bounds the sessions a node
     * serves within that time without going to the store, and the memory (about 1 KB per session).
     */
    public static final int MAX_ENTRIES = 20_000;

    private static final System.Logger LOG = System.getLogger(CachingSessionStore.class.getName());

    private final Duration latency;
    private final Clock clock;
    private final Cache<TokenHash, Cached> byToken;
    /** Which token a cached session has, so announcements by public id can find the entry; outlives entries. */
    private final Cache<SessionId, TokenHash> tokenOf;
    private final Optional<EndedSessionsChannel> channel;

    /**
     * Puts a cache in front of a store and, when that store itself offers one ({@link EndedSessionsChannels}),
     * listens on its channel of ended sessions; without one, other nodes' ends reach the cache within the latency
     * bound.
     *
     * @param delegate the store of record; closed with this one
     * @param revocationLatency how long an entry may be used; must be positive
     * @param clock the clock that decides an entry's age together with the JVM's monotonic timer
     */
    public CachingSessionStore(SessionStore delegate, Duration revocationLatency, Clock clock) {
        this(delegate, revocationLatency, clock, delegate instanceof EndedSessionsChannels channels
                ? channels.openEndedSessionsChannel() : Optional.empty());
    }

    /**
     * Puts a cache in front of a store and listens on a channel of ended sessions.
     *
     * @param delegate the store of record; closed with this one
     * @param revocationLatency how long an entry may be used; must be positive
     * @param clock the clock that decides an entry's age together with the JVM's monotonic timer
     * @param channel the store's channel of ended sessions, when it has one (see {@link EndedSessionsChannels});
     *     this cache publishes on it, listens and closes it
     */
    public CachingSessionStore(SessionStore delegate, Duration revocationLatency, Clock clock,
            Optional<EndedSessionsChannel> channel) {
        super(delegate);
        this.latency = Objects.requireNonNull(revocationLatency, "revocationLatency");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (latency.isNegative() || latency.isZero()) {
            throw new IllegalArgumentException("revocation latency must be positive to cache, was " + latency);
        }
        this.byToken = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(latency)
                .executor(Runnable::run).build();
        this.tokenOf = Caffeine.newBuilder().maximumSize(2L * MAX_ENTRIES).expireAfterWrite(latency.multipliedBy(2))
                .executor(Runnable::run).build();
        this.channel = Objects.requireNonNull(channel, "channel");
        channel.ifPresent(c -> c.listen(new Announcements()));
    }

    /**
     * Returns whether announcements from other nodes reach this cache.
     *
     * @return true when the store has a channel of ended sessions
     */
    public boolean hearsOtherNodes() {
        return channel.isPresent();
    }

    @Override
    public Optional<SessionRecord> findByTokenHash(TokenHash tokenHash) {
        Instant now = now();
        Cached seen = byToken.getIfPresent(tokenHash);
        if (seen != null && seen.usableAt(now, latency)) {
            return Optional.of(seen.record());
        }
        // Under the entry's lock: a concurrent end's invalidate waits for this load, and concurrent misses share it.
        Cached fresh = byToken.asMap().compute(tokenHash, (hash, current) ->
                current != null && current != seen && current.usableAt(now, latency) ? current : load(hash, now));
        return Optional.ofNullable(fresh).map(Cached::record);
    }

    private Cached load(TokenHash hash, Instant now) {
        Optional<SessionRecord> found = delegate.findByTokenHash(hash);
        found.ifPresent(session -> tokenOf.put(session.id(), hash));
        return found.map(session -> new Cached(session, now)).orElse(null);
    }

    @Override
    public CreateResult create(SessionRecord session, SessionLimit limit, Instant now) {
        CreateResult result = delegate.create(session, limit, now);
        forget(result.ended(), true);
        // Not cached here: another login's limit eviction may end this session and drop its entry before this
        // thread could put it in; only loads, serialised with drops, may fill the cache.
        return result;
    }

    /**
     * Passes the activity on and records it in the cached copy whatever the store answered: the copy then shows
     * the activity so the next requests do not ask to write it again, and if the store refused because the
     * session ended, the copy is dropped by that end or within the latency anyway.
     */
    @Override
    public int recordActivity(List<ActivityUpdate> updates) {
        int written = delegate.recordActivity(updates);
        for (ActivityUpdate update : updates) {
            TokenHash hash = tokenOf.getIfPresent(update.id());
            if (hash != null) {
                byToken.asMap().computeIfPresent(hash,
                        (key, cached) -> cached.withActivity(update.id(), update.at(), update.idleExpiresAt()));
            }
        }
        return written;
    }

    @Override
    public Optional<SessionRecord> end(SessionId id, EndReason reason, Instant now) {
        Optional<SessionRecord> ended = delegate.end(id, reason, now);
        forget(ended.stream().toList(), true);
        return ended;
    }

    @Override
    public List<SessionRecord> endAllOfUser(String userId, Optional<SessionId> except, EndReason reason,
            Instant now) {
        List<SessionRecord> ended = delegate.endAllOfUser(userId, except, reason, now);
        forget(ended, true);
        return ended;
    }

    @Override
    public Optional<SessionRecord> replace(SessionId old, SessionRecord replacement, EndReason reason,
            Instant now) {
        Optional<SessionRecord> ended = delegate.replace(old, replacement, reason, now);
        forget(ended.stream().toList(), true);
        return ended;
    }

    /** Expired sessions are not announced: every node sees their deadlines in the cached record itself. */
    @Override
    public List<SessionRecord> endExpired(Instant now, int limit) {
        List<SessionRecord> ended = delegate.endExpired(now, limit);
        forget(ended, false);
        return ended;
    }

    @Override
    public void close() {
        try {
            channel.ifPresent(EndedSessionsChannel::close);
        } finally {
            byToken.invalidateAll();
            delegate.close();
        }
    }

    private void forget(List<SessionRecord> ended, boolean announce) {
        if (ended.isEmpty()) {
            return;
        }
        ended.forEach(session -> byToken.invalidate(session.tokenHash()));
        if (announce) {
            channel.ifPresent(c -> c.publish(ended.stream().map(SessionRecord::id).toList()));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Drops what other nodes announce. */
    private final class Announcements implements EndedSessionsChannel.Listener {
        @Override
        public void ended(Collection<SessionId> ended) {
            for (SessionId id : ended) {
                TokenHash hash = tokenOf.getIfPresent(id);
                if (hash != null) {
                    byToken.invalidate(hash);
                }
            }
        }

        @Override
        public void missedSome() {
            LOG.log(System.Logger.Level.DEBUG, "Dropping the whole validation cache: announcements may have been missed");
            byToken.invalidateAll();
        }
    }

    /** A session as the store returned it (plus activity recorded here since), and when it was read. */
    private record Cached(SessionRecord record, Instant loadedAt) {

        /** Young enough by the injected clock, and not looking expired (which only the store may confirm). */
        boolean usableAt(Instant now, Duration latency) {
            boolean young = !now.isBefore(loadedAt) && now.isBefore(loadedAt.plus(latency));
            return young && !(record.isActive() && record.isExpiredAt(now));
        }

        Cached withActivity(SessionId id, Instant at, Instant idleExpiresAt) {
            if (!record.id().equals(id) || !record.isActive() || !at.isAfter(record.lastAccessedAt())) {
                return this;
            }
            return new Cached(record.withActivity(at, idleExpiresAt), loadedAt);
        }
    }
}
