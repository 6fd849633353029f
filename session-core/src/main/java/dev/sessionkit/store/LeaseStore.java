package dev.sessionkit.store;

import java.time.Duration;
import java.time.Instant;

/**
 * Named, expiring leases shared by the nodes of one database, so that one node at a time runs a job (cleanup).
 * A store whose nodes can coordinate implements this next to {@link SessionStore}; without it every node runs the
 * job, which the conditional writes of {@link SessionStore#endExpired} keep correct, only less efficient.
 *
 * <p>Implementations are thread-safe; every method may throw {@link SessionStoreUnavailableException}.
 */
public interface LeaseStore {

    /**
     * Takes or renews a named lease.
     *
     * @param name the job's name
     * @param holder this node's unique name
     * @param now the current instant
     * @param ttl how long the lease lasts unless renewed or released
     * @return true when this holder now owns the lease
     */
    boolean tryAcquireLease(String name, String holder, Instant now, Duration ttl);

    /**
     * Gives a lease back early if this holder owns it.
     *
     * @param name the job's name
     * @param holder this node's unique name
     */
    void releaseLease(String name, String holder);
}
