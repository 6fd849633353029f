package dev.sessionkit.store.jpa;

import java.util.Objects;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ReadConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * EclipseLink's shared read pool, handing out a connection unchecked only when {@link CheckedConnections} trusts it
 * (it worked moments ago and nothing failed since); any other is checked first and a dead one closed. A read that
 * failed on a dead connection runs once more (see {@link Transactions}); finding the first dead one makes all of them
 * suspect, so the second run gets a checked one.
 */
final class CheckingReadConnectionPool extends ReadConnectionPool {

    private final CheckedConnections checks;

    /**
     * Takes the place of a configured shared read pool, with the same name, login and sizes.
     *
     * @param configured the pool EclipseLink built from the persistence properties
     * @param owner the server session
     * @param checks the connections' health, shared with the store's transactions
     */
    CheckingReadConnectionPool(ConnectionPool configured, ServerSession owner, CheckedConnections checks) {
        super(configured.getName(), configured.getLogin(), configured.getInitialNumberOfConnections(),
                configured.getMinNumberOfConnections(), configured.getMaxNumberOfConnections(), owner);
        setWaitTimeout(configured.getWaitTimeout());
        this.checks = Objects.requireNonNull(checks, "checks");
    }

    @Override
    public Accessor acquireConnection() {
        // Ends like CheckingConnectionPool's: every dead connection leaves the pool.
        while (true) {
            Accessor connection = super.acquireConnection();
            if (!checks.isSuspect(connection) || checks.check(connection)) {
                return connection;
            }
            connection.setIsValid(false);
            releaseConnection(connection);
        }
    }

    @Override
    protected Accessor buildConnection() {
        Accessor connection = super.buildConnection();
        checks.worked(connection);
        return connection;
    }

    @Override
    public void releaseConnection(Accessor connection) {
        if (connection.isValid()) {
            // A failed call made every connection suspect before this one came back, so this promises nothing false.
            checks.worked(connection);
        } else {
            // A dead connection found (by EclipseLink or by us): its siblings may be dead too.
            checks.failureSeen();
        }
        super.releaseConnection(connection);
    }
}
