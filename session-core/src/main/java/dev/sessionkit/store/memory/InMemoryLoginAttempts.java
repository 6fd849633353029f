package dev.sessionkit.store.memory;

import dev.sessionkit.security.FailureCounts;
import dev.sessionkit.store.LoginAttemptStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Failed sign-in attempts in memory, for tests and single-node apps without a database store. */
public final class InMemoryLoginAttempts implements LoginAttemptStore {

    private record Failure(String accountKey, String address, Instant at) {
    }

    private final List<Failure> failures = new ArrayList<>();

    @Override
    public synchronized void recordFailure(String accountKey, String address, Instant at) {
        failures.add(new Failure(accountKey, address, at));
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
