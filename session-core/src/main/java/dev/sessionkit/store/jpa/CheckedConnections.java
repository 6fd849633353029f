package dev.sessionkit.store.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.persistence.internal.databaseaccess.Accessor;

/**
 * Which pooled connections are known to work. Every store failure, whatever its kind, makes every connection
 * suspect: the next time the pool hands one out it is first checked with {@link Connection#isValid(int)}, once, and
 * a dead one is thrown away instead of failing a request. A connection opened after the last failure needs no check.
 *
 * <p>Why after any failure and not only after a "communication" one: a connection cut by a database restart may fail
 * with any message (an I/O error, "terminating connection", a closed connection), and some failures never reach
 * EclipseLink at all (the activity batch runs plain JDBC). One cheap check per connection per failure is the price of
 * never handing a dead connection to a write, which EclipseLink does not retry.
 */
final class CheckedConnections {

    /** Longest a check may wait for the database's answer; a live database answers in well under a millisecond. */
    static final int CHECK_TIMEOUT_SECONDS = 2;

    /** Counts store failures; a connection is suspect while its last check predates the latest failure. */
    private final AtomicLong failures = new AtomicLong();
    // Weak: the pool drops a discarded accessor and nothing else must keep it alive. Accessors compare by identity.
    private final Map<Accessor, Long> checkedAtFailure = Collections.synchronizedMap(new WeakHashMap<>());

    /** Records that a store call failed: every connection opened before now is checked before its next use. */
    void failureSeen() {
        failures.incrementAndGet();
    }

    /** Records a connection that has just been opened: it works. */
    void opened(Accessor connection) {
        checkedAtFailure.put(connection, failures.get());
    }

    /** Whether the connection must be checked before use: a failure was seen since it was opened or last checked. */
    boolean isSuspect(Accessor connection) {
        Long checkedAt = checkedAtFailure.get(connection);
        return checkedAt == null || checkedAt < failures.get();
    }

    /**
     * Checks a connection with a round trip to the database.
     *
     * @return whether it answered; a connection that did not is dead and must be discarded
     */
    boolean check(Accessor connection) {
        long failuresBefore = failures.get();
        if (!answers(connection.getConnection())) {
            checkedAtFailure.remove(connection);
            return false;
        }
        checkedAtFailure.put(connection, failuresBefore);
        return true;
    }

    /** Whether a JDBC connection answers a driver-level ping (PostgreSQL: an empty query; MySQL: COM_PING). */
    static boolean answers(Connection connection) {
        if (connection == null) {
            return false;
        }
        try {
            return connection.isValid(CHECK_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            // isValid throws only for a negative timeout; a driver that throws anyway cannot vouch for the connection.
            return false;
        }
    }
}
