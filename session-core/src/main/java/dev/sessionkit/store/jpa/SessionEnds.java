package dev.sessionkit.store.jpa;

import static dev.sessionkit.store.jpa.SessionRows.utc;

import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.policy.SessionLimitRule;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.Ending;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.SessionLimitReachedException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The statements that lock and end sessions, run inside the caller's transaction. */
final class SessionEnds {

    private SessionEnds() {
    }

    /**
     * Locks a user's active sessions in id order, like every multi-row lock here, so concurrent enders cannot
     * deadlock with each other.
     *
     * @param except a session to leave out, unlocked
     */
    static List<SessionRecord> lockActiveOf(EntityManager em, String userId, Optional<SessionId> except) {
        var query = except.isPresent()
                ? em.createQuery(SessionSql.LOCK_ACTIVE_OF_USER_EXCEPT, SessionEntity.class)
                        .setParameter("except", except.get().value())
                : em.createQuery(SessionSql.LOCK_ACTIVE_OF_USER, SessionEntity.class);
        return query.setParameter("user", userId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream().map(SessionRows::toRecord).toList();
    }

    /** The one conditional statement that ends a single session: it never touches an ended one. */
    static boolean endIfActive(EntityManager em, SessionId id, EndReason reason, Instant now) {
        return em.createQuery(SessionSql.END_IF_ACTIVE)
                .setParameter("now", utc(now))
                .setParameter("reason", reason.wireName())
                .setParameter("id", id.value())
                .executeUpdate() == 1;
    }

    /**
     * Ends sessions this transaction has read; the update re-checks the active status, and only the sessions it
     * actually ended are returned.
     */
    static List<SessionRecord> endLocked(EntityManager em, List<SessionRecord> sessions, EndReason reason,
            Instant now) {
        if (sessions.isEmpty()) {
            return List.of();
        }
        List<String> ids = sessions.stream().map(s -> s.id().value()).toList();
        int updated = em.createQuery(SessionSql.END_LOCKED)
                .setParameter("now", utc(now))
                .setParameter("reason", reason.wireName())
                .setParameter("ids", ids)
                .executeUpdate();
        if (updated == sessions.size()) {
            Ending ending = new Ending(now, reason);
            return sessions.stream().map(s -> s.withEnding(ending)).toList();
        }
        // Someone ended some of them between our read and our update: report only what this update ended.
        return em.createQuery(SessionSql.ENDED_BY_THIS_UPDATE, SessionEntity.class)
                .setParameter("ids", ids)
                .setParameter("now", utc(now))
                .setParameter("reason", reason.wireName())
                .getResultList().stream().map(SessionRows::toRecord).toList();
    }

    /** Locks a batch of expired active sessions (skipping rows others hold) and ends each with its expiry. */
    static List<SessionRecord> endExpiredBatch(EntityManager em, SqlDialect dialect, Instant now, int limit) {
        List<?> ids = em.createNativeQuery(dialect.lockExpiredBatch())
                .setParameter(1, utc(now))
                .setParameter(2, utc(now))
                .setParameter(3, limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<SessionRecord> expired = em.createQuery(SessionSql.FIND_BY_IDS, SessionEntity.class)
                .setParameter("ids", ids)
                .getResultList().stream().map(SessionRows::toRecord).toList();
        List<SessionRecord> ended = new ArrayList<>();
        for (EndReason expiry : List.of(EndReason.EXPIRED_ABSOLUTE, EndReason.EXPIRED_IDLE)) {
            ended.addAll(endLocked(em, expired.stream()
                    .filter(s -> s.expiryAt(now).filter(expiry::equals).isPresent()).toList(), expiry, now));
        }
        return ended;
    }

    /** Under the user lock: ends expired sessions, then evicts the oldest or refuses, so the new one fits. */
    static List<SessionRecord> makeRoom(EntityManager em, String userId, SessionLimit limit, Instant now) {
        // Locked in id order like every multi-row lock here, so concurrent enders cannot deadlock with us.
        List<SessionRecord> active = lockActiveOf(em, userId, Optional.empty());
        SessionLimitRule.Plan plan = SessionLimitRule.plan(limit, active, now);
        if (plan.rejected()) {
            throw new SessionLimitReachedException(limit.maxPerUser());
        }
        List<SessionRecord> ended = new ArrayList<>();
        for (SessionLimitRule.Ends ends : plan.ends()) {
            ended.addAll(endLocked(em, ends.sessions(), ends.reason(), now));
        }
        return ended;
    }
}
