package dev.sessionkit.store.cache;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.ActivityUpdate;
import dev.sessionkit.store.SessionStoreUnavailableException;
import dev.sessionkit.store.memory.InMemorySessionStore;
import dev.sessionkit.testing.MutableClock;
import dev.sessionkit.testing.Touches;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferedActivityStoreTest {

    private static final Duration IDLE = Duration.ofMinutes(30);

    private final InMemorySessionStore real = new InMemorySessionStore();
    private final CountingStore counting = new CountingStore(real);
    private static final Duration LAG = Duration.ofSeconds(3);

    private final MutableClock clock = MutableClock.atT0();
    private final BufferedActivityStore buffered = new BufferedActivityStore(counting, LAG, clock);

    private SessionRecord stored() {
        return real.create(aSession().build(), SessionLimit.unlimited(), T0).created();
    }

    private boolean touch(SessionRecord session, Instant at) {
        return Touches.touch(buffered, session.id(), at, at.plus(IDLE), at.minusSeconds(60));
    }

    @Test
    void activityWhosePreviousDeadlineComesBeforeADeferredWriteWouldLandIsWrittenAtOnce() {
        SessionRecord session = stored();
        Instant at = T0.plusSeconds(61);
        // The store of record ends the session at at + 2 s unless it hears of this activity; a flush may take 3 s.
        ActivityUpdate urgent = new ActivityUpdate(session.id(), at, at.plus(IDLE), at.minusSeconds(60),
                at.plusSeconds(2));

        assertEquals(1, buffered.recordActivity(List.of(urgent)));

        assertEquals(at, real.findById(session.id()).orElseThrow().lastAccessedAt());
        assertEquals(0, buffered.pendingCount());
    }

    @Test
    void activityWhosePreviousDeadlineIsFurtherThanTheLagWaitsForTheFlush() {
        SessionRecord session = stored();
        Instant at = T0.plusSeconds(61);
        ActivityUpdate relaxed = new ActivityUpdate(session.id(), at, at.plus(IDLE), at.minusSeconds(60),
                at.plus(LAG).plusMillis(1));

        buffered.recordActivity(List.of(relaxed));

        assertEquals(T0, real.findById(session.id()).orElseThrow().lastAccessedAt());
        assertEquals(1, buffered.pendingCount());
    }

    @Test
    void anUrgentWriteThatFailsIsKeptForTheNextFlushAndDoesNotFailTheRequest() {
        SessionRecord session = stored();
        Instant at = T0.plusSeconds(61);
        counting.failBatches = new SessionStoreUnavailableException("database down", null);

        assertEquals(1, buffered.recordActivity(List.of(new ActivityUpdate(session.id(), at, at.plus(IDLE),
                at.minusSeconds(60), at.plusSeconds(1)))));
        assertEquals(1, buffered.pendingCount());

        counting.failBatches = null;
        buffered.flushOrKeep();
        assertEquals(at, real.findById(session.id()).orElseThrow().lastAccessedAt());
    }

    @Test
    void touchIsOnlyNotedUntilTheFlush() {
        SessionRecord session = stored();

        assertTrue(touch(session, T0.plusSeconds(61)));

        assertEquals(T0, real.findById(session.id()).orElseThrow().lastAccessedAt());
        assertEquals(0, counting.touches.get());
        assertEquals(1, buffered.pendingCount());
    }

    @Test
    void flushWritesTheLatestActivityOfEachSessionInOneBatch() {
        SessionRecord one = stored();
        SessionRecord two = stored();
        touch(one, T0.plusSeconds(61));
        touch(one, T0.plusSeconds(75));
        touch(two, T0.plusSeconds(62));

        assertEquals(2, buffered.flush());

        assertEquals(1, counting.batches.size());
        assertEquals(2, counting.batches.get(0).size());
        assertEquals(T0.plusSeconds(75), real.findById(one.id()).orElseThrow().lastAccessedAt());
        assertEquals(T0.plusSeconds(75).plus(IDLE), real.findById(one.id()).orElseThrow().idleExpiresAt());
        assertEquals(T0.plusSeconds(62), real.findById(two.id()).orElseThrow().lastAccessedAt());
        assertEquals(0, buffered.pendingCount());
    }

    @Test
    void anOlderActivityNeverReplacesANewerOne() {
        SessionRecord session = stored();
        touch(session, T0.plusSeconds(90));
        touch(session, T0.plusSeconds(70));

        buffered.flush();

        assertEquals(T0.plusSeconds(90), real.findById(session.id()).orElseThrow().lastAccessedAt());
    }

    @Test
    void flushWithNothingNotedDoesNotReachTheStore() {
        assertEquals(0, buffered.flush());
        assertEquals(0, counting.batches.size());
    }

    @Test
    void failedFlushKeepsTheActivityForTheNextOne() {
        SessionRecord session = stored();
        touch(session, T0.plusSeconds(61));
        SessionStoreUnavailableException down = new SessionStoreUnavailableException("database down", null);
        counting.failBatches = down;

        assertSame(down, assertThrows(SessionStoreUnavailableException.class, buffered::flush));
        assertEquals(1, buffered.pendingCount());

        counting.failBatches = null;
        assertEquals(1, buffered.flush());
        assertEquals(T0.plusSeconds(61), real.findById(session.id()).orElseThrow().lastAccessedAt());
    }

    @Test
    void endingASessionDropsItsPendingActivity() {
        SessionRecord session = stored();
        touch(session, T0.plusSeconds(61));

        buffered.end(session.id(), EndReason.LOGOUT, T0.plusSeconds(62));

        assertEquals(0, buffered.pendingCount());
    }

    @Test
    void closeFlushesThenClosesTheStore() {
        SessionRecord session = stored();
        touch(session, T0.plusSeconds(61));

        buffered.close();

        assertEquals(T0.plusSeconds(61), real.findById(session.id()).orElseThrow().lastAccessedAt());
        assertTrue(counting.closed);
    }

    @Test
    void closeWhenTheStoreIsDownStillClosesIt() {
        SessionRecord session = stored();
        touch(session, T0.plusSeconds(61));
        counting.failBatches = new SessionStoreUnavailableException("database down", null);

        buffered.close();

        assertTrue(counting.closed);
    }
}
