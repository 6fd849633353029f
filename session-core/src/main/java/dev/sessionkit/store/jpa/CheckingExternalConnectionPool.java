package dev.sessionkit.store.jpa;

import jakarta.persistence.PersistenceException;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ExternalConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * The write "pool" over a container's DataSource: each write transaction takes a connection from the container,
 * checks it with {@link java.sql.Connection#isValid(int)} and, when it is dead, closes it and takes one fresh
 * connection instead. Sessionkit cannot see which of the container's connections died, so it checks every one;
 * the check is one round trip per write transaction, next to the four or more the transaction itself makes.
 *
 * <p>Retrying here is always safe: no statement of the transaction has run yet, so nothing can happen twice. When the
 * second connection is dead too the write fails (503) rather than run on it.
 */
final class CheckingExternalConnectionPool extends ExternalConnectionPool {

    /**
     * Takes the place of the configured external pool, with the same name and login.
     *
     * @param configured the pool EclipseLink built for the DataSource
     * @param owner the server session
     */
    CheckingExternalConnectionPool(ConnectionPool configured, ServerSession owner) {
        super(configured.getName(), configured.getLogin(), owner);
    }

    @Override
    public Accessor acquireConnection() {
        Accessor connection = super.acquireConnection();
        if (CheckedConnections.answers(connection.getConnection())) {
            return connection;
        }
        discard(connection);
        Accessor fresh = super.acquireConnection();
        if (CheckedConnections.answers(fresh.getConnection())) {
            return fresh;
        }
        discard(fresh);
        throw new PersistenceException("Two connections in a row from the DataSource did not answer a check");
    }

    /** Hands a dead connection back to the container; the container's pool decides whether to keep it. */
    private void discard(Accessor connection) {
        connection.setIsValid(false);
        releaseConnection(connection);
    }
}
