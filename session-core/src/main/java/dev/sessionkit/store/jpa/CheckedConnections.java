package dev.sessionkit.store.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.persistence.internal.databaseaccess.Accessor;

/**
 * Which pooled connections are known to work. The write pool checks every connection before a write (see
 * {@link CheckingConnectionPool}); the read pool hands one out unchecked only when it worked less than
 * {@link #TRUSTED_FOR} ago and no store call failed since, and otherwise checks it with
 * {@link Connection#isValid(int)} first and throws a dead one away instead of failing a request.
 *
 * <p>Why both rules. After any failure, whatever its kind, every connection is suspect: a connection cut by a
 * database restart may fail with any message (an I/O error, "terminating connection", a closed connection), and some
 * failures never reach EclipseLink at all (the activity batch runs plain JDBC). And a connection that sat idle may
 * have died with nobody noticing: a database restart while no request came leaves no failure behind. Under load
 * connections come back within milliseconds and are not checked; an idle one costs one round trip (10 to 30
 * microseconds measured on a local PostgreSQL). A read on a connection that died within the window (a restart
 * quicker than the window does that) fails; its failure makes every connection suspect, and {@link Transactions}
 * runs the read once more, on a checked connection.
 */
final class CheckedConnections {

    /** Longest a check may wait for the database's answer; a live database answers in well under a millisecond. */
    static final int CHECK_TIMEOUT_SECONDS = 2;
    /** How long after it last worked a connection is handed out unchecked (HikariCP's default window too). */
    static final Duration TRUSTED_FOR = Duration.ofMillis(500);

    private final Clock clock;
    /** Counts store failures; a connection is suspect while its last check predates the latest failure. */
    private final AtomicLong failures = new AtomicLong();
    // Weak: the pool drops a discarded accessor and nothing else must keep it alive. Accessors compare by identity.
    private final Map<Accessor, Known> known = Collections.synchronizedMap(new WeakHashMap<>());

    /** @param clock the time source */
    CheckedConnections(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records that a store call failed: every connection is checked before its next use. */
    void failureSeen() {
        failures.incrementAndGet();
    }

    /** Records a connection that has just been opened or come back from a call: it worked, as of now. */
    void worked(Accessor connection) {
        known.compute(connection, (c, before) -> new Known(before == null ? failures.get() : before.failures(),
                clock.instant()));
    }

    /** Whether the connection must be checked before use. */
    boolean isSuspect(Accessor connection) {
        Known state = known.get(connection);
        return state == null || state.failures() < failures.get()
                || state.workedAt().plus(TRUSTED_FOR).isBefore(clock.instant());
    }

    /**
     * Checks a connection with a round trip to the database.
     *
     * @return whether it answered; a connection that did not is dead and must be discarded
     */
    boolean check(Accessor connection) {
        long failuresBefore = failures.get();
        if (!answers(connection.getConnection())) {
            known.remove(connection);
            return false;
        }
        known.put(connection, new Known(failuresBefore, clock.instant()));
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

    /** What is known of one connection: the failure count when it was last checked, and when it last worked. */
    private record Known(long failures, Instant workedAt) {
    }
}
