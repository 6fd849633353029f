package dev.sessionkit.store;

import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.token.TokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The record of truth for sessions. Methods are named for intentions, not rows: every state change is a
 * conditional, atomic operation, so concurrent requests, nodes and cleanup can never bring an ended session back
 * or move last access backwards.
 *
 * <p>A store may offer more by implementing, next to this interface: {@link SessionReports} (aggregates for the
 * analytics and statistics endpoints), {@link LeaseStore} (one node at a time runs cleanup) and
 * {@link EndedSessionsChannels} (other nodes' caches hear of ends at once). Sessionkit looks for them on the store
 * it is given; the decorators in {@code dev.sessionkit.store.cache} wrap only this interface.
 *
 * <p>Implementations are thread-safe. Every method may throw {@link SessionStoreUnavailableException} when the
 * underlying database cannot answer; none throws for an unknown id.
 */
public interface SessionStore extends AutoCloseable {

    /**
     * Stores a new session while enforcing the user's session limit atomically, under a per-user lock that holds
     * across nodes: expired sessions of the user are ended first, then the oldest are evicted or the login is
     * refused.
     *
     * @param session the new, active session
     * @param limit the user's limit
     * @param now the login instant
     * @return the stored session, sessions ended on the way, and whether the browser is new for the user
     * @throws SessionLimitReachedException when the limit is reached and its policy is reject
     */
    CreateResult create(SessionRecord session, SessionLimit limit, Instant now);

    /**
     * Finds a session, active or ended, by the hash of its token.
     *
     * @param tokenHash the hash of the presented token
     * @return the session, or empty when no session has that token
     */
    Optional<SessionRecord> findByTokenHash(TokenHash tokenHash);

    /**
     * Finds a session, active or ended, by its public id.
     *
     * @param id the public id
     * @return the session, or empty when unknown
     */
    Optional<SessionRecord> findById(SessionId id);

    /**
     * Records sessions' activity, each only if the session is still active and its stored last access is at or
     * before the update's {@code staleBefore} and before its {@code at}: conditional updates that never move last
     * access backwards and let only one of many concurrent requests write. Stores that can send the updates as one
     * batch should.
     *
     * @param updates the activity to record, at most one per session
     * @return how many sessions the store wrote (or, for a store that defers writes, accepted) activity for
     */
    int recordActivity(List<ActivityUpdate> updates);

    /**
     * Ends one session if it is still active.
     *
     * @param id the session
     * @param reason why it ends
     * @param now the instant of the end
     * @return the ended session when this call ended it; empty when unknown or already ended
     */
    Optional<SessionRecord> end(SessionId id, EndReason reason, Instant now);

    /**
     * Ends every active session of a user, optionally sparing one.
     *
     * @param userId the owner
     * @param except a session to keep, typically the caller's own
     * @param reason why they end
     * @param now the instant of the end
     * @return the sessions this call ended
     */
    List<SessionRecord> endAllOfUser(String userId, Optional<SessionId> except, EndReason reason, Instant now);

    /**
     * Atomically ends an active session and stores its replacement (token rotation).
     *
     * @param old the session to end
     * @param replacement the new, active session of the same user
     * @param reason the old session's end reason
     * @param now the instant of the swap
     * @return the ended old session, or empty (and nothing stored) when the old one was no longer active
     */
    Optional<SessionRecord> replace(SessionId old, SessionRecord replacement, EndReason reason, Instant now);

    /**
     * Ends at most {@code limit} sessions whose idle or absolute deadline has passed, each with the matching
     * reason. Meant to be called repeatedly by one node at a time (see {@link LeaseStore}).
     *
     * @param now the instant to judge expiry at
     * @param limit the most sessions to end in this call
     * @return the sessions this call ended
     */
    List<SessionRecord> endExpired(Instant now, int limit);

    /**
     * Deletes at most {@code limit} sessions that ended before a cutoff.
     *
     * @param cutoff sessions ended before this instant go
     * @param limit the most rows to delete in this call
     * @return how many were deleted
     */
    int purgeEndedBefore(Instant cutoff, int limit);

    /**
     * Lists a user's sessions that are usable at an instant, most recently used first.
     *
     * @param userId the owner
     * @param now the instant that decides expiry
     * @return the usable sessions
     */
    List<SessionRecord> listActive(String userId, Instant now);

    /**
     * Pages through sessions: the administrators' search, a user's history, a count (the page's total).
     *
     * @param search the filter and the order
     * @param now the instant that decides expiry for an active-only search
     * @param page the page
     * @return the page of sessions
     */
    Page<SessionRecord> search(SessionSearch search, Instant now, PageRequest page);

    /** Releases the store's resources (connections, caches); the store is unusable afterwards. */
    @Override
    void close();
}
