package dev.sessionkit.store.cache;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.memory.InMemorySessionStore;
import dev.sessionkit.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Entries a channel with a heartbeat vouches for: longer than the latency, and not one moment longer than safe. */
class VouchedCacheTest {

    private static final Duration LATENCY = Duration.ofSeconds(1);

    private final MutableClock clock = MutableClock.atT0();
    private final InMemorySessionStore real = new InMemorySessionStore();
    private final ScriptedChannel channel = new ScriptedChannel();
    private final CountingStore counting = new CountingStore(real, Optional.of(channel));
    private final CachingSessionStore cache = new CachingSessionStore(counting, LATENCY, clock, counting.channel(),
            CachingSessionStore.DEFAULT_MAX_BYTES);

    private SessionRecord created() {
        return real.create(aSession().idleTimeout(Duration.ofHours(1)).build(), SessionLimit.unlimited(), T0)
                .created();
    }

    /** Time passes in heartbeat steps, each heartbeat coming back. */
    private void heartbeatsFor(Duration span) {
        for (Duration passed = Duration.ZERO; passed.compareTo(span) < 0; passed = passed.plusMillis(250)) {
            clock.advance(Duration.ofMillis(250));
            channel.listener.caughtUp(clock.instant());
        }
    }

    private boolean active(SessionRecord session) {
        return cache.findByTokenHash(session.tokenHash()).orElseThrow().isActive();
    }

    @Test
    void entryReadWhileTheChannelListensOutlivesTheLatencyWhileHeartbeatsComeBack() {
        channel.listener.missedSome();
        SessionRecord session = created();
        assertTrue(active(session));

        for (int i = 0; i < 20; i++) {
            heartbeatsFor(Duration.ofSeconds(3));
            assertTrue(active(session));
        }

        assertEquals(1, counting.lookups.get(), "a vouched entry went back to the store");
    }

    @Test
    void announcedEndStillDropsAVouchedEntryAtOnce() {
        channel.listener.missedSome();
        SessionRecord session = created();
        assertTrue(active(session));
        heartbeatsFor(Duration.ofSeconds(5));

        real.end(session.id(), EndReason.REVOKED_BY_ADMIN, clock.instant());
        channel.listener.ended(List.of(session.id()));

        assertFalse(active(session));
    }

    @Test
    void whenHeartbeatsStopAnUnannouncedEndIsRefusedWithinTheLatencyOfTheLastOne() {
        channel.listener.missedSome();
        SessionRecord session = created();
        assertTrue(active(session));
        heartbeatsFor(Duration.ofSeconds(5));

        // The channel goes quiet without a word (a cut cable); an end it never hears commits now.
        real.end(session.id(), EndReason.REVOKED_BY_ADMIN, clock.instant());
        clock.advance(LATENCY.minusMillis(1));
        assertTrue(active(session), "still vouched by the last heartbeat");
        clock.advance(Duration.ofMillis(1));
        assertFalse(active(session));
    }

    @Test
    void beforeTheChannelFirstListensEntriesLiveOnlyTheLatency() {
        SessionRecord session = created();
        assertTrue(active(session));
        channel.listener.caughtUp(clock.instant());

        real.end(session.id(), EndReason.REVOKED_BY_ADMIN, clock.instant());
        clock.advance(LATENCY);

        assertFalse(active(session));
    }

    @Test
    void entryLoadedAcrossAReconnectIsNotVouchedByTheNewConnection() {
        channel.listener.missedSome();
        SessionRecord session = created();
        // The connection drops and comes back while this load is between its read and its entry.
        counting.afterLookup = () -> {
            counting.afterLookup = () -> { };
            channel.listener.missedSome();
        };
        assertTrue(active(session));
        real.end(session.id(), EndReason.REVOKED_BY_ADMIN, clock.instant());

        heartbeatsFor(LATENCY);

        assertFalse(active(session), "an end missed while reconnecting was vouched for");
    }

    @Test
    void loadOverlappingAnAnnouncementIsTrustedOnlyForTheLatency() {
        channel.listener.missedSome();
        SessionRecord session = created();
        // The end commits and is announced after this load read the row but before its entry is indexed.
        counting.afterLookup = () -> {
            counting.afterLookup = () -> { };
            real.end(session.id(), EndReason.REVOKED_BY_ADMIN, clock.instant());
            channel.listener.ended(List.of(session.id()));
        };
        assertTrue(active(session));

        heartbeatsFor(LATENCY);

        assertFalse(active(session), "a load that overlapped its own end's announcement was vouched for");
    }

    @Test
    void heartbeatStampedBeforeTheEntryWasLoadedStillVouchesOnlyWithinTheLatency() {
        channel.listener.missedSome();
        channel.listener.caughtUp(clock.instant());
        SessionRecord session = created();
        assertTrue(active(session));
        real.end(session.id(), EndReason.REVOKED_BY_ADMIN, clock.instant());

        clock.advance(LATENCY);

        assertFalse(active(session));
    }

    @Test
    void clockSteppingBackDoesNotMakeAnOldHeartbeatVouchForever() {
        channel.listener.missedSome();
        SessionRecord session = created();
        assertTrue(active(session));
        heartbeatsFor(Duration.ofSeconds(2));
        real.end(session.id(), EndReason.REVOKED_BY_ADMIN, clock.instant());

        clock.advance(Duration.ofMinutes(-10));

        assertFalse(active(session));
    }

    @Test
    void heartbeatsComeFourTimesPerLatencyWithinBounds() {
        assertEquals(Duration.ofMillis(250), channel.beatEvery);
        assertEquals(Duration.ofMillis(20), CachingSessionStore.beatInterval(Duration.ofMillis(10)));
        assertEquals(Duration.ofMillis(50), CachingSessionStore.beatInterval(Duration.ofMillis(200)));
        assertEquals(Duration.ofMillis(250), CachingSessionStore.beatInterval(Duration.ofMinutes(1)));
    }

    @Test
    void entriesAreBoundedByTheirEstimatedHeapNotByACount() {
        CachingSessionStore small = new CachingSessionStore(counting, LATENCY, clock, Optional.empty(), 100_000);
        for (int i = 0; i < 1_000; i++) {
            small.findByTokenHash(created().tokenHash());
        }

        long held = small.cachedSessions();
        assertTrue(held > 60 && held < 250, "held " + held + " sessions in 100 KB");
    }
}
