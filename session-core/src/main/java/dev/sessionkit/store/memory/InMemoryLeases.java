package dev.sessionkit.store.memory;

import dev.sessionkit.store.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Leases held in this JVM: right for a store that is not shared between nodes (the in-memory one), and what
 * Sessionkit uses for a store that offers no {@link LeaseStore} of its own, so that this node's cleanup runs never
 * overlap.
 */
public final class InMemoryLeases implements LeaseStore {

    private final Map<String, Lease> leases = new HashMap<>();

    private record Lease(String holder, Instant expiresAt) {
    }

    /** Creates leases of which none is held. */
    public InMemoryLeases() {
        // nothing held yet
    }

    @Override
    public synchronized boolean tryAcquireLease(String name, String holder, Instant now, Duration ttl) {
        Lease current = leases.get(name);
        if (current != null && !current.holder().equals(holder) && current.expiresAt().isAfter(now)) {
            return false;
        }
        leases.put(name, new Lease(holder, now.plus(ttl)));
        return true;
    }

    @Override
    public synchronized void releaseLease(String name, String holder) {
        leases.computeIfPresent(name, (key, lease) -> lease.holder().equals(holder) ? null : lease);
    }
}
