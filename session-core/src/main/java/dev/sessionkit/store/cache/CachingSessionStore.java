package dev.sessionkit.store.cache;

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
import java.util.concurrent.atomic.AtomicLong;

/**
 * A validation cache in front of a store: a session found by its token hash is answered from memory, so a busy
 * session costs the database one read per node for as long as its entry is good instead of one per request.
 *
 * <p>What keeps it correct:
 * <ul>
 *   <li>Without a channel of ended sessions, an entry is good for {@code revocation-latency} after it was read.</li>
 *   <li>With one (PostgreSQL's LISTEN/NOTIFY), the store announces every end in the transaction that commits it and
 *       the channel's heartbeat proves nothing was missed ({@link EndedSessionsChannel}); an entry read while the
 *       channel listens then stays good as long as the last heartbeat is younger than the latency, and an
 *       announcement drops it within milliseconds. A channel that reconnects, or whose heartbeat stops, vouches for
 *       nothing, so entries fall back to the latency bound.</li>
 *   <li>Every end on this node (logout, revocation, rotation, limit eviction, cleanup) drops the entry at once,
 *       after the store committed it. Loads and drops of one token are serialised, so a load that read the row
 *       before an end committed cannot put a stale entry back after the end dropped it; a load that overlapped an
 *       announcement is trusted for the latency only.</li>
 *   <li>Only a load from the store fills the cache, never a write: a session this node just created may already
 *       have been ended by another login's limit eviction.</li>
 *   <li>Only the positive path is shortened: a cached session that looks expired is read again from the store
 *       before anything is decided, and unknown tokens are never cached.</li>
 *   <li>The entries are bounded by an estimate of their heap size, not by a count.</li>
 * </ul>
 */
public final class CachingSessionStore extends ForwardingSessionStore {

    /** Heap the entries may take unless told otherwise. */
    public static final long DEFAULT_MAX_BYTES = 128L << 20;

    private final Duration latency;
    private final Clock clock;
    private final ValidationEntries entries;
    private final Optional<EndedSessionsChannel> channel;
    private final ChannelVouch vouch = new ChannelVouch();
    /** Announcements heard so far: a load that overlapped one may have missed it, and is not vouched for. */
    private final AtomicLong announcementsHeard = new AtomicLong();

    /**
     * Puts a cache of {@link #DEFAULT_MAX_BYTES} in front of a store and, when that store itself offers one
     * ({@link EndedSessionsChannels}), listens on its channel of ended sessions.
     *
     * @param delegate the store of record; closed with this one
     * @param revocationLatency how long an entry may be used when no channel vouches for it; must be positive
     * @param clock the clock that decides an entry's age
     */
    public CachingSessionStore(SessionStore delegate, Duration revocationLatency, Clock clock) {
        this(delegate, revocationLatency, clock, delegate instanceof EndedSessionsChannels channels
                ? channels.openEndedSessionsChannel() : Optional.empty(), DEFAULT_MAX_BYTES);
    }

    /**
     * Puts a cache in front of a store and listens on a channel of ended sessions.
     *
     * @param delegate the store of record; closed with this one
     * @param revocationLatency how long an entry may be used when no channel vouches for it; must be positive
     * @param clock the clock that decides an entry's age and stamps the channel's heartbeats
     * @param channel the store's channel of ended sessions, when it has one (see {@link EndedSessionsChannels});
     *     this cache listens and closes it
     * @param maxBytes the most heap the entries may take, estimated; at least one
     */
    public CachingSessionStore(SessionStore delegate, Duration revocationLatency, Clock clock,
            Optional<EndedSessionsChannel> channel, long maxBytes) {
        super(delegate);
        this.latency = Objects.requireNonNull(revocationLatency, "revocationLatency");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (latency.isNegative() || latency.isZero()) {
            throw new IllegalArgumentException("revocation latency must be positive to cache, was " + latency);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the cache needs at least one byte, was " + maxBytes);
        }
        this.channel = Objects.requireNonNull(channel, "channel");
        this.entries = new ValidationEntries(maxBytes);
        channel.ifPresent(c -> c.listen(new Announcements(), clock, beatInterval(latency)));
    }

    /**
     * Returns how often this cache asks its channel for a heartbeat: four times per latency, so one or two late
     * heartbeats do not end the vouching, within 20-250 ms.
     *
     * @param latency the revocation latency
     * @return the heartbeat interval
     */
    public static Duration beatInterval(Duration latency) {
        Duration quarter = latency.dividedBy(4);
        Duration floor = Duration.ofMillis(20);
        Duration ceiling = Duration.ofMillis(250);
        return quarter.compareTo(floor) < 0 ? floor : quarter.compareTo(ceiling) > 0 ? ceiling : quarter;
    }

