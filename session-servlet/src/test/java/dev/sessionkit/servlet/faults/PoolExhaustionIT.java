package dev.sessionkit.servlet.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.servlet.WebSettings;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.servlet.SessionFilter;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.servlet.testing.JettyContainer;
import dev.sessionkit.servlet.testing.TestApp;
import dev.sessionkit.testing.PostgresServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every pooled write connection is held by a request stuck behind a database lock (the shape of a slow database
 * under load). A request that needs one more must get 503 once the pool's wait runs out, not hang; a request that
 * only validates its session is still served; and when the lock goes, everything is served again.
 *
 * <p>The store is opened from a JDBC URL, so this is Sessionkit's own EclipseLink pool as {@code JpaSessionStores}
 * configures it: 16 write connections, 5 s wait (with a container DataSource the container's pool rules instead).
 * A real PostgreSQL table lock in {@code EXCLUSIVE} mode blocks writes to the session table and lets reads through.
 */
@ExtendWith(PostgresServer.Resolver.class)
class PoolExhaustionIT {

    /** JpaSessionStores' write pool size and wait. */
    private static final int POOL_SIZE = 16;
    private static final Duration POOL_WAIT = Duration.ofSeconds(5);
    /** The answer must come once the pool's wait has run out, plus time for a busy 2-core machine. */
    private static final Duration ANSWER_BOUND = POOL_WAIT.plusSeconds(2);

    @Test
    void aRequestNeedingAnExhaustedPoolGets503InBoundedTimeAndServiceResumes(PostgresServer server)
            throws Exception {
        String url = server.newDatabase();
        SessionkitSettings settings = SessionkitSettings.builder().jdbcUrl(url).jdbcUser("postgres")
                .schema(SchemaMode.CREATE).revocationLatency(Duration.ZERO).build();
        ExecutorService holders = Executors.newFixedThreadPool(POOL_SIZE);
        ExecutorService others = Executors.newFixedThreadPool(2);
        try (Sessionkit sessionkit = Sessionkit.builder(settings).build();
                JettyContainer jetty = new JettyContainer();
                QuietLogs quiet = QuietLogs.silence("org.eclipse.persistence", SessionFilter.class.getName())) {
            URI base = jetty.start(new TestApp.FilterSetup.Instance(new SessionFilter(sessionkit, WebSettings.builder().excludePaths(List.of("/login")).build())));
            List<Browser> holding = new ArrayList<>();
            for (int i = 0; i < POOL_SIZE; i++) {
                Browser browser = new Browser(base);
                browser.login("holder-" + i, "user");
                holding.add(browser);
            }
            Browser victim = new Browser(base);
            victim.login("victim", "user");
            Browser reader = new Browser(base);
            reader.login("reader", "user");

            List<Future<HttpResponse<String>>> held = new ArrayList<>();
            Exchange logout;
            Exchange login;
            Exchange validation;
            try (Connection locker = DriverManager.getConnection(url, "postgres", "");
                    Connection observer = DriverManager.getConnection(url, "postgres", "")) {
                locker.setAutoCommit(false);
                try (Statement lock = locker.createStatement()) {
                    lock.execute("LOCK TABLE sessionkit_session IN EXCLUSIVE MODE");
                }
                for (Browser browser : holding) {
                    held.add(holders.submit(() -> browser.post("/logout", Map.of())));
                }
                awaitWaitingOnLock(observer, POOL_SIZE, Duration.ofSeconds(20));

                // Both wait for a connection at the same time, as they would in a busy application.
                Future<Exchange> loggingOut = others.submit(() -> timed("logout",
                        () -> victim.post("/logout", Map.of())));
                Future<Exchange> loggingIn = others.submit(() -> timed("login", () -> new Browser(base)
                        .post("/login", Map.of("username", "newcomer", "roles", "user"))));
                validation = timed("app", () -> reader.get("/app/x", "Accept", "application/json"));
                logout = loggingOut.get(30, TimeUnit.SECONDS);
                login = loggingIn.get(30, TimeUnit.SECONDS);
                locker.rollback();
            }

            System.out.printf("Pool exhaustion (%d write connections held): authenticated logout answered %d after "
                    + "%d ms, login %d after %d ms; session validation %d after %d ms%n", POOL_SIZE,
                    logout.status(), logout.latency().toMillis(), login.status(), login.latency().toMillis(),
                    validation.status(), validation.latency().toMillis());

            for (Future<HttpResponse<String>> holder : held) {
                assertEquals(204, holder.get(20, TimeUnit.SECONDS).statusCode(),
                        "a request held behind the lock completes once it goes");
            }

            for (Exchange refused : List.of(logout, login)) {
                assertTrue(refused.isOutageAnswer(), "503 problem+json with Retry-After: " + refused);
                assertTrue(refused.latency().compareTo(ANSWER_BOUND) <= 0, "answered within " + ANSWER_BOUND
                        + " (the pool's wait and no more), not a hang: " + refused);
                assertTrue(refused.latency().compareTo(POOL_WAIT.minusSeconds(1)) >= 0,
                        "refused because the wait for a connection ran out, not for another reason: " + refused);
            }
            assertEquals(200, validation.status(), "validating a session needs no write connection: " + validation);
            assertTrue(validation.latency().compareTo(Duration.ofSeconds(2)) < 0, validation.toString());

            // Service resumes: the refused logout works now, and new logins are served.
            assertEquals(204, victim.post("/logout", Map.of()).statusCode());
            assertEquals(401, victim.get("/app/x", "Accept", "application/json").statusCode(),
                    "the retried logout really ended the session");
            Browser newcomer = new Browser(base);
            newcomer.login("newcomer", "user");
            assertEquals(200, newcomer.get("/app/x").statusCode());
        } finally {
            holders.shutdownNow();
            others.shutdownNow();
        }
    }

    private interface Call {
        HttpResponse<String> send();
    }

    private static Exchange timed(String kind, Call call) {
        long started = System.nanoTime();
        try {
            return Exchange.of(kind, kind, started, call.send());
        } catch (RuntimeException e) {
            return Exchange.failed(kind, kind, started, e);
        }
    }

    /** Waits until {@code count} connections of this database wait for a lock: the pool's connections are held. */
    private static void awaitWaitingOnLock(Connection observer, int count, Duration timeout)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int waiting = 0;
        while (System.nanoTime() - deadline < 0) {
            try (Statement statement = observer.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                            + "WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
                rs.next();
                waiting = rs.getInt(1);
            }
            if (waiting >= count) {
                return;
            }
            Thread.sleep(50);
        }
        fail("only " + waiting + " of " + count + " connections came to wait on the lock within " + timeout);
    }
}
