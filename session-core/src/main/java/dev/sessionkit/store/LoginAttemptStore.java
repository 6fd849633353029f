package dev.sessionkit.store;

import dev.sessionkit.security.FailureCounts;
import java.time.Instant;

/**
 * Failed sign-in attempts, shared by every node of one database so that attempt limits hold across the cluster.
 * Accounts are named by a key derived from the username (never the typed text itself, which is sometimes a
 * password typed into the wrong field).
 *
 * <p>Implementations are thread-safe; every method may throw {@link SessionStoreUnavailableException}.
 */
public interface LoginAttemptStore {

    /**
     * Records one failed attempt.
     *
     * @param accountKey the account tried
     * @param address the client address it came from
     * @param at when
     */
    void recordFailure(String accountKey, String address, Instant at);

    /**
     * Counts failures at or after an instant.
     *
     * @param accountKey the account about to be tried
     * @param address the client address
     * @param since the start of the window
     * @return the counts for the pair, the address and the account
     */
    FailureCounts count(String accountKey, String address, Instant since);

    /**
     * Forgets the failures of one account from one address, after a successful sign-in from there.
     *
     * @param accountKey the account
     * @param address the client address
     */
    void clear(String accountKey, String address);

    /**
     * Deletes failures older than an instant, at most one batch per call.
     *
     * @param before failures strictly before this go
     * @param batchSize most rows deleted by this call
     * @return how many were deleted
     */
    int purgeBefore(Instant before, int batchSize);
}
