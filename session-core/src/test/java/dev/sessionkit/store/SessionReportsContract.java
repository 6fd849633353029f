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
 * The behaviour every {@link SessionReports} must have: its aggregates agree with the sessions its store holds.
 * Subclasses supply the store (two nodes, as for {@link SessionStoreContract}) and its reports on each node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SessionReportsContract {

    /** The store whose sessions are reported on. */
    protected abstract SessionStore nodeA();

    /** The reports of the store's first node. */
    protected abstract SessionReports reportsA();

    /** The reports as another application node sees them. */
    protected abstract SessionReports reportsB();

    /** Empties the data; called before each test. */
    protected abstract void resetReports();

    @org.junit.jupiter.api.BeforeEach
    final void emptyTheStore() {
        resetReports();
    }

    private SessionRecord stored(Sessions builder) {
        return nodeA().create(builder.build(), SessionLimit.unlimited(), T0).created();
    }

    @Test
    void countByDeviceGroupsLargestFirst() {
        stored(aSession().device(DeviceType.DESKTOP, "Firefox 128", "Linux"));
        stored(aSession().device(DeviceType.MOBILE, "Safari 17.1", "iOS 17.1"));
        stored(aSession().device(DeviceType.MOBILE, "Chrome 120", "Android 14"));
        SessionRecord ended = stored(aSession().device(DeviceType.TABLET, "Safari 17.1", "iPadOS 17.1"));
        nodeA().end(ended.id(), EndReason.LOGOUT, T0);
        stored(aSession().ownedBy("bob").device(DeviceType.BOT, "curl 8", "Other"));

        Optional<String> alice = Optional.of("alice");
        assertEquals(Map.of("mobile", 2L, "desktop", 1L, "tablet", 1L),
                reportsA().countByDevice(alice, Optional.empty(), DeviceField.TYPE));
        assertEquals("mobile", reportsA().countByDevice(alice, Optional.empty(), DeviceField.TYPE).keySet()
                .iterator().next());
        assertEquals(Map.of("mobile", 2L, "desktop", 1L, "bot", 1L),
                reportsB().countByDevice(Optional.empty(), Optional.of(T0), DeviceField.TYPE));
        assertEquals(Map.of("Safari 17.1", 2L, "Firefox 128", 1L, "Chrome 120", 1L),
                reportsB().countByDevice(alice, Optional.empty(), DeviceField.BROWSER));
        assertEquals(4L, reportsB().countByDevice(alice, Optional.empty(), DeviceField.OS).values().stream()
                .mapToLong(Long::longValue).sum());
        assertEquals(4, reportsA().countAll("alice"));
    }

    @Test
    void durationsGiveMeanAndMedianOfEndedSessions() {
        assertEquals(DurationSummary.empty(), reportsA().durations("alice"));
        int[] minutes = {10, 20, 60, 30};
        for (int m : minutes) {
            SessionRecord s = stored(aSession());
            nodeA().end(s.id(), EndReason.LOGOUT, T0.plus(Duration.ofMinutes(m)));
        }
        stored(aSession());

        DurationSummary summary = reportsB().durations("alice");

        assertEquals(4, summary.count());
        assertEquals(Optional.of(Duration.ofMinutes(30)), summary.mean());
        assertEquals(Optional.of(Duration.ofMinutes(25)), summary.median());

        SessionRecord fifth = stored(aSession());
        nodeA().end(fifth.id(), EndReason.LOGOUT, T0.plus(Duration.ofMinutes(100)));
        assertEquals(Optional.of(Duration.ofMinutes(30)), reportsA().durations("alice").median());
    }

    @Test
    void loginsAndEndsAreCountedPerUtcBucket() {
        stored(aSession().createdAt(T0));
        stored(aSession().createdAt(T0.plus(Duration.ofMinutes(59))));
        SessionRecord nextHour = stored(aSession().createdAt(T0.plus(Duration.ofMinutes(61))));
        stored(aSession().ownedBy("bob").createdAt(T0.plus(Duration.ofDays(1))));
        stored(aSession().createdAt(T0.minus(Duration.ofDays(3))));
        nodeA().end(nextHour.id(), EndReason.REVOKED_BY_ADMIN, T0.plus(Duration.ofMinutes(90)));

        assertEquals(Map.of(T0, 2L, T0.plus(Duration.ofHours(1)), 1L, T0.plus(Duration.ofDays(1)), 1L),
                reportsA().loginsPer(Optional.empty(), T0, TimeBucket.HOUR));
        Instant day = TimeBucket.DAY.startOf(T0);
        assertEquals(Map.of(day, 3L), reportsB().loginsPer(Optional.of("alice"), T0, TimeBucket.DAY));
        assertEquals(Map.of(T0.plus(Duration.ofHours(1)), 1L), reportsB().endsPer(T0, TimeBucket.HOUR));
        assertEquals(Map.of("revoked-by-admin", 1L), reportsA().countEndsByReason(T0));
        assertEquals(Map.of(), reportsA().countEndsByReason(T0.plus(Duration.ofHours(2))));
    }
}
