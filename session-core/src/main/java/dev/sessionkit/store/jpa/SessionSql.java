package dev.sessionkit.store.jpa;

/**
 * Every statement the database store sends, in one place for a DBA to review: JPQL on the entities
 * ({@code SessionEntity s} is table {@code sessionkit_session}, {@code LeaseEntity l} is {@code sessionkit_lease}),
 * and native SQL where JPQL cannot say it. The few statements that differ between databases are in
 * {@link SqlDialect}; the tables themselves in the {@code schema-*.sql} scripts next to this class.
 *
 * <p>Rules every state change here follows: it is conditional on the row's current state ({@code status =
 * 'active'}, an older last access, a lease that is free or expired), so a late or repeated statement changes nothing;
 * rows are locked in id order; bind parameters carry every value, and only enum-derived text is ever inlined.
 */
final class SessionSql {

    /** Status of a session that has not ended (it may be past a deadline that cleanup has not acted on yet). */
    static final String ACTIVE = "'active'";
    /** Status of an ended session, kept as history. */
    static final String ENDED = "'ended'";

    /** A session that authenticates at {@code :now}: not ended and before both deadlines. */
    static final String USABLE = "s.status = " + ACTIVE + " AND s.idleExpiresAt > :now AND s.absoluteExpiresAt > :now";

    // ---- finding ------------------------------------------------------------------------------------------

    static final String FIND_BY_TOKEN_HASH = "SELECT s FROM SessionEntity s WHERE s.tokenHash = :hash";

    /** Whether the user has signed in from this browser before (any session, active or ended). */
    static final String BROWSER_SEEN_BEFORE = "SELECT s.id FROM SessionEntity s "
            + "WHERE s.userId = :user AND s.browserIdHash = :browser";

    // ---- activity -----------------------------------------------------------------------------------------

    /**
     * Native, run as one JDBC batch (JPQL bulk updates cannot be batched). Parameters: last access, idle deadline,
     * id, stale-before, last access again: written only if the stored last access is at or before stale-before and
     * before the new one, so it never moves backwards and one of many concurrent requests writes.
     */
    static final String RECORD_ACTIVITY = "UPDATE sessionkit_session SET last_accessed_at = ?, idle_expires_at = ? "
            + "WHERE id = ? AND status = " + ACTIVE + " AND last_accessed_at <= ? AND last_accessed_at < ?";

    /**
     * Native, PostgreSQL: {@link #RECORD_ACTIVITY} for many sessions in one statement, from four parallel arrays
     * (ids, last accesses, idle deadlines, stale-befores, timestamps as ISO-8601 text). One statement instead of one
     * per session matters at scale: with 10^5 active sessions a node writes a few thousand touches a second.
     */
    static final String RECORD_ACTIVITY_ARRAYS = "UPDATE sessionkit_session s "
            + "SET last_accessed_at = u.at, idle_expires_at = u.idle "
            + "FROM (SELECT unnest(?::varchar[]) AS id, unnest(?::timestamptz[]) AS at, "
            + "unnest(?::timestamptz[]) AS idle, unnest(?::timestamptz[]) AS stale) u "
            + "WHERE s.id = u.id AND s.status = " + ACTIVE + " AND s.last_accessed_at <= u.stale "
            + "AND s.last_accessed_at < u.at";

    // ---- ending -------------------------------------------------------------------------------------------

    /** The one statement that ends a single session: it never touches an ended one. */
    static final String END_IF_ACTIVE = "UPDATE SessionEntity s SET s.status = " + ENDED + ", s.endedAt = :now, "
            + "s.endReason = :reason WHERE s.id = :id AND s.status = " + ACTIVE;

    /** Ends sessions the transaction has locked; re-checks the status, so only still-active ones end. */
    static final String END_LOCKED = "UPDATE SessionEntity s SET s.status = " + ENDED + ", s.endedAt = :now, "
            + "s.endReason = :reason WHERE s.id IN :ids AND s.status = " + ACTIVE;

    /** Which of some sessions the transaction's own {@link #END_LOCKED} ended (same instant and reason). */
    static final String ENDED_BY_THIS_UPDATE = "SELECT s FROM SessionEntity s WHERE s.id IN :ids "
            + "AND s.endedAt = :now AND s.endReason = :reason";

    /** A user's active sessions, locked in id order (the order every multi-row lock here takes). */
    static final String LOCK_ACTIVE_OF_USER = "SELECT s FROM SessionEntity s "
            + "WHERE s.userId = :user AND s.status = " + ACTIVE + " ORDER BY s.id";

    /** As {@link #LOCK_ACTIVE_OF_USER}, sparing one session ({@code :except}). */
    static final String LOCK_ACTIVE_OF_USER_EXCEPT = "SELECT s FROM SessionEntity s "
            + "WHERE s.userId = :user AND s.status = " + ACTIVE + " AND s.id <> :except ORDER BY s.id";

