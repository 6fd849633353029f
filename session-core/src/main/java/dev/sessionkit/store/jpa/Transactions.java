package dev.sessionkit.store.jpa;

import dev.sessionkit.SessionkitException;
import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.store.SessionStoreUnavailableException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs store work in a fresh EntityManager, so nothing is ever served from a persistence context that another node
 * may have made stale, and turns database failures into {@link SessionStoreUnavailableException}.
 *
 * <p>With a writer limit, at most that many write transactions run at once and the next one waits at most the given
 * time for its turn, then fails as "store unavailable". EclipseLink's own pool cannot give that bound: in 4.0.x its
 * {@code ConnectionPool.acquireConnection} waits in a loop until a connection is released, whatever
 * {@code connection-pool.default.wait} says, so requests hung for as long as the database held the pool's connections.
 * The limit equals the pool's size, so a transaction let through always finds a free connection.
 */
final class Transactions {

    private final EntityManagerFactory factory;
    private final StoreHealth health;
    private final Semaphore writers;
    private final int maxWriters;
    private final long writerWaitMillis;
    private final boolean checkEachWrite;

    /**
     * For a container's DataSource: no writer limit (the container bounds its own waits), and each write's connection
     * checked before the transaction's first statement, since the container may hand out one a restart cut.
     */
    Transactions(EntityManagerFactory factory, StoreHealth health) {
        this(factory, health, 0, 0, true);
    }

    /**
     * With a writer limit (Sessionkit's own pool).
     *
     * @param health told of every failure and success, so that connections are checked and outages logged
     * @param maxWriters write transactions at once, the write pool's size; 0 for no limit
     * @param writerWaitMillis longest wait for a turn before failing
     */
    Transactions(EntityManagerFactory factory, StoreHealth health, int maxWriters, long writerWaitMillis) {
        // Sessionkit's own pool checks its connections itself (CheckingConnectionPool).
        this(factory, health, maxWriters, writerWaitMillis, false);
    }

    private Transactions(EntityManagerFactory factory, StoreHealth health, int maxWriters, long writerWaitMillis,
            boolean checkEachWrite) {
        this.checkEachWrite = checkEachWrite;
        this.factory = Objects.requireNonNull(factory, "factory");
        this.health = Objects.requireNonNull(health, "health");
        this.maxWriters = maxWriters;
        this.writers = maxWriters > 0 ? new Semaphore(maxWriters, true) : null;
        this.writerWaitMillis = writerWaitMillis;
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    <T> T write(String what, Function<EntityManager, T> work) {
        awaitTurn(what);
        try {
            try {
                return writeNow(what, work);
            } catch (DeadConnectionException dead) {
                // Safe to run again: the check came before the transaction's first statement, so nothing ran.
                try {
                    return writeNow(what, work);
                } catch (DeadConnectionException again) {
                    throw failure(what, again);
                }
            }
        } finally {
            if (writers != null) {
                writers.release();
            }
        }
    }

    private void awaitTurn(String what) {
        if (writers == null) {
            return;
        }
        try {
            if (!writers.tryAcquire(writerWaitMillis, TimeUnit.MILLISECONDS)) {
                // Not a connection failure: the connections are busy, not suspect; only the log hears of it.
                health.outages().failed(what, null);
                throw new SessionStoreUnavailableException("Session store failed while trying to " + what + ": all "
                        + maxWriters + " database connections stayed busy for " + writerWaitMillis + " ms", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionStoreUnavailableException("Interrupted while waiting for a database connection to "
                    + what, e);
        }
    }

    private <T> T writeNow(String what, Function<EntityManager, T> work) {
        EntityManager em = open(what);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            if (checkEachWrite) {
                requireLiveConnection(em);
            }
            T result = work.apply(em);
            tx.commit();
            health.succeeded();
            return result;
        } catch (SessionkitException | DeadConnectionException e) {
            throw e;
        } catch (RuntimeException e) {
            // The store boundary: every JPA/JDBC failure means "cannot answer", which callers turn into 503.
            throw failure(what, e);
        } finally {
            rollbackQuietly(tx, what);
            em.close();
        }
    }

    /**
     * Makes EclipseLink take the transaction's connection now (it otherwise does at the first statement) and checks
     * it. A dead one is aborted, so that the container's pool drops it when EclipseLink hands it back.
     */
    private static void requireLiveConnection(EntityManager em) {
        Connection connection = em.unwrap(Connection.class);
        if (CheckedConnections.answers(connection)) {
            return;
        }
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            // Expected of a dead connection or of a pool that forbids abort; the retry takes another one anyway.
            System.getLogger(Transactions.class.getName()).log(System.Logger.Level.DEBUG,
                    "Could not abort a dead connection: " + e.getMessage());
        }
        throw new DeadConnectionException();
    }

    /** The connection a write was about to use did not answer; no statement of the write ran. */
    private static final class DeadConnectionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeadConnectionException() {
            super("The DataSource handed out a connection that does not answer", null, false, false);
        }
    }

    /** Runs read-only work outside a transaction. */
    <T> T read(String what, Function<EntityManager, T> work) {
        EntityManager em = open(what);
        try {
            T result = work.apply(em);
            health.succeeded();
            return result;
        } catch (SessionkitException e) {
            throw e;
        } catch (RuntimeException e) {
            // Same boundary as write(): the caller can only treat this as "store unavailable".
            throw failure(what, e);
        } finally {
            em.close();
        }
    }

    private EntityManager open(String what) {
        try {
            return factory.createEntityManager();
        } catch (RuntimeException e) {
            // Creating an EntityManager fails when the factory is closed or the pool cannot connect.
            throw failure(what, e);
        }
    }

    /** Records a failure (its connections become suspect, the outage log hears of it) and wraps it for the caller. */
    private SessionStoreUnavailableException failure(String what, RuntimeException e) {
        health.failed(what, e);
        return new SessionStoreUnavailableException("Session store failed while trying to " + what, e);
    }

    private static void rollbackQuietly(EntityTransaction tx, String what) {
        if (tx.isActive()) {
            try {
                tx.rollback();
            } catch (RuntimeException e) {
                // The original failure is already on its way up; a failed rollback only adds a log line.
                System.getLogger(Transactions.class.getName()).log(System.Logger.Level.DEBUG,
                        "Rollback failed after an error while trying to " + what,
                        CredentialRedactor.patterns().redactedCopy(e));
            }
        }
    }
}
