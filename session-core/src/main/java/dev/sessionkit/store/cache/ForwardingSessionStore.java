package dev.sessionkit.store.cache;

import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.ActivityUpdate;
import dev.sessionkit.store.CreateResult;
import dev.sessionkit.store.DeviceField;
import dev.sessionkit.store.DurationSummary;
import dev.sessionkit.store.EndedSessionsChannel;
import dev.sessionkit.store.Page;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.store.SessionSearch;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.TimeBucket;
import dev.sessionkit.token.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A store that passes every call to another one: the base of decorators, which override only what they change.
 */
public abstract class ForwardingSessionStore implements SessionStore {

    /** The store every call goes to. */
    protected final SessionStore delegate;

    /**
     * Wraps a store.
     *
     * @param delegate the store every call goes to; closed with this one
     */
    protected ForwardingSessionStore(SessionStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public CreateResult create(SessionRecord session, SessionLimit limit, Instant now) {
        return delegate.create(session, limit, now);
    }

    @Override
    public Optional<SessionRecord> findByTokenHash(TokenHash tokenHash) {
        return delegate.findByTokenHash(tokenHash);
    }

    @Override
    public boolean touch(SessionId id, Instant at, Instant idleExpiresAt, Instant staleBefore) {
        return delegate.touch(id, at, idleExpiresAt, staleBefore);
    }

    @Override
    public Optional<SessionRecord> end(SessionId id, EndReason reason, Instant now) {
        return delegate.end(id, reason, now);
    }

    @Override
    public List<SessionRecord> endAllOfUser(String userId, Optional<SessionId> except, EndReason reason,
            Instant now) {
        return delegate.endAllOfUser(userId, except, reason, now);
    }

    @Override
    public Optional<SessionRecord> replace(SessionId old, SessionRecord replacement, EndReason reason,
            Instant now) {
        return delegate.replace(old, replacement, reason, now);
    }

    @Override
    public List<SessionRecord> endExpired(Instant now, int limit) {
        return delegate.endExpired(now, limit);
    }

    @Override
    public Optional<EndedSessionsChannel> openEndedSessionsChannel() {
        return delegate.openEndedSessionsChannel();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public Optional<SessionRecord> findById(SessionId id) {
        return delegate.findById(id);
    }

    @Override
    public int touchAll(List<ActivityUpdate> updates) {
        return delegate.touchAll(updates);
    }

    @Override
    public int purgeEndedBefore(Instant cutoff, int limit) {
        return delegate.purgeEndedBefore(cutoff, limit);
    }

    @Override
    public boolean tryAcquireLease(String name, String holder, Instant now, Duration ttl) {
        return delegate.tryAcquireLease(name, holder, now, ttl);
    }

    @Override
    public void releaseLease(String name, String holder) {
        delegate.releaseLease(name, holder);
    }

    @Override
    public List<SessionRecord> listActive(String userId, Instant now) {
        return delegate.listActive(userId, now);
    }

    @Override
    public long countActive(String userId, Instant now) {
        return delegate.countActive(userId, now);
    }

    @Override
    public Page<SessionRecord> history(String userId, PageRequest page) {
        return delegate.history(userId, page);
    }

    @Override
    public Page<SessionRecord> search(SessionSearch search, Instant now, PageRequest page) {
        return delegate.search(search, now, page);
    }

    @Override
    public long countAll(String userId) {
        return delegate.countAll(userId);
    }

    @Override
    public Map<String, Long> countByDevice(Optional<String> userId, Optional<Instant> activeAt, DeviceField field) {
        return delegate.countByDevice(userId, activeAt, field);
    }

    @Override
    public Map<String, Long> countEndsByReason(Instant endedSince) {
        return delegate.countEndsByReason(endedSince);
    }

    @Override
    public DurationSummary durations(String userId) {
        return delegate.durations(userId);
    }

    @Override
    public Map<Instant, Long> loginsPer(Optional<String> userId, Instant since, TimeBucket bucket) {
        return delegate.loginsPer(userId, since, bucket);
    }

    @Override
    public Map<Instant, Long> endsPer(Instant since, TimeBucket bucket) {
        return delegate.endsPer(since, bucket);
    }
}
