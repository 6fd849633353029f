package dev.sessionkit.store;

import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.token.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The record of truth for sessions. Methods are named for intentions, not rows: every state change is a
 * conditional, atomic operation, so concurrent requests, nodes and cleanup can never bring an ended session back
 * or move last access backwards.
 *
 * <p>Implementations are thread-safe. Every method may throw {@link SessionStoreUnavailableException} when the
 * underlying database cannot answer; none throws for an unknown id.
 */
public interface SessionStore extends SessionReports, AutoCloseable {

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
     * Records activity, but only if the session is still active and its stored last access is at or before
     * {@code staleBefore} and before {@code at}: a conditional update that never moves last access backwards and
     * lets only one of many concurrent requests write.
     *
     * @param id the session
     * @param at the instant of the activity
     * @param idleExpiresAt the new idle deadline
     * @param staleBefore write only if the stored last access is at or before this instant
     * @return true when the store wrote the activity
     */
    boolean touch(SessionId id, Instant at, Instant idleExpiresAt, Instant staleBefore);

    /**
     * Records many sessions' activity at once, each under the same conditions as {@link #touch}. Stores that can
     * send the updates as one batch should; the default writes them one by one.
     *
     * @param updates the activity to record, at most one per session
     * @return how many sessions the store wrote activity for
     */
    default int touchAll(List<ActivityUpdate> updates) {
        int written = 0;
        for (ActivityUpdate update : updates) {
            if (touch(update.id(), update.at(), update.idleExpiresAt(), update.staleBefore())) {
                written++;
            }
        }
        return written;
    }

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
     * reason. Meant to be called repeatedly by one node at a time (see {@link #tryAcquireLease}).
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
     * Takes or renews a named lease, so that only one node runs a job at a time.
     *
     * @param name the job's name
     * @param holder this node's unique name
     * @param now the current instant
     * @param ttl how long the lease lasts unless renewed or released
     * @return true when this holder now owns the lease
     */
    boolean tryAcquireLease(String name, String holder, Instant now, Duration ttl);

    /**
     * Gives a lease back early if this holder owns it.
     *
     * @param name the job's name
     * @param holder this node's unique name
     */
    void releaseLease(String name, String holder);

    /**
     * Lists a user's sessions that are usable at an instant, most recently used first.
     *
     * @param userId the owner
     * @param now the instant that decides expiry
     * @return the usable sessions
     */
    List<SessionRecord> listActive(String userId, Instant now);

    /**
     * Counts a user's sessions that are usable at an instant.
     *
     * @param userId the owner
     * @param now the instant that decides expiry
     * @return how many
     */
    long countActive(String userId, Instant now);

    /**
     * Pages through a user's ended sessions, most recently ended first.
     *
     * @param userId the owner
     * @param page the page
     * @return the page of ended sessions
     */
    Page<SessionRecord> history(String userId, PageRequest page);

    /**
     * Pages through any sessions, newest login first, for administrators.
     *
     * @param search the filter
     * @param now the instant that decides expiry for an active-only search
     * @param page the page
     * @return the page of sessions
     */
    Page<SessionRecord> search(SessionSearch search, Instant now, PageRequest page);

    /**
     * Opens a channel on which this store's nodes tell each other which sessions ended, so that their validation
     * caches forget them at once instead of at the end of {@code revocation-latency}. Stores without such a
     * channel return empty (the default); the latency bound holds either way.
     *
     * @return a new channel, closed by the caller; or empty
     */
    default Optional<EndedSessionsChannel> openEndedSessionsChannel() {
        return Optional.empty();
    }

    /** Releases the store's resources (connections, caches); the store is unusable afterwards. */
    @Override
    void close();
}
