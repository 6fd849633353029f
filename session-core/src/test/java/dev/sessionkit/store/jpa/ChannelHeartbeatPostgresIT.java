package dev.sessionkit.store.jpa;

import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.SessionStoreUnavailableException;
import dev.sessionkit.store.cache.CachingSessionStore;
import dev.sessionkit.store.cache.ForwardingSessionStore;
import dev.sessionkit.testing.FreezableRelay;
import dev.sessionkit.testing.PostgresServer;
import dev.sessionkit.token.TokenHash;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The channel's heartbeat on a real PostgreSQL: while it comes back, node B keeps a session in memory far beyond
 * {@code revocation-latency} and still refuses an end within milliseconds; when B's listening connection goes
 * silent (a relay that stops forwarding and closes nothing), an end B never hears is refused within the latency.
 */
@ExtendWith(PostgresServer.Resolver.class)
class ChannelHeartbeatPostgresIT {

    private static final Duration LATENCY = Duration.ofMillis(400);
    private static final Pattern PORT = Pattern.compile("//([^:/]+):(\\d+)/");

    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger reads = new AtomicInteger();
    private JpaSessionStore nodeA;
    private JpaSessionStore listenVia;
    private FreezableRelay relay;
    private CachingSessionStore nodeB;

    @BeforeEach
    void open(PostgresServer server) {
        String url = server.newDatabase();
        nodeA = JpaSessionStores.open(url, "postgres", "", SchemaMode.CREATE);
        Matcher port = PORT.matcher(url);
        assertTrue(port.find(), url);
        relay = FreezableRelay.to(Integer.parseInt(port.group(2)));
        // Node B reads directly; only its listening connection goes through the relay.
        listenVia = JpaSessionStores.open(port.replaceFirst("//127.0.0.1:" + relay.port() + "/"), "postgres", "",
                SchemaMode.VALIDATE);
        SessionStore counted = new ForwardingSessionStore(JpaSessionStores.open(url, "postgres", "",
                SchemaMode.VALIDATE)) {
            @Override
            public Optional<SessionRecord> findByTokenHash(TokenHash tokenHash) {
                reads.incrementAndGet();
                return delegate.findByTokenHash(tokenHash);
            }
        };
        nodeB = new CachingSessionStore(counted, LATENCY, clock, listenVia.openEndedSessionsChannel(),
                CachingSessionStore.DEFAULT_MAX_BYTES);
    }

    @AfterEach
    void close() {
        // The relay first: a silent connection would hold the listener's thread until its network timeout.
        relay.close();
        nodeB.close();
        listenVia.close();
        nodeA.close();
    }

    @Test
    void whileHeartbeatsComeBackAnEntryOutlivesTheLatencyAndAnEndIsStillRefusedAtOnce() throws Exception {
        SessionRecord session = cachedOnNodeB();
        int readsBefore = reads.get();

        long until = System.nanoTime() + LATENCY.multipliedBy(8).toNanos();
        while (System.nanoTime() < until) {
            assertTrue(active(session));
            Thread.sleep(20);
        }
        assertTrue(reads.get() - readsBefore <= 1, "node B read the session " + (reads.get() - readsBefore)
                + " times in 8 latencies; the heartbeat should have vouched for its entry");

        nodeA.end(session.id(), EndReason.REVOKED_BY_ADMIN, clock.instant());
        assertTrue(refusedWithin(session, Duration.ofMillis(300)), "an announced end took longer than 300 ms");
    }

    @Test
    void whenTheListeningConnectionGoesSilentAnUnheardEndIsRefusedWithinTheLatency() throws Exception {
        SessionRecord session = cachedOnNodeB();

        relay.freeze();
        nodeA.end(session.id(), EndReason.REVOKED_BY_ADMIN, clock.instant());
        long ended = System.nanoTime();

        // The last heartbeat may be up to one beat old when the end commits, and a lookup polls every 5 ms.
        assertTrue(refusedWithin(session, LATENCY.plusMillis(200)),
                "node B kept serving a session ended while its channel was silent");
        Duration took = Duration.ofNanos(System.nanoTime() - ended);
        assertTrue(took.compareTo(LATENCY.minus(CachingSessionStore.beatInterval(LATENCY)).minusMillis(50)) >= 0,
                "refused after " + took.toMillis() + " ms: sooner than the vouching allows, so it was not vouched");
    }

    /** Creates a session on node A, and waits until node B's entry for it is vouched for by a heartbeat. */
    private SessionRecord cachedOnNodeB() throws InterruptedException {
        SessionRecord session = nodeA.create(aSession().createdAt(clock.instant().truncatedTo(ChronoUnit.MICROS))
                        .idleTimeout(Duration.ofHours(1)).build(),
                SessionLimit.unlimited(), clock.instant()).created();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(active(session));
            int before = reads.get();
            Thread.sleep(LATENCY.multipliedBy(2).toMillis());
            if (active(session) && reads.get() == before) {
                return session;
            }
        }
        throw new AssertionError("node B's channel never vouched for an entry");
    }

    private boolean active(SessionRecord session) {
        return nodeB.findByTokenHash(session.tokenHash()).orElseThrow().isActive();
    }

    private boolean refusedWithin(SessionRecord session, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (!active(session)) {
                    return true;
                }
            } catch (SessionStoreUnavailableException e) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }
}
