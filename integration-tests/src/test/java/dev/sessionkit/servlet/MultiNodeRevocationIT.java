package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.SessionkitBuilder;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.servlet.testing.JettyContainer;
import dev.sessionkit.servlet.testing.TestApp;
import dev.sessionkit.store.EndedSessionsChannel;
import dev.sessionkit.store.EndedSessionsChannels;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.cache.ForwardingSessionStore;
import dev.sessionkit.store.jpa.JpaSessionStore;
import dev.sessionkit.store.jpa.JpaSessionStores;
import dev.sessionkit.testing.FreezableRelay;
import dev.sessionkit.testing.PostgresServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Revocation latency across nodes, measured over real HTTP: embedded Jetty nodes, each with its own Sessionkit
 * and validation cache, share one real PostgreSQL database. A user signs in on node A, uses the session on the
 * other nodes (so they cache it), signs out on A, and each other node is asked again and again until it refuses
 * the old cookie. Nodes B and C hear PostgreSQL's notifications, whose heartbeat lets them keep entries past the
 * latency, so they must refuse within milliseconds; node D is deaf (its store offers no channel), so only the
 * cache's latency bound can make it refuse; node E hears through a relay that goes silent mid-test (a cut cable
 * nobody notices), after which it too must refuse within the latency.
 */
