package dev.sessionkit.store.jpa;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.cache.CachingSessionStore;
import dev.sessionkit.testing.MutableClock;
import dev.sessionkit.testing.PostgresServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes' validation caches on one real PostgreSQL database. Entries live a whole minute here, so when node B
 * refuses a session node A ended within a second, only the LISTEN/NOTIFY announcement can have told it.
 */
@ExtendWith(PostgresServer.Resolver.class)
class EndedSessionsChannelPostgresIT {

    private static final Duration LONG_LATENCY = Duration.ofMinutes(1);

    private final MutableClock clock = MutableClock.atT0();
    private CachingSessionStore nodeA;
    private CachingSessionStore nodeB;

    private String url;

    @BeforeEach
    void open(PostgresServer server) {
        url = server.newDatabase();
        nodeA = new CachingSessionStore(JpaSessionStores.open(url, "postgres", "", SchemaMode.CREATE),
                LONG_LATENCY, clock);
        nodeB = new CachingSessionStore(JpaSessionStores.open(url, "postgres", "", SchemaMode.VALIDATE),
                LONG_LATENCY, clock);
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void bothNodesHearEachOther() {
        assertTrue(nodeA.hearsOtherNodes());
        assertTrue(nodeB.hearsOtherNodes());
    }

    @Test
    void sessionEndedOnOneNodeIsRefusedByTheOtherWithinASecond() throws InterruptedException {
        SessionRecord session = nodeA.create(aSession().build(), SessionLimit.unlimited(), T0).created();
        awaitListening(session);

        nodeA.end(session.id(), EndReason.LOGOUT, T0);

        assertTrue(refusedWithin(session, Duration.ofSeconds(1)), "node B still accepts the ended session");
    }

    @Test
    void manySessionsEndedAtOnceAreAllAnnouncedAcrossPayloads() throws InterruptedException {
        List<SessionRecord> sessions = java.util.stream.IntStream.range(0, 700)
                .mapToObj(i -> nodeA.create(aSession().ownedBy("carol").build(), SessionLimit.unlimited(), T0)
                        .created())
                .toList();
        sessions.forEach(s -> assertTrue(nodeB.findByTokenHash(s.tokenHash()).orElseThrow().isActive()));
        awaitListening(sessions.get(0));

        assertEquals(700, nodeA.endAllOfUser("carol", Optional.empty(), EndReason.REVOKED_BY_ADMIN, T0).size());

        for (SessionRecord session : sessions) {
            assertTrue(refusedWithin(session, Duration.ofSeconds(2)), "node B still accepts " + session.id());
        }
    }

    @Test
    void expiredSessionsEndedByCleanupAreAnnouncedToo() throws InterruptedException {
        SessionRecord session = nodeA.create(aSession().idleTimeout(Duration.ofMinutes(30)).build(),
                SessionLimit.unlimited(), T0).created();
        awaitListening(session);

        // Cleanup judges by the database's deadline; node B's copy does not look expired by its own clock (its
        // own activity may have moved it on), so only the announcement can tell it.
        assertEquals(1, nodeA.endExpired(T0.plus(Duration.ofMinutes(31)), 100).size());

        assertTrue(refusedWithin(session, Duration.ofSeconds(1)), "node B still accepts the expired session");
    }

    @Test
    void endByAToolWithoutACacheIsAnnouncedToo(PostgresServer server) throws InterruptedException {
        SessionRecord session = nodeA.create(aSession().build(), SessionLimit.unlimited(), T0).created();
        awaitListening(session);

        try (JpaSessionStore tool = JpaSessionStores.open(url, "postgres", "", SchemaMode.VALIDATE)) {
            assertTrue(tool.end(session.id(), EndReason.REVOKED_BY_ADMIN, T0).isPresent());
        }

        assertTrue(refusedWithin(session, Duration.ofSeconds(1)), "node B still accepts the session a tool ended");
    }

    /** Node B caches the session, then a first end proves its listener is up (it drops everything on connect). */
    private void awaitListening(SessionRecord session) throws InterruptedException {
        SessionRecord probe = nodeA.create(aSession().build(), SessionLimit.unlimited(), T0).created();
        assertTrue(nodeB.findByTokenHash(probe.tokenHash()).orElseThrow().isActive());
        assertTrue(nodeB.findByTokenHash(session.tokenHash()).orElseThrow().isActive());
        nodeA.end(probe.id(), EndReason.LOGOUT, T0);
        assertTrue(refusedWithin(probe, Duration.ofSeconds(10)), "node B never started listening");
        assertTrue(nodeB.findByTokenHash(session.tokenHash()).orElseThrow().isActive());
    }

    private boolean refusedWithin(SessionRecord session, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (!nodeB.findByTokenHash(session.tokenHash()).orElseThrow().isActive()) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }
}
