package dev.sessionkit.store.jpa;

import dev.sessionkit.SessionkitException;
import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.store.SessionStoreUnavailableException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

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

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws. The work may run more than
     * once (see {@link RerunnableFailures}), so it must change nothing but the database.
     */
    <T> T write(String what, Function<EntityManager, T> work) {
        awaitTurn(what);
        try {
            return attempt(what, () -> writeNow(what, work), true);
        } finally {
            if (writers != null) {
                writers.release();
            }
        }
    }

    /**
     * Runs a call until it succeeds or fails in a way that forbids another run, and turns the last failure into
     * "store unavailable". A rerun that succeeds is not an outage: it is neither logged nor counted as one.
     */
    private <T> T attempt(String what, Supplier<T> call, boolean writes) {
        RuntimeException failure = null;
        for (int attempt = 1; ; attempt++) {
            try {
                T result = call.get();
                health.succeeded();
                return result;
            } catch (SessionkitException e) {
                throw e;
            } catch (RuntimeException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
                if (attempt >= allowedAttempts(e, writes)) {
                    // The store boundary: every JPA/JDBC failure means "cannot answer", which callers turn into 503.
                    throw failure(what, e);
                }
                // Whatever connection the failed run had, its siblings may share its fate: check them first.
                health.connections().failureSeen();
            }
        }
    }

    private static int allowedAttempts(RuntimeException failure, boolean writes) {
        if (failure instanceof DeadConnectionException) {
            // Safe to run again: the check came before the transaction's first statement, so nothing ran.
            return RerunnableFailures.LOST_CONNECTION_ATTEMPTS;
        }
        return RerunnableFailures.attempts(failure, writes);
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
            return result;
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

    /** Runs read-only work outside a transaction; a read that lost its connection runs once more on another. */
    <T> T read(String what, Function<EntityManager, T> work) {
        return attempt(what, () -> readNow(what, work), false);
    }

    private <T> T readNow(String what, Function<EntityManager, T> work) {
        EntityManager em = open(what);
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /**
     * Runs an insert-unless-present statement in its own transaction. Two nodes may race here; the loser's insert can
     * fail on the primary key (H2's MERGE is not atomic), which is fine as long as the row now exists.
     *
     * @param what the work, for messages
     * @param sql the statement, with positional parameters
     * @param parameters its parameters
     * @param exists whether the row exists, asked after a failed insert
     */
    void insertIfAbsent(String what, String sql, List<Object> parameters, Function<EntityManager, Boolean> exists) {
        try {
            write(what, em -> {
                var query = em.createNativeQuery(sql);
                for (int i = 0; i < parameters.size(); i++) {
                    query.setParameter(i + 1, parameters.get(i));
                }
                return query.executeUpdate();
            });
        } catch (SessionStoreUnavailableException e) {
            if (!read("check " + what, exists)) {
                throw e;
            }
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
