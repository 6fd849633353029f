package dev.sessionkit.store.jpa;

import java.util.Objects;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * EclipseLink's write pool that never hands out a connection it could know is dead: after any store failure, each
 * pooled connection is checked once before its next use, and a dead one is closed and replaced.
 *
 * <p>EclipseLink's own pool does not get there. With a statement timeout set, it recognises a dead connection only
 * at its second failure (the first one marks it a "possible failure" and returns it to the pool as good), and after a
 * failure it tests pooled connections only until it finds one good one. A write transaction is never retried, so a
 * connection left over from before a database restart failed the first login to draw it, seconds later.
 */
final class CheckingConnectionPool extends ConnectionPool {

    private final CheckedConnections checks;

    /**
     * Takes the place of a configured pool, with the same name, login and sizes.
     *
     * @param configured the pool EclipseLink built from the persistence properties
     * @param owner the server session
     * @param checks the connections' health, shared with the store's transactions
     */
    CheckingConnectionPool(ConnectionPool configured, ServerSession owner, CheckedConnections checks) {
        super(configured.getName(), configured.getLogin(), configured.getInitialNumberOfConnections(),
                configured.getMinNumberOfConnections(), configured.getMaxNumberOfConnections(), owner);
        setWaitTimeout(configured.getWaitTimeout());
        this.checks = Objects.requireNonNull(checks, "checks");
    }

    @Override
    public Accessor acquireConnection() {
        // Ends: each dead connection leaves the pool, and once it is empty EclipseLink opens a fresh one (which needs no
        // check) or throws because the database refuses connections.
        while (true) {
            Accessor connection = super.acquireConnection();
            if (!checks.isSuspect(connection) || checks.check(connection)) {
                return connection;
            }
            discard(connection);
        }
    }

    @Override
    protected Accessor buildConnection() {
        Accessor connection = super.buildConnection();
        checks.opened(connection);
        return connection;
    }

    /** Returns a dead connection as invalid, so the pool closes it instead of keeping it. */
    private void discard(Accessor connection) {
        connection.setIsValid(false);
        releaseConnection(connection);
    }
}