    /**
     * Returns whether announcements from other nodes reach this cache.
     *
     * @return true when the store has a channel of ended sessions
     */
    public boolean hearsOtherNodes() {
        return channel.isPresent();
    }

    /**
     * Returns how many sessions are held now, an estimate.
     *
     * @return the number of cached sessions
     */
    public long cachedSessions() {
        return entries.size();
    }

    @Override
    public Optional<SessionRecord> findByTokenHash(TokenHash tokenHash) {
        Instant now = now();
        CachedSession seen = entries.get(tokenHash);
        if (seen != null && seen.usableAt(now, latency, vouch)) {
            return Optional.of(seen.record());
        }
        // Under the entry's lock: a concurrent end's drop waits for this load, and concurrent misses share it.
        CachedSession fresh = entries.compute(tokenHash, (hash, current) ->
                current != null && current != seen && current.usableAt(now, latency, vouch)
                        ? current : load(hash, now), cached -> !cached.usableAt(now, latency, vouch));
        return Optional.ofNullable(fresh).map(CachedSession::record);
    }

    private CachedSession load(TokenHash hash, Instant now) {
        long epoch = vouch.epoch();
        long heardBefore = announcementsHeard.get();
        Optional<SessionRecord> found = delegate.findByTokenHash(hash);
        if (found.isEmpty()) {
            return null;
        }
        // Indexed before the check: an announcement counted after the check then finds the entry, and drops it
        // as soon as this load's lock is released.
        entries.index(found.get().id(), hash);
        boolean overlapped = announcementsHeard.get() != heardBefore;
        return new CachedSession(entries.compact(found.get(), hash), now, overlapped ? ChannelVouch.NONE : epoch);
    }

    @Override
    public CreateResult create(SessionRecord session, SessionLimit limit, Instant now) {
        CreateResult result = delegate.create(session, limit, now);
        forget(result.ended());
        // Not cached here: another login's limit eviction may end this session and drop its entry before this
        // thread could put it in; only loads, serialised with drops, may fill the cache.
        return result;
    }

    /**
     * Passes the activity on and records it in the cached copy whatever the store answered: the copy then shows
     * the activity so the next requests do not ask to write it again, and if the store refused because the
     * session ended, that end drops the copy (announced, or within the latency).
     */
    @Override
    public int recordActivity(List<ActivityUpdate> updates) {
        int written = delegate.recordActivity(updates);
        for (ActivityUpdate update : updates) {
            entries.touch(update.id(), update.at(), update.idleExpiresAt());
        }
        return written;
    }

    @Override
    public Optional<SessionRecord> end(SessionId id, EndReason reason, Instant now) {
        Optional<SessionRecord> ended = delegate.end(id, reason, now);
        forget(ended.stream().toList());
        return ended;
    }

    @Override
    public List<SessionRecord> endAllOfUser(String userId, Optional<SessionId> except, EndReason reason,
            Instant now) {
        List<SessionRecord> ended = delegate.endAllOfUser(userId, except, reason, now);
        forget(ended);
        return ended;
    }

    @Override
    public Optional<SessionRecord> replace(SessionId old, SessionRecord replacement, EndReason reason,
            Instant now) {
        Optional<SessionRecord> ended = delegate.replace(old, replacement, reason, now);
        forget(ended.stream().toList());
        return ended;
    }

    @Override
    public List<SessionRecord> endExpired(Instant now, int limit) {
        List<SessionRecord> ended = delegate.endExpired(now, limit);
        forget(ended);
        return ended;
    }

    @Override
    public void close() {
        try {
            channel.ifPresent(EndedSessionsChannel::close);
        } finally {
            entries.dropAll();
            delegate.close();
        }
    }

    private void forget(List<SessionRecord> ended) {
        ended.forEach(session -> entries.drop(session.tokenHash()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Drops what other nodes announce, and tracks what the channel vouches for. */
    private final class Announcements implements EndedSessionsChannel.Listener {
        private static final System.Logger LOG = System.getLogger(CachingSessionStore.class.getName());

        @Override
        public void ended(Collection<SessionId> ended) {
            // Counted first: a load that read the row before this end and indexes its entry after the lookup
            // below sees the count move and is not vouched for.
            announcementsHeard.incrementAndGet();
            ended.forEach(entries::drop);
        }

        @Override
        public void missedSome() {
            LOG.log(System.Logger.Level.DEBUG, "Dropping the whole validation cache: announcements may have been "
                    + "missed");
            vouch.restart();
            entries.dropAll();
        }

        @Override
        public void caughtUp(Instant sentAt) {
            vouch.confirmed(sentAt);
        }
    }
}
