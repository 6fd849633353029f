package dev.sessionkit.store.jpa;

import dev.sessionkit.store.OutageLog;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Sets up EclipseLink's session for an outage: quick failures, connections checked before use after a failure, and
 * its own error logging throttled. Runs after EclipseLink built the session from the properties, before it connects.
 */
final class StoreSessionCustomizer implements SessionCustomizer {

    /**
     * How often EclipseLink retries a read that failed for a broken connection. One retry, at once, on a fresh
     * connection is what a pooled connection left stale by a database restart needs; EclipseLink's default (three,
     * five seconds apart) held every request ~10 s while the database was down, instead of answering 503 at once.
     */
    private static final int COMMUNICATION_RETRIES = 1;

    private final Duration statementTimeout;
    private final CheckedConnections checks;
    private final OutageLog outages;
    private final boolean ownPool;

    /**
     * @param statementTimeout longest any one statement may run
     * @param checks the health of Sessionkit's own pooled connections
     * @param outages where failures are logged
     * @param ownPool true when EclipseLink pools the connections, false on a container's DataSource
     */
    StoreSessionCustomizer(Duration statementTimeout, CheckedConnections checks, OutageLog outages, boolean ownPool) {
        this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.outages = Objects.requireNonNull(outages, "outages");
        this.ownPool = ownPool;
    }

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(COMMUNICATION_RETRIES);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
        // A database that takes connections but never answers (a lock held forever, a network black hole) must cost
        // a request a bounded wait and a 503, not a thread.
        session.setQueryTimeoutDefault((int) statementTimeout.toSeconds());
        session.setQueryTimeoutUnitDefault(TimeUnit.SECONDS);
        // With a statement timeout EclipseLink by default pings a failed connection only at its second failure, so
        // a dead one went back to the pool as good and a read was not retried. Always ping after an error.
        session.getLogin().setConnectionHealthValidatedOnError(true);
        session.setSessionLog(new ThrottledSessionLog(session.getSessionLog(), outages));
        if (session instanceof ServerSession server) {
            replacePools(server);
        }
    }

    private void replacePools(ServerSession server) {
        if (!ownPool) {
            // A container's pool: EclipseLink takes a JDBC connection only at the first statement, so Transactions
            // checks each write's connection instead.
            return;
        }
        ConnectionPool writes = server.getDefaultConnectionPool();
        server.addConnectionPool(new CheckingConnectionPool(writes, server, checks));
        ConnectionPool reads = server.getReadConnectionPool();
        if (reads != null && reads.getClass() == org.eclipse.persistence.sessions.server.ReadConnectionPool.class) {
            server.setReadConnectionPool(new CheckingReadConnectionPool(reads, server, checks));
        }
    }
}
