package dev.sessionkit.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed sign-in attempts within the window, counted three ways, with the instants that say when a throttle lifts.
 *
 * @param pair failures against this account from this address
 * @param pairOldest the oldest of those, when any
 * @param address failures from this address against any account
 * @param addressOldest the oldest of those, when any
 * @param account failures against this account from any address
 * @param accountLatest the newest of those, when any
 */
public record FailureCounts(int pair, Optional<Instant> pairOldest, int address, Optional<Instant> addressOldest,
        int account, Optional<Instant> accountLatest) {

    /** No failures at all. */
    public static final FailureCounts NONE = new FailureCounts(0, Optional.empty(), 0, Optional.empty(), 0,
            Optional.empty());

    /**
     * Checks the parts.
     *
     * @param pair see the record description
     * @param pairOldest see the record description
     * @param address see the record description
     * @param addressOldest see the record description
     * @param account see the record description
     * @param accountLatest see the record description
     */
    public FailureCounts {
        Objects.requireNonNull(pairOldest, "pairOldest");
        Objects.requireNonNull(addressOldest, "addressOldest");
        Objects.requireNonNull(accountLatest, "accountLatest");
        if (pair < 0 || address < pair || account < pair) {
            throw new IllegalArgumentException("counts must be non-negative and the pair within both others");
        }
    }
}
