package dev.sessionkit.store;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.MaxSessionsPolicy;
import dev.sessionkit.device.DeviceType;
import dev.sessionkit.location.Location;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.Ending;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.session.SessionStatus;
import dev.sessionkit.maintenance.SessionCleanup;
import dev.sessionkit.policy.ExpiryPolicy;
import dev.sessionkit.service.InvalidReason;
import dev.sessionkit.service.SessionListeners;
import dev.sessionkit.service.SessionService;
import dev.sessionkit.service.ValidationResult;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.testing.Sessions;
import dev.sessionkit.token.TokenHash;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The behaviour every {@link LeaseStore} must have. Subclasses supply two "nodes" on the same leases (for an
 * in-memory one both are the same object) and a way to release every lease before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LeaseStoreContract {

    protected static final Duration MINUTE = Duration.ofMinutes(1);

    /** The leases under test. */
    protected abstract LeaseStore leasesA();

    /** The same leases as another application node sees them. */
    protected abstract LeaseStore leasesB();

    /** Forgets every lease; called before each test. */
    protected abstract void resetLeases();

    @org.junit.jupiter.api.BeforeEach
    final void releaseEveryLease() {
        resetLeases();
    }

    @Test
    void leaseIsExclusiveUntilItExpiresOrIsReleased() {
        Duration ttl = Duration.ofMinutes(15);
        assertTrue(leasesA().tryAcquireLease("cleanup", "node-a", T0, ttl));
        assertFalse(leasesB().tryAcquireLease("cleanup", "node-b", T0.plus(MINUTE), ttl));
        assertTrue(leasesA().tryAcquireLease("cleanup", "node-a", T0.plus(MINUTE), ttl), "the holder renews");
        assertFalse(leasesB().tryAcquireLease("cleanup", "node-b", T0.plus(Duration.ofMinutes(15)), ttl));
        assertTrue(leasesB().tryAcquireLease("cleanup", "node-b", T0.plus(Duration.ofMinutes(16)), ttl),
                "an expired lease is taken over");
        assertFalse(leasesA().tryAcquireLease("cleanup", "node-a", T0.plus(Duration.ofMinutes(17)), ttl));

        leasesA().releaseLease("cleanup", "node-a");
        assertFalse(leasesA().tryAcquireLease("cleanup", "node-a", T0.plus(Duration.ofMinutes(17)), ttl),
                "only the holder can release");
        leasesB().releaseLease("cleanup", "node-b");
        assertTrue(leasesA().tryAcquireLease("cleanup", "node-a", T0.plus(Duration.ofMinutes(17)), ttl));
    }

    @Test
    void leasesWithDifferentNamesAreIndependent() {
        assertTrue(leasesA().tryAcquireLease("one", "node-a", T0, MINUTE));
        assertTrue(leasesB().tryAcquireLease("two", "node-b", T0, MINUTE));
    }
}
