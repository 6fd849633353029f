package dev.sessionkit.store.cache;

import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.ActivityUpdate;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.SessionStoreUnavailableException;
import dev.sessionkit.token.TokenHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Coalesces activity writes: {@link #touch} only notes the latest activity per session, and {@link #flush()}
 * writes everything noted since the last flush as one batch. Sessionkit flushes every second (sooner when
 * {@code touch-interval} is shorter) and on shutdown, so a crash loses at most {@code touch-interval} plus one
 * flush period of last-access, never a session.
 *
 * <p>{@link #touch} answers true when it accepted the activity: whether the store then writes it is decided by the
 * same conditions at flush time (a session ended meanwhile is not touched). Sessions read through this store show
 * the activity still waiting, so this node never judges a session idle that it saw in use.
 */
public final class BufferedActivityStore extends ForwardingSessionStore {

    private static final System.Logger LOG = System.getLogger(BufferedActivityStore.class.getName());

    private final ConcurrentMap<SessionId, ActivityUpdate> pending = new ConcurrentHashMap<>();

    /**
     * Buffers the activity writes of a store.
     *
     * @param delegate the store that receives the batches; closed with this one, after a last flush
     */
    public BufferedActivityStore(SessionStore delegate) {
        super(delegate);
    }

    @Override
    public boolean touch(SessionId id, Instant at, Instant idleExpiresAt, Instant staleBefore) {
        pending.merge(id, new ActivityUpdate(id, at, idleExpiresAt, staleBefore), ActivityUpdate::latest);
        return true;
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
    public int touchAll(List<ActivityUpdate> updates) {
        updates.forEach(update -> pending.merge(update.id(), update, ActivityUpdate::latest));
        return updates.size();
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
            return delegate.touchAll(batch);
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
