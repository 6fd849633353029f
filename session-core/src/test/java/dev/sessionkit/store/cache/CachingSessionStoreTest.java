package dev.sessionkit.store.cache;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.MaxSessionsPolicy;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.session.SessionStatus;
import dev.sessionkit.store.memory.InMemorySessionStore;
import dev.sessionkit.testing.MutableClock;
import dev.sessionkit.testing.Sessions;
import dev.sessionkit.testing.Touches;
import dev.sessionkit.token.TokenHash;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CachingSessionStoreTest {

    private static final Duration LATENCY = Duration.ofSeconds(1);

    private final MutableClock clock = MutableClock.atT0();
    private final InMemorySessionStore real = new InMemorySessionStore();
    private final ScriptedChannel channel = new ScriptedChannel();
    private final CountingStore counting = new CountingStore(real, Optional.of(channel));
    private final CachingSessionStore cache = new CachingSessionStore(counting, LATENCY, clock, counting.channel(),
            CachingSessionStore.DEFAULT_MAX_BYTES);

    /** Creates a session through the cache and looks it up once, so the cache holds it. */
    private SessionRecord stored(Sessions builder) {
        SessionRecord session = cache.create(builder.build(), SessionLimit.unlimited(), T0).created();
        cache.findByTokenHash(session.tokenHash());
        return session;
    }

    @Test
    void lookupWithinTheLatencyIsAnsweredFromMemory() {
        SessionRecord session = real.create(aSession().build(), SessionLimit.unlimited(), T0).created();

        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.of(session), cache.findByTokenHash(session.tokenHash()));
            clock.advance(Duration.ofMillis(100));
        }

        assertEquals(1, counting.lookups.get());
    }

    @Test
    void lookupAfterTheLatencyAsksTheStoreAgain() {
        SessionRecord session = real.create(aSession().build(), SessionLimit.unlimited(), T0).created();
        cache.findByTokenHash(session.tokenHash());

        clock.advance(LATENCY);
        cache.findByTokenHash(session.tokenHash());

        assertEquals(2, counting.lookups.get());
    }

    @Test
    void sessionCreatedHereIsReadFromTheStoreOnItsFirstLookup() {
        SessionRecord session = cache.create(aSession().build(), SessionLimit.unlimited(), T0).created();

        assertEquals(Optional.of(session), cache.findByTokenHash(session.tokenHash()));
        assertEquals(Optional.of(session), cache.findByTokenHash(session.tokenHash()));
        assertEquals(1, counting.lookups.get());
    }

    @Test
    void sessionEvictedRightAfterItsCreationIsNeverServedAsActive() {
        // Another login of the same user evicted this session (and dropped its entry) right after it was created.
        SessionRecord session = cache.create(aSession().ownedBy("dora").build(), SessionLimit.unlimited(), T0)
                .created();
        real.create(aSession().ownedBy("dora").build(), new SessionLimit(1, MaxSessionsPolicy.EVICT_OLDEST), T0);

        assertFalse(cache.findByTokenHash(session.tokenHash()).orElseThrow().isActive());
    }

    @Test
    void unknownTokensAreNeverCached() {
        TokenHash unknown = TokenHash.ofSecret("never issued");

        assertEquals(Optional.empty(), cache.findByTokenHash(unknown));
        assertEquals(Optional.empty(), cache.findByTokenHash(unknown));

        assertEquals(2, counting.lookups.get());
    }

    @Test
    void endHereIsSeenAtOnce() {
        SessionRecord session = stored(aSession());
        cache.findByTokenHash(session.tokenHash());

        cache.end(session.id(), EndReason.LOGOUT, T0);

        assertEquals(SessionStatus.ENDED, cache.findByTokenHash(session.tokenHash()).orElseThrow().status());
    }

    @Test
    void endAllOfUserRotationAndEvictionAreSeenAtOnce() {
        SessionRecord first = stored(aSession().ownedBy("bob"));
        SessionRecord second = stored(aSession().ownedBy("bob"));
        SessionRecord kept = stored(aSession().ownedBy("bob"));
        cache.endAllOfUser("bob", Optional.of(kept.id()), EndReason.PASSWORD_CHANGED, T0);
        assertFalse(cache.findByTokenHash(first.tokenHash()).orElseThrow().isActive());
        assertFalse(cache.findByTokenHash(second.tokenHash()).orElseThrow().isActive());

        SessionRecord replacement = aSession().ownedBy("bob").build();
        cache.replace(kept.id(), replacement, EndReason.ROTATED, T0);
        assertFalse(cache.findByTokenHash(kept.tokenHash()).orElseThrow().isActive());
        assertTrue(cache.findByTokenHash(replacement.tokenHash()).orElseThrow().isActive());

        SessionRecord evicting = aSession().ownedBy("bob").build();
        cache.create(evicting, new SessionLimit(1, MaxSessionsPolicy.EVICT_OLDEST), T0);
        assertFalse(cache.findByTokenHash(replacement.tokenHash()).orElseThrow().isActive());
    }

    @Test
    void sessionEndedOnAnotherNodeIsServedAtMostTheLatencyWhenNotAnnounced() {
        SessionRecord session = stored(aSession());
        real.end(session.id(), EndReason.REVOKED_BY_ADMIN, T0);

        clock.advance(LATENCY.minusMillis(1));
        assertTrue(cache.findByTokenHash(session.tokenHash()).orElseThrow().isActive());
        clock.advance(Duration.ofMillis(1));
        assertFalse(cache.findByTokenHash(session.tokenHash()).orElseThrow().isActive());
    }

    @Test
    void announcementFromAnotherNodeDropsTheEntry() {
        SessionRecord session = stored(aSession());
        real.end(session.id(), EndReason.REVOKED_BY_ADMIN, T0);

        channel.listener.ended(List.of(session.id(), SessionId.random(new SecureRandom())));

        assertFalse(cache.findByTokenHash(session.tokenHash()).orElseThrow().isActive());
    }

    @Test
    void missedAnnouncementsDropEverything() {
        SessionRecord one = stored(aSession());
        SessionRecord two = stored(aSession());
        real.end(one.id(), EndReason.REVOKED_BY_ADMIN, T0);
        real.end(two.id(), EndReason.REVOKED_BY_ADMIN, T0);

        channel.listener.missedSome();

        assertFalse(cache.findByTokenHash(one.tokenHash()).orElseThrow().isActive());
        assertFalse(cache.findByTokenHash(two.tokenHash()).orElseThrow().isActive());
    }

    @Test
    void cachedCopyThatLooksIdleExpiredIsCheckedWithTheStoreFirst() {
        SessionRecord session = stored(aSession().idleTimeout(Duration.ofMinutes(30)));
        // Another node keeps the session alive; this node's copy does not know.
        Instant elsewhere = T0.plus(Duration.ofMinutes(20));
        Touches.touch(real, session.id(), elsewhere, elsewhere.plus(Duration.ofMinutes(30)), elsewhere);

        clock.set(T0.plus(Duration.ofMinutes(30)));
        SessionRecord seen = cache.findByTokenHash(session.tokenHash()).orElseThrow();

        assertEquals(elsewhere, seen.lastAccessedAt());
        assertFalse(seen.isExpiredAt(clock.instant()));
    }

    @Test
    void touchUpdatesTheCachedCopy() {
        SessionRecord session = stored(aSession());
        Instant at = T0.plusSeconds(90);

        Touches.touch(cache, session.id(), at, at.plus(Duration.ofMinutes(30)), at.minusSeconds(60));

        assertEquals(at, cache.findByTokenHash(session.tokenHash()).orElseThrow().lastAccessedAt());
        assertEquals(1, counting.lookups.get());
    }

    @Test
    void wallClockSteppingBackDoesNotStretchAnEntry() {
        SessionRecord session = stored(aSession());
        real.end(session.id(), EndReason.REVOKED_BY_ADMIN, T0);

        clock.set(T0.minus(Duration.ofHours(1)));

        assertFalse(cache.findByTokenHash(session.tokenHash()).orElseThrow().isActive());
    }

    @Test
    void loadRacingAnEndNeverLeavesTheEndedSessionCached() throws Exception {
        SessionRecord session = real.create(aSession().build(), SessionLimit.unlimited(), T0).created();
        CountDownLatch loadRead = new CountDownLatch(1);
        CountDownLatch finishLoad = new CountDownLatch(1);
        counting.afterLookup = () -> {
            loadRead.countDown();
            await(finishLoad);
        };

        // The load reads the session while active, then stalls before putting it in the cache.
        CompletableFuture<Optional<SessionRecord>> load =
                CompletableFuture.supplyAsync(() -> cache.findByTokenHash(session.tokenHash()));
        assertTrue(loadRead.await(5, TimeUnit.SECONDS));
        counting.afterLookup = () -> { };
        // Meanwhile the session ends; the end must not complete its invalidation before the stale load lands.
        Thread ender = new Thread(() -> cache.end(session.id(), EndReason.LOGOUT, T0));
        ender.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ender.isAlive() && ender.getState() == Thread.State.RUNNABLE && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        finishLoad.countDown();
        ender.join(5_000);
        load.get(5, TimeUnit.SECONDS);

        assertFalse(cache.findByTokenHash(session.tokenHash()).orElseThrow().isActive());
    }

    @Test
    void closeClosesTheChannelAndTheStore() {
        cache.close();

        assertTrue(channel.closed);
        assertTrue(counting.closed);
    }

    @Test
    void zeroLatencyIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new CachingSessionStore(real, Duration.ZERO, clock));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
