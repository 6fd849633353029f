package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.servlet.testing.CountingDataSource;
import dev.sessionkit.servlet.testing.JettyContainer;
import dev.sessionkit.servlet.testing.TestApp;
import dev.sessionkit.testing.MutableClock;
import dev.sessionkit.testing.PostgresServer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What a request costs the database, counted statement by statement on a real PostgreSQL server. With the
 * validation cache a valid session costs nothing within {@code revocation-latency}, one read per latency period
 * after that, and its activity is written in the background as one batched statement per flush.
 */
@ExtendWith(PostgresServer.Resolver.class)
class RequestCostIT {

    @Test
    void validRequestsWithinTheRevocationLatencyCostNoStatement(PostgresServer server) throws Exception {
        try (Node node = new Node(server, Duration.ofMinutes(1))) {
            node.browser.login("alice", "user");
            node.awaitListening();
            // The first request reads the session from the store; login does not fill the cache.
            assertEquals(200, node.browser.get("/app/x").statusCode());

            node.counting.reset();
            for (int i = 0; i < 20; i++) {
                node.clock.advance(Duration.ofSeconds(2));
                assertEquals(200, node.browser.get("/app/x").statusCode());
            }

            assertEquals(List.of(), node.requestStatements(), "no statement for 20 requests within the latency");
        }
    }

    @Test
    void afterTheLatencyOneReadAndActivityIsOneBackgroundBatch(PostgresServer server) throws Exception {
        try (Node node = new Node(server, Duration.ofSeconds(1))) {
            node.browser.login("alice", "user");

            node.counting.reset();
            node.clock.advance(Duration.ofMinutes(2));
            assertEquals(200, node.browser.get("/app/x").statusCode());
            node.sessionkit.flushActivity();
            List<String> statements = node.requestStatements();

            assertEquals(2, statements.size(), "one read, then one batched activity write: " + statements);
            assertTrue(statements.get(0).strip().toUpperCase(Locale.ROOT).startsWith("SELECT"), statements.get(0));
            assertTrue(statements.get(1).strip().toUpperCase(Locale.ROOT).startsWith("UPDATE"), statements.get(1));
            System.out.println("Statements once revocation-latency and touch-interval have passed: " + statements);
        }
    }

    /** One Jetty node with Sessionkit on a counted PostgreSQL DataSource and a clock the test moves. */
    private static final class Node implements AutoCloseable {
        final CountingDataSource counting;
        final MutableClock clock = MutableClock.atT0();
        final Sessionkit sessionkit;
        final JettyContainer jetty = new JettyContainer();
        final Browser browser;

        Node(PostgresServer server, Duration revocationLatency) throws Exception {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(server.newDatabase());
            postgres.setUser("postgres");
            counting = new CountingDataSource(postgres);
            sessionkit = Sessionkit.builder(SessionkitSettings.builder().schema(SchemaMode.CREATE)
                            .revocationLatency(revocationLatency).build())
                    .dataSource(counting).clock(clock).build();
            browser = new Browser(jetty.start(new TestApp.FilterSetup.Instance(new SessionFilter(sessionkit, WebSettings.builder().excludePaths(List.of("/login")).build()))));
        }

        /**
         * Waits until the node listens for ended sessions: it drops its whole cache when it starts listening (ends
         * before that went unheard), which would cost one more read.
         */
        void awaitListening() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (counting.executed().stream().noneMatch(sql -> sql.startsWith("LISTEN "))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the node never started listening");
                }
                Thread.sleep(10);
            }
            Thread.sleep(200);
        }

        /**
         * Statements run since the last reset, without the notification listener's own (LISTEN, its keep-alive
         * SELECT 1 and its heartbeat notification, on its dedicated connection), which cost the node, not the
         * request. No session ends in these tests, so every pg_notify is a heartbeat.
         */
        List<String> requestStatements() {
            return counting.executed().stream().filter(sql -> !sql.startsWith("LISTEN ") && !sql.equals("SELECT 1")
                    && !sql.startsWith("SELECT pg_notify(")).toList();
        }

        @Override
        public void close() throws Exception {
            try {
                jetty.close();
            } finally {
                sessionkit.close();
            }
        }
    }
}
