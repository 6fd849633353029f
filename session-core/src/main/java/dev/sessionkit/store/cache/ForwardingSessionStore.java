package dev.sessionkit.store.cache;

import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.ActivityUpdate;
import dev.sessionkit.store.CreateResult;
import dev.sessionkit.store.Page;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.store.SessionSearch;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.token.TokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A store that passes every call to another one: the base of decorators, which override only what they change.
 * It wraps {@link SessionStore} alone; a store's other capabilities (reports, leases, the ended-sessions channel)
 * are used on the store itself, below every decorator.
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
    public Optional<SessionRecord> findById(SessionId id) {
        return delegate.findById(id);
    }

    @Override
    public int recordActivity(List<ActivityUpdate> updates) {
        return delegate.recordActivity(updates);
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
    public int purgeEndedBefore(Instant cutoff, int limit) {
        return delegate.purgeEndedBefore(cutoff, limit);
    }

    @Override
    public List<SessionRecord> listActive(String userId, Instant now) {
        return delegate.listActive(userId, now);
    }

    @Override
    public Page<SessionRecord> search(SessionSearch search, Instant now, PageRequest page) {
        return delegate.search(search, now, page);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
