package dev.sessionkit.store.memory;

import dev.sessionkit.security.FailureCounts;
import dev.sessionkit.store.LoginAttemptStore;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;

/**
 * Failed sign-in attempts in memory, for tests and for stores that keep none of their own. Holds at most a given
 * number of failures, dropping the oldest first, so an attack cannot fill the heap between two cleanups.
 */
public final class InMemoryLoginAttempts implements LoginAttemptStore {

    private record Failure(String accountKey, String address, Instant at) {
    }

    private final int capacity;
    private final java.util.ArrayDeque<Failure> failures = new java.util.ArrayDeque<>();

    /** An unbounded store, for tests. */
    public InMemoryLoginAttempts() {
        this(Integer.MAX_VALUE);
    }

    /**
     * A store holding at most {@code capacity} failures.
     *
     * @param capacity the most failures kept, at least 1
     */
    public InMemoryLoginAttempts(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void recordFailure(String accountKey, String address, Instant at) {
        failures.addLast(new Failure(accountKey, address, at));
        if (failures.size() > capacity) {
            failures.removeFirst();
        }
    }

    @Override
    public synchronized FailureCounts count(String accountKey, String address, Instant since) {
        int pair = 0;
        int byAddress = 0;
        int byAccount = 0;
        Optional<Instant> pairOldest = Optional.empty();
        Optional<Instant> addressOldest = Optional.empty();
        Optional<Instant> accountLatest = Optional.empty();
        for (Failure f : failures) {
            if (f.at.isBefore(since)) {
                continue;
            }
            boolean sameAccount = f.accountKey.equals(accountKey);
            boolean sameAddress = f.address.equals(address);
            if (sameAccount && sameAddress) {
                pair++;
                pairOldest = earlier(pairOldest, f.at);
            }
            if (sameAddress) {
                byAddress++;
                addressOldest = earlier(addressOldest, f.at);
            }
            if (sameAccount) {
                byAccount++;
                accountLatest = accountLatest.filter(t -> t.isAfter(f.at)).or(() -> Optional.of(f.at));
            }
        }
        return new FailureCounts(pair, pairOldest, byAddress, addressOldest, byAccount, accountLatest);
    }

    @Override
    public synchronized void clear(String accountKey, String address) {
        failures.removeIf(f -> f.accountKey.equals(accountKey) && f.address.equals(address));
    }

    @Override
    public synchronized int purgeBefore(Instant before, int batchSize) {
        int removed = 0;
        for (Iterator<Failure> it = failures.iterator(); it.hasNext() && removed < batchSize;) {
            if (it.next().at.isBefore(before)) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    private static Optional<Instant> earlier(Optional<Instant> current, Instant candidate) {
        return current.filter(t -> t.isBefore(candidate)).or(() -> Optional.of(candidate));
    }
}