    /** The sessions a cleanup batch locked (see {@link SqlDialect#lockExpiredBatch()}). */
    static final String FIND_BY_IDS = "SELECT s FROM SessionEntity s WHERE s.id IN :ids";

    // ---- purging history ----------------------------------------------------------------------------------

    /** At most a batch of ids (setMaxResults) of sessions ended before {@code :cutoff}. */
    static final String ENDED_BEFORE = "SELECT s.id FROM SessionEntity s "
            + "WHERE s.status = " + ENDED + " AND s.endedAt < :cutoff";

    static final String DELETE_ENDED = "DELETE FROM SessionEntity s WHERE s.id IN :ids AND s.status = " + ENDED;

    // ---- listings -----------------------------------------------------------------------------------------

    /** A user's devices page. */
    static final String LIST_USABLE_OF_USER = "SELECT s FROM SessionEntity s WHERE s.userId = :user AND " + USABLE
            + " ORDER BY s.lastAccessedAt DESC, s.id";

    /** Head of a search; {@link SessionListings} adds the filters and the order the search asks for. */
    static final String SEARCH = "SELECT s FROM SessionEntity s";
    static final String SEARCH_COUNT = "SELECT COUNT(s) FROM SessionEntity s";
    static final String BY_USER = " AND s.userId = :user";
    static final String ONLY_USABLE = " AND " + USABLE;
    static final String ONLY_ENDED = " AND s.status = " + ENDED;
    static final String NEWEST_LOGIN_FIRST = " ORDER BY s.createdAt DESC, s.id";
    static final String RECENTLY_ENDED_FIRST = " ORDER BY s.endedAt DESC, s.id";

    // ---- reports (aggregates only: no statement here loads rows) -----------------------------------------

    static final String COUNT_OF_USER = "SELECT COUNT(s) FROM SessionEntity s WHERE s.userId = :user";

    /** {@code %1$s} is the grouped attribute (s.deviceType, s.browser or s.os), {@code %2$s} the filters. */
    static final String COUNT_BY_DEVICE = "SELECT %1$s, COUNT(s) FROM SessionEntity s WHERE 1 = 1%2$s GROUP BY %1$s";

    static final String COUNT_ENDS_BY_REASON = "SELECT s.endReason, COUNT(s) FROM SessionEntity s "
            + "WHERE s.status = " + ENDED + " AND s.endedAt >= :since GROUP BY s.endReason";

    /** Native; {@code %s} is the duration in seconds, from {@link SqlDialect#epochSeconds}. */
    static final String DURATION_COUNT_AND_MEAN = "SELECT COUNT(*), AVG(%s) FROM sessionkit_session "
            + "WHERE user_id = ?1 AND status = " + ENDED;

    /** Native; the middle one or two durations in order, for the median. */
    static final String DURATION_MIDDLE = "SELECT %s AS d FROM sessionkit_session "
            + "WHERE user_id = ?1 AND status = " + ENDED + " ORDER BY d LIMIT ?2 OFFSET ?3";

    /** Native; {@code %1$s} the bucket expression, {@code %2$s} the time column, {@code %3$s} extra filters. */
    static final String COUNT_PER_BUCKET = "SELECT %1$s, COUNT(*) FROM sessionkit_session "
            + "WHERE %2$s >= ?1%3$s GROUP BY %1$s";
    static final String NATIVE_BY_USER = " AND user_id = ?2";
    static final String NATIVE_ONLY_ENDED = " AND status = " + ENDED;

    // ---- leases -------------------------------------------------------------------------------------------

    /** Taken when free, expired or already this holder's (a renewal). */
    static final String TAKE_LEASE = "UPDATE LeaseEntity l SET l.holder = :holder, l.expiresAt = :until "
            + "WHERE l.name = :name AND (l.holder IS NULL OR l.holder = :holder OR l.expiresAt <= :now)";

    static final String RELEASE_LEASE = "UPDATE LeaseEntity l SET l.holder = NULL, l.expiresAt = :epoch "
            + "WHERE l.name = :name AND l.holder = :holder";

    // ---- PostgreSQL's channel of ended sessions ---------------------------------------------------------

    /** The channel's name; payloads are comma-separated public session ids, never tokens. */
    static final String CHANNEL = "sessionkit_ended";
    static final String NOTIFY = "SELECT pg_notify(?, ?)";
    static final String LISTEN = "LISTEN " + CHANNEL;
    /** A round trip on the listening connection, which also delivers waiting notifications. */
    static final String POLL = "SELECT 1";

    private SessionSql() {
    }
}
