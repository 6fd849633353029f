package dev.sessionkit.store.jpa;

import static dev.sessionkit.store.jpa.SessionRows.utc;

import dev.sessionkit.store.LeaseStore;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Leases in {@code sessionkit_lease}: one row per name, taken by a conditional update, so two nodes never both hold
 * one.
 */
final class JpaLeases implements LeaseStore {

    private final Transactions tx;
    private final SqlDialect dialect;

    JpaLeases(Transactions tx, SqlDialect dialect) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    @Override
    public boolean tryAcquireLease(String name, String holder, Instant now, Duration ttl) {
        Optional<Boolean> acquired = tx.write("acquire the " + name + " lease", em -> take(em, name, holder, now,
                ttl) ? Optional.of(true) : em.find(LeaseEntity.class, name) != null ? Optional.of(false)
                : Optional.<Boolean>empty());
        if (acquired.isPresent()) {
            return acquired.get();
        }
        // First use of this lease name: create its row, then try once more.
        tx.insertIfAbsent("prepare the " + name + " lease row", dialect.insertLeaseIfAbsent(),
                List.of(name, utc(Instant.EPOCH)), em -> em.find(LeaseEntity.class, name) != null);
        return tx.write("acquire the " + name + " lease", em -> take(em, name, holder, now, ttl));
    }

    private static boolean take(EntityManager em, String name, String holder, Instant now, Duration ttl) {
        return em.createQuery(SessionSql.TAKE_LEASE)
                .setParameter("holder", holder)
                .setParameter("until", utc(now.plus(ttl)))
                .setParameter("name", name)
                .setParameter("now", utc(now))
                .executeUpdate() == 1;
    }

    @Override
    public void releaseLease(String name, String holder) {
        tx.write("release the " + name + " lease", em -> em.createQuery(SessionSql.RELEASE_LEASE)
                .setParameter("epoch", utc(Instant.EPOCH))
                .setParameter("name", name)
                .setParameter("holder", holder)
                .executeUpdate());
    }
}
