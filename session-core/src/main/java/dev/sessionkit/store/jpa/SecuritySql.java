package dev.sessionkit.store.jpa;

/**
 * Every statement of the security event log and the sign-in attempt counts, in one place for a DBA to review:
 * JPQL on {@code SecurityEventEntity e} (table {@code sessionkit_security_event}) and {@code LoginFailureEntity f}
 * ({@code sessionkit_login_failure}), and one native count. Each is served by an index of the create scripts.
 */
final class SecuritySql {

    private SecuritySql() {
    }

    // ---- events -------------------------------------------------------------------------------------------

    /** Listing filters, appended to the WHERE clause of {@link #EVENTS} and {@link #COUNT_EVENTS}. */
    static final String BY_USER = " AND e.userId = :user";
    static final String BY_TYPE = " AND e.eventType = :type";

    /** Newest first, then by id, so a page boundary between events of one instant is stable. */
    static final String EVENTS = "SELECT e FROM SecurityEventEntity e WHERE 1 = 1%s "
            + "ORDER BY e.occurredAt DESC, e.id ASC";

    static final String COUNT_EVENTS = "SELECT COUNT(e) FROM SecurityEventEntity e WHERE 1 = 1%s";

    /** A user's latest successful sign-ins, for the risk signals (index user_id, occurred_at). */
    static final String RECENT_SIGN_INS = "SELECT e FROM SecurityEventEntity e WHERE e.userId = :user "
            + "AND e.eventType IN :types ORDER BY e.occurredAt DESC, e.id ASC";

    /** Events of some types in a time range (index event_type, occurred_at). */
    static final String COUNT_OF_TYPES = "SELECT COUNT(e) FROM SecurityEventEntity e WHERE e.eventType IN :types "
            + "AND e.occurredAt >= :from AND e.occurredAt < :until";

    /**
     * Native: events of some types per time bucket ({@code %1$s} the bucket expression, {@code %2$s} the quoted type
     * names, enum-derived). Parameter: the first instant counted.
     */
    static final String COUNT_PER_BUCKET = "SELECT %1$s, COUNT(*) FROM sessionkit_security_event "
            + "WHERE event_type IN (%2$s) AND occurred_at >= ?1 GROUP BY %1$s";

    static final String EVENTS_BEFORE = "SELECT e.id FROM SecurityEventEntity e WHERE e.occurredAt < :before";

    static final String DELETE_EVENTS = "DELETE FROM SecurityEventEntity e WHERE e.id IN :ids";

    // ---- sign-in failures ---------------------------------------------------------------------------------

    /**
     * Native: the three counts of one attempt check in one statement, over the rows of the account or the address in
     * the window (indexes account_key, failed_at and ip_address, failed_at). Times come back as epoch seconds
     * ({@code %1$s}, {@code %2$s}, {@code %3$s} are the dialect's expressions), which every driver reads as a
     * number whatever its time-zone handling. Parameters: account key, address, window start.
     */
    static final String COUNT_FAILURES = "SELECT "
            + "COUNT(CASE WHEN account_key = ?1 AND ip_address = ?2 THEN 1 END), "
            + "MIN(%1$s), "
            + "COUNT(CASE WHEN ip_address = ?2 THEN 1 END), "
            + "MIN(%2$s), "
            + "COUNT(CASE WHEN account_key = ?1 THEN 1 END), "
            + "MAX(%3$s) "
            + "FROM sessionkit_login_failure WHERE failed_at >= ?3 AND (account_key = ?1 OR ip_address = ?2)";

    /** The column expressions {@link #COUNT_FAILURES} turns into epoch seconds. */
    static final String PAIR_FAILED_AT = "CASE WHEN account_key = ?1 AND ip_address = ?2 THEN failed_at END";
    static final String ADDRESS_FAILED_AT = "CASE WHEN ip_address = ?2 THEN failed_at END";
    static final String ACCOUNT_FAILED_AT = "CASE WHEN account_key = ?1 THEN failed_at END";

    static final String CLEAR_FAILURES = "DELETE FROM LoginFailureEntity f WHERE f.accountKey = :account "
            + "AND f.ipAddress = :address";

    static final String FAILURES_BEFORE = "SELECT f.id FROM LoginFailureEntity f WHERE f.failedAt < :before";

    static final String DELETE_FAILURES = "DELETE FROM LoginFailureEntity f WHERE f.id IN :ids";
}
