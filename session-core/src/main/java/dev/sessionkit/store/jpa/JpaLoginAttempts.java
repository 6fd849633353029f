package dev.sessionkit.store.jpa;

import static dev.sessionkit.store.jpa.SessionRows.utc;

import dev.sessionkit.security.EventId;
import dev.sessionkit.security.FailureCounts;
import dev.sessionkit.store.LoginAttemptStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed sign-in attempts in {@code sessionkit_login_failure}, one row per failure, so that every node counts the
 * same. A check is one indexed statement; rows leave by {@link #clear} after a success or by the cleanup's purge.
 */
final class JpaLoginAttempts implements LoginAttemptStore {

    private final Transactions tx;
    private final String countFailures;
    private final SecureRandom random = new SecureRandom();

    JpaLoginAttempts(Transactions tx, SqlDialect dialect) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.countFailures = String.format(Locale.ROOT, SecuritySql.COUNT_FAILURES,
                dialect.epochSeconds(SecuritySql.PAIR_FAILED_AT), dialect.epochSeconds(SecuritySql.ADDRESS_FAILED_AT),
                dialect.epochSeconds(SecuritySql.ACCOUNT_FAILED_AT));
    }

    @Override
    public void recordFailure(String accountKey, String address, Instant at) {
        LoginFailureEntity failure = new LoginFailureEntity();
        // Row ids are never shown; an event id's format is simply a convenient random key.
        failure.id = EventId.random(random).value();
        failure.accountKey = accountKey;
        failure.ipAddress = address;
        failure.failedAt = utc(at);
        tx.write("record a failed sign-in", em -> {
            em.persist(failure);
            return 1;
        });
    }

    @Override
    public FailureCounts count(String accountKey, String address, Instant since) {
        Object[] row = tx.read("count failed sign-ins", em -> (Object[]) em.createNativeQuery(countFailures)
                .setParameter(1, accountKey)
                .setParameter(2, address)
                .setParameter(3, utc(since))
                .getSingleResult());
        return new FailureCounts(count(row[0]), instant(row[1]), count(row[2]), instant(row[3]), count(row[4]),
                instant(row[5]));
    }

    private static int count(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static Optional<Instant> instant(Object epochSeconds) {
        if (epochSeconds == null) {
            return Optional.empty();
        }
        double seconds = ((Number) epochSeconds).doubleValue();
        long whole = (long) Math.floor(seconds);
        return Optional.of(Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1_000_000) * 1000));
    }

    @Override
    public void clear(String accountKey, String address) {
        tx.write("forget failed sign-ins", em -> em.createQuery(SecuritySql.CLEAR_FAILURES)
                .setParameter("account", accountKey)
                .setParameter("address", address)
                .executeUpdate());
    }

    @Override
    public int purgeBefore(Instant before, int batchSize) {
        return tx.write("purge old failed sign-ins", em -> JpaSecurityEvents.deleteBatch(em, em
                .createQuery(SecuritySql.FAILURES_BEFORE, String.class)
                .setParameter("before", utc(before))
                .setMaxResults(batchSize)
                .getResultList(), SecuritySql.DELETE_FAILURES));
    }
}
