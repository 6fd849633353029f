package dev.sessionkit.store.jpa;

import java.sql.SQLException;

/**
 * Which failed store calls may run again, judged by the SQLState the driver reported (standard classes, so the same
 * rule holds on H2, PostgreSQL and MariaDB).
 *
 * <ul>
 * <li>A transaction chosen as a deadlock or serialization victim (class 40: MariaDB error 1213 and PostgreSQL's
 * 40P01 are 40001 and 40P01) was rolled back whole by the database: running it again is what the database asks for,
 * and nothing of the first run remains.
 * <li>A read whose connection was lost (class 08 but 08001/08004, which say no connection could be made; or
 * PostgreSQL's 57P01 to 57P03 "terminating connection") changed
 * nothing, so it may run again on another connection. A write may not: its commit may have reached the database
 * before the connection died, and a second run could, say, evict another session.
 * </ul>
 * A timeout is neither: running it again would only double the wait of a database that does not answer.
 */
final class RerunnableFailures {

    /** Attempts for a deadlock victim: the database expects a retry, and two collisions in a row do happen. */
    static final int DEADLOCK_ATTEMPTS = 3;
    /** Attempts for a read on a lost connection: the second one draws a checked connection. */
    static final int LOST_CONNECTION_ATTEMPTS = 2;

    private static final int MAX_CAUSES = 32;

    private RerunnableFailures() {
    }

    /**
     * How many times in all a call that failed this way may run.
     *
     * @param failure what the last run threw
     * @param writes whether the call writes (a write on a lost connection may have committed)
     * @return 1 when it must not run again
     */
    static int attempts(Throwable failure, boolean writes) {
        if (isDeadlockVictim(failure)) {
            return DEADLOCK_ATTEMPTS;
        }
        if (!writes && isLostConnection(failure)) {
            return LOST_CONNECTION_ATTEMPTS;
        }
        return 1;
    }

    /** Whether the failure says the database rolled the transaction back to break a deadlock or a conflict. */
    static boolean isDeadlockVictim(Throwable failure) {
        String state = sqlState(failure);
        return state != null && state.startsWith("40");
    }

    /** Whether the failure says the connection it ran on is gone (closed, reset or ended by the server). */
    static boolean isLostConnection(Throwable failure) {
        String state = sqlState(failure);
        return state != null && (state.startsWith("08") || state.startsWith("57P0"))
                // Not a lost connection but none to be had (refused, rejected): a second try meets the same
                // closed door, and during an outage would only double the connection attempts per request.
                && !state.equals("08001") && !state.equals("08004");
    }

    /** The SQLState of the first SQLException in the cause chain that has one, or null. */
    private static String sqlState(Throwable failure) {
        // Bounded: a chain that loops back on itself (possible with initCause) must not hang the caller.
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
