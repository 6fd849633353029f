package dev.sessionkit.store.cache;

import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.ActivityUpdate;
import dev.sessionkit.store.EndedSessionsChannel;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.token.TokenHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A real store that counts the calls that reach it (activity: updates in {@code touches}, calls in {@code batches}),
 * and can hand out a scripted channel. */
final class CountingStore extends ForwardingSessionStore {

    final AtomicInteger lookups = new AtomicInteger();
    final AtomicInteger touches = new AtomicInteger();
    final List<List<ActivityUpdate>> batches = new ArrayList<>();
    volatile RuntimeException failBatches;
    volatile Runnable afterLookup = () -> { };
    volatile Runnable afterEnd = () -> { };
    volatile boolean closed;
    private final Optional<EndedSessionsChannel> channel;

    CountingStore(SessionStore real) {
        this(real, Optional.empty());
    }

    CountingStore(SessionStore real, Optional<EndedSessionsChannel> channel) {
        super(real);
        this.channel = channel;
    }

    @Override
    public Optional<SessionRecord> findByTokenHash(TokenHash tokenHash) {
        lookups.incrementAndGet();
        Optional<SessionRecord> found = delegate.findByTokenHash(tokenHash);
        afterLookup.run();
        return found;
    }

    @Override
    public synchronized int recordActivity(List<ActivityUpdate> updates) {
        if (failBatches != null) {
            throw failBatches;
        }
        touches.addAndGet(updates.size());
        batches.add(List.copyOf(updates));
        return delegate.recordActivity(updates);
    }

    @Override
    public Optional<SessionRecord> end(SessionId id, EndReason reason, Instant now) {
        Optional<SessionRecord> ended = delegate.end(id, reason, now);
        afterEnd.run();
        return ended;
    }

    @Override
    public void close() {
        closed = true;
        delegate.close();
    }

    /** The channel this store's database would open, handed to the cache under test. */
    Optional<EndedSessionsChannel> channel() {
        return channel;
    }
}
