package dev.sessionkit.store.cache;

import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.ActivityUpdate;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.OutageLog;
import dev.sessionkit.store.SessionStoreUnavailableException;
import dev.sessionkit.token.TokenHash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Coalesces activity writes: {@link #recordActivity} only notes the latest activity per session, and
 * {@link #flush()} writes everything noted since the last flush as one batch. Sessionkit flushes every second
 * (sooner when {@code touch-interval} is shorter) and on shutdown, so a crash loses at most {@code touch-interval}
 * plus one flush period of last-access, never a session.
 *
 * <p>{@link #recordActivity} counts every update it accepted: whether the store then writes it is decided by the
 * same conditions at flush time (a session ended meanwhile is not touched). Sessions read through this store show
 * the activity still waiting, so this node never judges a session idle that it saw in use. One kind of update is
 * written at once: one whose session's previous idle deadline comes sooner than a deferred write would land, since
 * the store of record may still hold that deadline, and cleanup or another node would end a session in use.
 */
public final class BufferedActivityStore extends ForwardingSessionStore {

    private static final System.Logger LOG = System.getLogger(BufferedActivityStore.class.getName());

    private final ConcurrentMap<SessionId, ActivityUpdate> pending = new ConcurrentHashMap<>();
    private final Duration lag;
    /** Failed flushes: at most one line per 10 s with a count; the store itself logs why and when it is back. */
    private final OutageLog flushFailures;

    /**
     * Buffers the activity writes of a store.
     *
     * @param delegate the store that receives the batches; closed with this one, after a last flush
     * @param lag the longest a deferred write may take to land: the flush period, with room for a slow flush
     * @param clock the time source of the failure log
     */
    public BufferedActivityStore(SessionStore delegate, Duration lag, Clock clock) {
        super(delegate);
        if (Objects.requireNonNull(lag, "lag").isNegative()) {
            throw new IllegalArgumentException("lag must not be negative");
        }
        this.lag = lag;
        this.flushFailures = new OutageLog(LOG, "Activity writing", Duration.ofSeconds(10), clock);
    }

    @Override
    public Optional<SessionRecord> findByTokenHash(TokenHash tokenHash) {
        return delegate.findByTokenHash(tokenHash).map(this::withPendingActivity);
    }

    @Override
    public Optional<SessionRecord> findById(SessionId id) {
        return delegate.findById(id).map(this::withPendingActivity);
    }

    private SessionRecord withPendingActivity(SessionRecord session) {
        ActivityUpdate waiting = pending.get(session.id());
        if (waiting == null || !session.isActive() || !waiting.at().isAfter(session.lastAccessedAt())) {
            return session;
        }
        return session.withActivity(waiting.at(), waiting.idleExpiresAt());
    }

    @Override
    public int recordActivity(List<ActivityUpdate> updates) {
        updates.forEach(update -> pending.merge(update.id(), update, ActivityUpdate::latest));
        if (updates.stream().anyMatch(this::isUrgent)) {
            flushOrKeep();
        }
        return updates.size();
    }

    /** Whether the deadline the store of record may still hold passes before a deferred write would land. */
    private boolean isUrgent(ActivityUpdate update) {
        return update.previousIdleExpiresAt().isBefore(update.at().plus(lag));
    }

    /**
     * Flushes, and on failure keeps the activity for the next flush and logs a throttled line instead of throwing:
     * for the periodic flush and for urgent writes, which must not fail the request that made them.
     */
    public void flushOrKeep() {
        try {
            flush();
        } catch (RuntimeException e) {
            // No stack trace and no "is back" line here: the store's own outage log has both.
            flushFailures.failed("could not write the activity of " + pending.size()
                    + " sessions; kept for the next flush: " + CredentialRedactor.redactText(e.getMessage()), null);
        }
    }

    /**
     * Writes the activity noted since the last flush. When the store fails, the activity is kept for the next
     * flush (a newer activity of the same session replaces it) and the failure is thrown.
     *
     * @return how many sessions the store wrote activity for
     * @throws SessionStoreUnavailableException when the store cannot take the batch
     */
    public int flush() {
        List<ActivityUpdate> batch = new ArrayList<>();
        for (SessionId id : pending.keySet()) {
            ActivityUpdate update = pending.remove(id);
            if (update != null) {
                batch.add(update);
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            return delegate.recordActivity(batch);
        } catch (RuntimeException e) {
            batch.forEach(update -> pending.merge(update.id(), update, ActivityUpdate::latest));
            throw e;
        }
    }

    /**
     * Returns how many sessions have activity waiting for the next flush.
     *
     * @return the number of waiting writes
     */
    public int pendingCount() {
        return pending.size();
    }

    @Override
    public Optional<SessionRecord> end(SessionId id, EndReason reason, Instant now) {
        Optional<SessionRecord> ended = delegate.end(id, reason, now);
        ended.ifPresent(session -> pending.remove(session.id()));
        return ended;
    }

    @Override
    public List<SessionRecord> endAllOfUser(String userId, Optional<SessionId> except, EndReason reason,
            Instant now) {
        return dropPending(delegate.endAllOfUser(userId, except, reason, now));
    }

    @Override
    public Optional<SessionRecord> replace(SessionId old, SessionRecord replacement, EndReason reason,
            Instant now) {
        Optional<SessionRecord> ended = delegate.replace(old, replacement, reason, now);
        ended.ifPresent(session -> pending.remove(session.id()));
        return ended;
    }

    @Override
    public List<SessionRecord> endExpired(Instant now, int limit) {
        return dropPending(delegate.endExpired(now, limit));
    }

    /** Flushes what is waiting, then closes the store; a store that cannot take the last batch loses it, logged. */
    @Override
    public void close() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not write the last activity of " + pending.size()
                    + " sessions at shutdown; their last-access stays as last written: "
                    + CredentialRedactor.redactText(e.getMessage()));
        } finally {
            delegate.close();
        }
    }

    private List<SessionRecord> dropPending(List<SessionRecord> ended) {
        ended.forEach(session -> pending.remove(session.id()));
        return ended;
    }
}
