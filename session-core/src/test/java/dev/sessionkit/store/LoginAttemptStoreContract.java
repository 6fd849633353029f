package dev.sessionkit.store;

import static dev.sessionkit.testing.MutableClock.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.security.FailureCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every {@link LoginAttemptStore} must do; each test uses accounts and addresses of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LoginAttemptStoreContract {

    /** The store under test; the same instance for the whole class. */
    protected abstract LoginAttemptStore attempts();

    private static String key() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String address() {
        return "2001:db8::" + Integer.toHexString((int) (Math.random() * 0xffff));
    }

    @Test
    void countWhenNoneThenZeroEverywhere() {
        assertEquals(FailureCounts.NONE, attempts().count(key(), address(), T0));
    }

    @Test
    void countWhenFailuresThenPairAddressAndAccountApart() {
        String account = key();
        String other = key();
        String here = address();
        String there = address() + "1";
        attempts().recordFailure(account, here, T0);
        attempts().recordFailure(account, here, T0.plusSeconds(1));
        attempts().recordFailure(other, here, T0.plusSeconds(2));
        attempts().recordFailure(account, there, T0.plusSeconds(3));

        FailureCounts counts = attempts().count(account, here, T0);

        assertEquals(new FailureCounts(2, Optional.of(T0), 3, Optional.of(T0), 3, Optional.of(T0.plusSeconds(3))),
                counts);
    }

    @Test
    void countWhenOlderThanTheWindowThenNotCounted() {
        String account = key();
        String here = address();
        attempts().recordFailure(account, here, T0.minusSeconds(1));
        attempts().recordFailure(account, here, T0.plusSeconds(5));

        FailureCounts counts = attempts().count(account, here, T0);

        assertEquals(new FailureCounts(1, Optional.of(T0.plusSeconds(5)), 1, Optional.of(T0.plusSeconds(5)), 1,
                Optional.of(T0.plusSeconds(5))), counts);
    }

    @Test
    void clearWhenPairThenOnlyThatPairForgotten() {
        String account = key();
        String here = address();
        String there = address() + "2";
        attempts().recordFailure(account, here, T0);
        attempts().recordFailure(account, there, T0);

        attempts().clear(account, here);

        FailureCounts counts = attempts().count(account, here, T0);
        assertEquals(0, counts.pair());
        assertEquals(1, counts.account());
    }

    @Test
    void purgeBeforeWhenOldThenGoneInBatches() {
        String account = key();
        String here = address();
        Instant ancient = T0.minus(Duration.ofDays(3000));
        for (int i = 0; i < 4; i++) {
            attempts().recordFailure(account, here, ancient.plusSeconds(i));
        }
        attempts().recordFailure(account, here, T0);

        int purged = 0;
        int batch;
        while ((batch = attempts().purgeBefore(ancient.plus(Duration.ofDays(1)), 3)) > 0) {
            purged += batch;
        }

        assertEquals(4, purged);
        assertEquals(1, attempts().count(account, here, ancient).pair());
    }
}
