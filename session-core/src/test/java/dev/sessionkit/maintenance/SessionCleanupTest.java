package dev.sessionkit.maintenance;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.service.SessionListener;
import dev.sessionkit.service.SessionListeners;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.LeaseStore;
import dev.sessionkit.store.SessionStoreUnavailableException;
import dev.sessionkit.store.memory.InMemoryLeases;
import dev.sessionkit.store.memory.InMemorySessionStore;
import dev.sessionkit.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class SessionCleanupTest {

    private final MutableClock clock = MutableClock.atT0();
    private final InMemorySessionStore store = new InMemorySessionStore();
    // One lease table for every node of the test, as a shared database has.
    private final InMemoryLeases leases = new InMemoryLeases();
    private final List<EndReason> heard = new ArrayList<>();
    private final SessionListeners listeners = new SessionListeners(List.of(new SessionListener() {
        @Override
        public void ended(SessionRecord session, EndReason reason) {
            heard.add(reason);
        }
    }));

    private SessionCleanup cleanup(String node, int batchSize, int maxBatches) {
        return new SessionCleanup(store, leases, listeners, clock, Duration.ofDays(30), Duration.ofMinutes(30), node,
                batchSize, maxBatches);
    }

    @Test
    void endsExpiredSessionsInBatchesAndTellsListenersWithTheirReason() {
        for (int i = 0; i < 5; i++) {
            store.create(aSession().ownedBy("u" + i).idleTimeout(Duration.ofMinutes(10)).build(),
                    SessionLimit.unlimited(), T0);
        }
        store.create(aSession().absoluteTimeout(Duration.ofMinutes(5)).build(), SessionLimit.unlimited(), T0);
        clock.advance(Duration.ofHours(1));

        CleanupReport report = cleanup("node-a", 2, 10).runOnce();

        assertEquals(new CleanupReport(true, 6, 0, true), report);
        assertEquals(5, heard.stream().filter(EndReason.EXPIRED_IDLE::equals).count());
        assertEquals(1, heard.stream().filter(EndReason.EXPIRED_ABSOLUTE::equals).count());
    }

    @Test
    void stopsAtTheBatchBudgetAndFinishesNextRun() {
        for (int i = 0; i < 5; i++) {
            store.create(aSession().idleTimeout(Duration.ofMinutes(10)).build(), SessionLimit.unlimited(), T0);
        }
        clock.advance(Duration.ofHours(1));
        SessionCleanup cleanup = cleanup("node-a", 2, 1);

        CleanupReport first = cleanup.runOnce();
        assertEquals(2, first.ended());
        assertFalse(first.complete());
        assertEquals(2, cleanup.runOnce().ended());
        assertEquals(1, cleanup.runOnce().ended());
    }

    @Test
    void purgesHistoryOlderThanTheRetention() {
        SessionRecord old = store.create(aSession().build(), SessionLimit.unlimited(), T0).created();
        store.end(old.id(), EndReason.LOGOUT, T0);
        SessionRecord recent = store.create(aSession().build(), SessionLimit.unlimited(), T0).created();
        clock.advance(Duration.ofDays(20));
        store.end(recent.id(), EndReason.LOGOUT, clock.instant());
        clock.advance(Duration.ofDays(11));

        assertEquals(1, cleanup("node-a", 100, 10).runOnce().purged());
        assertTrue(store.findById(old.id()).isEmpty());
        assertTrue(store.findById(recent.id()).isPresent());
    }

    @Test
    void onlyOneNodeCleansWhileItHoldsTheLease() {
        store.create(aSession().idleTimeout(Duration.ofMinutes(10)).build(), SessionLimit.unlimited(), T0);
        clock.advance(Duration.ofHours(1));

        assertTrue(cleanup("node-a", 10, 10).runOnce().ran());
        assertEquals(CleanupReport.skipped(), cleanup("node-b", 10, 10).runOnce());
        clock.advance(Duration.ofMinutes(15));
        assertTrue(cleanup("node-a", 10, 10).runOnce().ran(), "the holder renews its lease");
        clock.advance(Duration.ofMinutes(31));
        assertTrue(cleanup("node-b", 10, 10).runOnce().ran(), "a silent holder is taken over");
    }

    @Test
    void runLogsAStoreFailureAndSurvivesForTheNextTick() {
        LeaseStore down = Mockito.mock(LeaseStore.class);
        Mockito.when(down.tryAcquireLease(Mockito.anyString(), Mockito.anyString(), Mockito.any(), Mockito.any()))
                .thenThrow(new SessionStoreUnavailableException("database down", new java.sql.SQLException("refused")));
        SessionCleanup failing = new SessionCleanup(store, down, listeners, clock, Duration.ofDays(1), Duration.ofMinutes(1),
                "n", 1, 1);

        assertThrows(SessionStoreUnavailableException.class, failing::runOnce);
        assertDoesNotThrow(failing::run);
        Mockito.verify(down, Mockito.times(2)).tryAcquireLease(Mockito.anyString(), Mockito.anyString(),
                Mockito.any(), Mockito.any());
    }
}
