package dev.sessionkit.store.jpa;

import dev.sessionkit.SessionkitException;
import dev.sessionkit.store.SessionStoreUnavailableException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs store work in a fresh EntityManager, so nothing is ever served from a persistence context that another node
 * may have made stale, and turns database failures into {@link SessionStoreUnavailableException}.
 */
final class Transactions {

    private final EntityManagerFactory factory;

    Transactions(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    <T> T write(String what, Function<EntityManager, T> work) {
        EntityManager em = open(what);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (SessionkitException e) {
            throw e;
        } catch (RuntimeException e) {
            // The store boundary: every JPA/JDBC failure means "cannot answer", which callers turn into 503.
            throw new SessionStoreUnavailableException("Session store failed while trying to " + what, e);
        } finally {
            rollbackQuietly(tx, what);
            em.close();
        }
    }

    /** Runs read-only work outside a transaction. */
    <T> T read(String what, Function<EntityManager, T> work) {
        EntityManager em = open(what);
        try {
            return work.apply(em);
        } catch (SessionkitException e) {
            throw e;
        } catch (RuntimeException e) {
            // Same boundary as write(): the caller can only treat this as "store unavailable".
            throw new SessionStoreUnavailableException("Session store failed while trying to " + what, e);
        } finally {
            em.close();
        }
    }

    private EntityManager open(String what) {
        try {
            return factory.createEntityManager();
        } catch (RuntimeException e) {
            // Creating an EntityManager fails when the factory is closed or the pool cannot connect.
            throw new SessionStoreUnavailableException("Session store failed while trying to " + what, e);
        }
    }

    private static void rollbackQuietly(EntityTransaction tx, String what) {
        if (tx.isActive()) {
            try {
                tx.rollback();
            } catch (RuntimeException e) {
                // The original failure is already on its way up; a failed rollback only adds a log line.
                System.getLogger(Transactions.class.getName()).log(System.Logger.Level.DEBUG,
                        "Rollback failed after an error while trying to " + what, e);
            }
        }
    }
}