@ExtendWith(PostgresServer.Resolver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiNodeRevocationIT {

    /** Short so that the deaf node's trials are quick; the bound is the same for any value. */
    private static final Duration LATENCY = Duration.ofMillis(500);
    private static final int HEARING_TRIALS = 150;
    private static final int DEAF_TRIALS = 30;
    /** An announced end reaches a hearing node in a few milliseconds; this leaves room for a loaded CI machine. */
    private static final long HEARD_WITHIN_MILLIS = 200;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private URI nodeA;
    private URI nodeB;
    private URI nodeC;
    private URI nodeD;
    private URI nodeE;
    private FreezableRelay relay;

    @BeforeAll
    void startNodes(PostgresServer server) throws Exception {
        String url = server.newDatabase();
        nodeA = start(settings(url, SchemaMode.CREATE), Optional.empty());
        nodeB = start(settings(url, SchemaMode.VALIDATE), Optional.empty());
        nodeC = start(settings(url, SchemaMode.VALIDATE), Optional.empty());
        nodeD = start(settings(url, SchemaMode.VALIDATE), Optional.of(deafStore(url)));
        nodeE = start(settings(url, SchemaMode.VALIDATE), Optional.of(relayedListener(url)));
    }

    @AfterAll
    void stopNodes() throws Exception {
        // The silent relay first: its connections would hold node E's listener until their network timeout.
        relay.close();
        Collections.reverse(resources);
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void nodesThatHearNotificationsRefuseAnEndedSessionWithinTheLatency() throws Exception {
        List<Long> latencies = new ArrayList<>();
        for (int trial = 0; trial < HEARING_TRIALS; trial++) {
            Browser user = signedInAndCachedOn(nodeB, nodeC);
            Map<String, String> oldCookies = Map.copyOf(user.cookies());
            assertEquals(204, user.post("/logout", Map.of()).statusCode());
            long endedAt = System.nanoTime();
            latencies.add(replayUntilRefused(nodeB, oldCookies, endedAt).firstRefusedMillis());
            latencies.add(replayUntilRefused(nodeC, oldCookies, endedAt).firstRefusedMillis());
        }
        Summary summary = Summary.of(latencies);
        System.out.printf("Revocation latency, nodes hearing NOTIFY (%d refusals, bound %d ms): %s%n",
                latencies.size(), LATENCY.toMillis(), summary);
        assertTrue(summary.p99() <= HEARD_WITHIN_MILLIS, summary.toString());
    }

    @Test
    void aNodeWhoseListenerGoesSilentRefusesWithinTheLatencyOfItsLastHeartbeat() throws Exception {
        Browser heard = signedInAndCachedOn(nodeE);
        assertEquals(204, heard.post("/logout", Map.of()).statusCode());
        long heardRefusal = replayUntilRefused(nodeE, Map.copyOf(heard.cookies()), System.nanoTime())
                .firstRefusedMillis();
        assertTrue(heardRefusal <= HEARD_WITHIN_MILLIS, "node E did not hear the end: " + heardRefusal + " ms");

        Browser user = signedInAndCachedOn(nodeE);
        Map<String, String> oldCookies = Map.copyOf(user.cookies());
        // Kept in use past the latency, so its entry is one the heartbeat vouches for.
        Browser there = new Browser(nodeE);
        there.cookies().putAll(oldCookies);
        for (long until = System.nanoTime() + LATENCY.multipliedBy(3).toNanos(); System.nanoTime() < until; ) {
            assertEquals(200, there.get("/app/x").statusCode());
        }
        relay.freeze();
        assertEquals(204, user.post("/logout", Map.of()).statusCode());
        long endedAt = System.nanoTime();
        Replay replay = replayUntilRefused(nodeE, oldCookies, endedAt);

        System.out.printf("Revocation latency, node whose listener went silent: refused after %d ms, latest "
                + "accepted request sent %.1f ms after the logout (bound %d ms)%n", replay.firstRefusedMillis(),
                replay.lastAcceptedMicros() / 1000.0, LATENCY.toMillis());
        assertTrue(replay.lastAcceptedMicros() < LATENCY.toNanos() / 1000,
                "accepted " + replay.lastAcceptedMicros() + " µs after the end");
    }

    @Test
    void aNodeThatHearsNothingStillRefusesWithinTheLatencyBound() throws Exception {
        List<Long> latencies = new ArrayList<>();
        long latestAcceptance = 0;
        for (int trial = 0; trial < DEAF_TRIALS; trial++) {
            Browser user = signedInAndCachedOn(nodeD);
            Map<String, String> oldCookies = Map.copyOf(user.cookies());
            assertEquals(204, user.post("/logout", Map.of()).statusCode());
            long endedAt = System.nanoTime();
            Replay replay = replayUntilRefused(nodeD, oldCookies, endedAt);
            latencies.add(replay.firstRefusedMillis());
            latestAcceptance = Math.max(latestAcceptance, replay.lastAcceptedMicros());
        }
        Summary summary = Summary.of(latencies);
        System.out.printf("Revocation latency, node without notifications (%d refusals, bound %d ms): %s; latest "
                + "accepted request sent %.1f ms after the logout%n", latencies.size(), LATENCY.toMillis(), summary,
                latestAcceptance / 1000.0);
        // The bound itself: no request sent later than the latency after the logout was accepted. (The first
        // refused one may be sent a little after the bound, when the request before it was slow.)
        assertTrue(latestAcceptance < LATENCY.toNanos() / 1000, "accepted " + latestAcceptance + " µs after the end");
        // It really was served from its cache for a while: otherwise this test would prove nothing about the bound.
        assertTrue(summary.p50() > 10, "the deaf node did not cache: " + summary);
    }

    /** Signs in on node A and makes one request on each given node, so that they cache the session. */
    private Browser signedInAndCachedOn(URI... nodes) {
        Browser user = new Browser(nodeA);
        user.login("alice", "user");
        for (URI node : nodes) {
            Browser there = new Browser(node);
            there.cookies().putAll(user.cookies());
            assertEquals(200, there.get("/app/x").statusCode(), "session not accepted on " + node);
        }
        return user;
    }

    /**
     * Replays the old cookie on a node until it is refused.
     *
     * @param lastAcceptedMicros when the last accepted request was sent, after the end (0 when none was)
     * @param firstRefusedMillis when the first refused request was sent, after the end
     */
    private record Replay(long lastAcceptedMicros, long firstRefusedMillis) {
    }

    private static Replay replayUntilRefused(URI node, Map<String, String> cookies, long endedAt) {
        Browser replay = new Browser(node);
        replay.cookies().putAll(cookies);
        long deadline = endedAt + Duration.ofSeconds(10).toNanos();
        long lastAccepted = 0;
        while (System.nanoTime() < deadline) {
            long sentAt = System.nanoTime();
            int status = replay.get("/app/x").statusCode();
            if (status != 200) {
                assertFalse(status >= 500, "server error " + status);
                return new Replay(lastAccepted, Math.max(0, Duration.ofNanos(sentAt - endedAt).toMillis()));
            }
            lastAccepted = Math.max(0, (sentAt - endedAt) / 1000);
        }
        throw new AssertionError(node + " accepted an ended session for 10 s");
    }

    private static SessionkitSettings settings(String url, SchemaMode schema) {
        return SessionkitSettings.builder().jdbcUrl(url).jdbcUser("postgres").schema(schema)
                .revocationLatency(LATENCY).build();
    }

    /**
     * The real PostgreSQL store with its notification channel withheld: a decorator offers only the
     * {@code SessionStore} interface, not the store's {@code EndedSessionsChannels}.
     */
    private static ForwardingSessionStore deafStore(String url) {
        return new ForwardingSessionStore(JpaSessionStores.open(url, "postgres", "", SchemaMode.VALIDATE)) {
        };
    }

    /**
     * The real PostgreSQL store whose channel listens through a relay the test can silence; reads and writes go
     * straight to the database.
     */
    private ForwardingSessionStore relayedListener(String url) {
        Matcher port = Pattern.compile("//([^:/]+):(\\d+)/").matcher(url);
        assertTrue(port.find(), url);
        relay = FreezableRelay.to(Integer.parseInt(port.group(2)));
        resources.add(relay);
        JpaSessionStore listening = JpaSessionStores.open(port.replaceFirst("//127.0.0.1:" + relay.port() + "/"),
                "postgres", "", SchemaMode.VALIDATE);
        resources.add(listening);
        return new RelayedListener(JpaSessionStores.open(url, "postgres", "", SchemaMode.VALIDATE), listening);
    }

    /** A store of record whose channel of ended sessions is another store's. */
    private static final class RelayedListener extends ForwardingSessionStore implements EndedSessionsChannels {
        private final JpaSessionStore listening;

        RelayedListener(SessionStore delegate, JpaSessionStore listening) {
            super(delegate);
            this.listening = listening;
        }

        @Override
        public Optional<EndedSessionsChannel> openEndedSessionsChannel() {
            return listening.openEndedSessionsChannel();
        }
    }

    private URI start(SessionkitSettings settings, Optional<ForwardingSessionStore> store) throws Exception {
        SessionkitBuilder builder = Sessionkit.builder(settings);
        store.ifPresent(builder::store);
        Sessionkit sessionkit = builder.build();
        resources.add(sessionkit);
        JettyContainer jetty = new JettyContainer();
        resources.add(jetty);
        return jetty.start(new TestApp.FilterSetup.Instance(new SessionFilter(sessionkit, WebSettings.builder().excludePaths(List.of("/login")).build())));
    }

    /** Percentiles of measured latencies in milliseconds. */
    private record Summary(long p50, long p99, long max) {
        static Summary of(List<Long> millis) {
            List<Long> sorted = millis.stream().sorted().toList();
            return new Summary(sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                    sorted.get(sorted.size() - 1));
        }

        @Override
        public String toString() {
            return "p50 " + p50 + " ms, p99 " + p99 + " ms, max " + max + " ms";
        }
    }
}
