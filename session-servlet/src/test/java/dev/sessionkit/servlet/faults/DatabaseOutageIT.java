package dev.sessionkit.servlet.faults;

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
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.testing.RestartablePostgres;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL server stops under load and starts again, with the same Sessionkit running throughout: while it is
 * down every authenticated request is refused with 503 (never let through, never 500, never a hang), and once it
 * accepts connections again the application serves the same sessions by itself within seconds.
 *
 * <p>{@code revocation-latency=PT0S}, so every request asks the store: no answer may come from memory.
 */
class DatabaseOutageIT {

    /**
     * Longest any single answer may take, outage or not: refusing must be quick (EclipseLink's default retries, three
     * of them five seconds apart, made it ~10 s), with room for a busy 2-core machine.
     */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(5);
    /** Longest the application may take to serve again once the database accepts connections. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(15);
    /**
     * How long the database stays down: long enough for every client to be refused many times, and longer than the
     * 10 s log interval, so that each kind of failure is logged twice: once at once, once with a count.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(12);
    /** A password in the JDBC URL (PostgreSQL here trusts local users and ignores it); no log line may show it. */
    private static final String URL_PASSWORD = "url-secret-4711";
    /** Most log lines an outage may cause, stack trace excluded: one per kind of failure per 10 s, and a few more. */
    private static final int MAX_LOG_LINES = 50;
    private static final int READERS = 4;
    /** Clients signing in, using, signing out the moment the database is back: a burst of write transactions. */
    private static final int RECOVERY_CLIENTS = 8;
    /** Sessions an administrator revokes the moment the database is back. */
    private static final int VICTIMS = 4;
    private static final long PROBE_MILLIS = 20;

    private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Store calls the test makes itself (revocations, activity flushes) that failed after the recovery. */
    private final ConcurrentLinkedQueue<String> failedCalls = new ConcurrentLinkedQueue<>();

    @Test
    void anOutageIsRefusedWith503AndTheAppRecoversByItself() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.launch()) {
            String url = postgres.newDatabase();
            SessionkitSettings settings = SessionkitSettings.builder().jdbcUrl(url + "&password=" + URL_PASSWORD)
                    .jdbcUser("postgres")
                    .schema(SchemaMode.CREATE).revocationLatency(Duration.ZERO)
                    // Short, so touches (writes) are part of the load as well as reads.
                    .touchInterval(Duration.ofSeconds(1))
                    .build();
            try (Sessionkit sessionkit = Sessionkit.builder(settings).build();
                    JettyContainer jetty = new JettyContainer();
                    // From here on, everything logged is counted (and kept off the console).
                    LogCapture logs = LogCapture.start()) {
                URI base = jetty.start(new TestApp.FilterSetup.Instance(new SessionFilter(sessionkit, WebSettings.builder().excludePaths(List.of("/login")).build())));
                List<Thread> clients = new ArrayList<>();
                for (int i = 0; i < READERS; i++) {
                    Browser browser = new Browser(base);
                    browser.login("reader-" + i, "user");
                    clients.add(start("reader-" + i, () -> readLoop(browser)));
                }
                clients.add(start("newcomer", () -> loginLoop(base)));
                List<Browser> victims = new ArrayList<>();
                List<SessionId> victimIds = new ArrayList<>();
                for (int i = 0; i < VICTIMS; i++) {
                    Browser victim = new Browser(base);
                    victimIds.add(SessionId.parse(victim.login("victim-" + i, "user")).orElseThrow());
                    victims.add(victim);
                }

                awaitExchanges("every client served while the database is up", Duration.ofSeconds(15),
                        e -> e.status() == 200, READERS * 3);
                long stopping = System.nanoTime();
                postgres.stop();
                long down = System.nanoTime();
                AtomicLong accepting = new AtomicLong();
                Thread prober = start("prober", () -> probe(url, accepting));
                awaitExchanges("requests refused while the database is down", OUTAGE.plusSeconds(10),
                        e -> e.startedAfter(down), READERS * 5);
                long sinceDown = System.nanoTime() - down;
                if (sinceDown < OUTAGE.toNanos()) {
                    // The outage lasts a fixed time so that clients meet it many times; nothing waits on this.
                    Thread.sleep(Duration.ofNanos(OUTAGE.toNanos() - sinceDown).toMillis());
                }
                long restarting = System.nanoTime();
                postgres.start();
                prober.join(ANSWER_BOUND.toMillis());
                assertTrue(accepting.get() != 0, "the prober saw the database accept connections again");
                long ready = accepting.get();
                // At once, no grace period, the load still running: every kind of write must work on its first try.
                recoverySteps(base, sessionkit, victims, victimIds);
                Exchange firstServed = awaitFirst("an authenticated request served after the restart",
                        RECOVERY_BOUND.plus(ANSWER_BOUND),
                        e -> e.kind().equals("app") && e.status() == 200 && e.startedAfter(restarting));
                awaitExchanges("a new login and its first request served after the restart", Duration.ofSeconds(15),
                        e -> e.kind().equals("newcomer-app") && e.status() == 200 && e.startedAfter(ready), 1);
                long recovered = System.nanoTime();
                awaitExchanges("more requests after the recovery", Duration.ofSeconds(10),
                        e -> e.startedAfter(recovered), READERS * 5);
                // The store says it is back once a call works after a quiet second; the load is still running.
                boolean backLogged = logs.awaitMessage("Session store is back after", Duration.ofSeconds(10));
                running.set(false);
                logs.close();
                for (Thread client : clients) {
                    client.join(ANSWER_BOUND.plusSeconds(15).toMillis());
                }

                report(stopping, down, restarting, ready, firstServed, recovered);
                reportLogs(logs);
                assertOutcome(stopping, down, restarting, ready, firstServed, recovered);
                assertTrue(backLogged, "the store logged that it is back");
                assertReadableLogs(logs);
            }
        }
    }

    private void assertOutcome(long stopping, long down, long restarting, long ready, Exchange firstServed,
            long recovered) {
        List<Exchange> all = List.copyOf(exchanges);
        List<Exchange> slow = all.stream().filter(e -> e.latency().compareTo(ANSWER_BOUND) > 0).toList();
        assertTrue(slow.isEmpty(), "every answer within " + ANSWER_BOUND + ", also while the database is down: "
                + slow);
        List<Exchange> broken = all.stream().filter(e -> e.status() < 0 || e.status() >= 500 && e.status() != 503)
                .toList();
        assertTrue(broken.isEmpty(), "no 500s and no dropped connections: " + broken);

        List<Exchange> before = all.stream().filter(e -> e.endedBefore(stopping)).toList();
        assertTrue(before.stream().allMatch(e -> e.status() == 200), "all served before the stop: " + before);

        // Sent after the server was down and answered before it was started again: the store could not answer.
        List<Exchange> duringOutage = all.stream().filter(e -> e.startedAfter(down) && e.endedBefore(restarting))
                .toList();
        List<Exchange> notRefused = duringOutage.stream().filter(e -> !e.isOutageAnswer()).toList();
        assertTrue(notRefused.isEmpty(), "while the database is down every request (authenticated or a login) "
                + "gets 503 problem+json with Retry-After, never a pass: " + notRefused);
        assertTrue(duringOutage.stream().filter(e -> e.kind().equals("app")).count() >= READERS * 3L,
                "the outage was met by the authenticated clients: " + duringOutage.size());
        assertTrue(duringOutage.stream().anyMatch(e -> e.kind().equals("login")),
                "the outage was met by a login too: " + duringOutage);

        Duration recovery = Duration.ofNanos(Math.max(0, firstServed.ended() - ready));
        assertTrue(recovery.compareTo(RECOVERY_BOUND) <= 0, "served again within " + RECOVERY_BOUND
                + " of the database accepting connections, took " + recovery);
        // Once recovered, it stays recovered: stale pooled connections must not keep failing requests.
        List<Exchange> after = all.stream().filter(e -> e.startedAfter(recovered)).toList();
        assertTrue(after.stream().allMatch(e -> e.status() == 200), "all served after the recovery: "
                + after.stream().filter(e -> e.status() != 200).toList());

        // From the instant the database accepts connections again: nothing fails, not even the first write.
        List<Exchange> sinceReady = all.stream().filter(e -> e.startedAfter(ready)).toList();
        List<Exchange> failedSinceReady = sinceReady.stream().filter(e -> e.status() != expectedStatus(e)).toList();
        assertTrue(failedSinceReady.isEmpty(), "no request failed once the database accepted connections again ("
                + sinceReady.size() + " sent since): " + failedSinceReady);
        assertTrue(failedCalls.isEmpty(), "no revocation or activity write failed once the database accepted "
                + "connections again: " + List.copyOf(failedCalls));
        for (String kind : List.of("recovery-login", "recovery-app", "recovery-end-others", "recovery-logout",
                "recovery-after-logout", "victim-app")) {
            assertTrue(sinceReady.stream().anyMatch(e -> e.kind().equals(kind)), "the recovery steps sent " + kind);
        }
    }

    private static void reportLogs(LogCapture logs) {
        System.out.printf("  the outage logged %d lines, %d stack traces, %d lines on System.out/err:%n",
                logs.messageLines().size(), logs.stackTraces().size(), logs.streamLines().size());
        logs.messageLines().forEach(line -> System.out.println("    | " + line));
    }

    /**
     * During the outage and its recovery, the log stays readable: a bounded number of lines (one per kind of failure
     * per 10 s, with a count of the ones held back), at most one stack trace, one line saying the store is back, and
     * never the password of the JDBC URL.
     */
    private static void assertReadableLogs(LogCapture logs) {
        List<String> lines = new ArrayList<>(logs.messageLines());
        lines.addAll(logs.streamLines());
        assertTrue(lines.size() < MAX_LOG_LINES, "fewer than " + MAX_LOG_LINES + " log lines for a "
                + OUTAGE.toSeconds() + " s outage under load, stack trace excluded: " + lines.size() + "\n"
                + String.join("\n", lines));
        assertTrue(logs.stackTraces().size() <= 1, "at most one stack trace per outage: "
                + logs.stackTraces().size());
        assertTrue(logs.streamLines().stream().noneMatch(line -> line.matches("\\s+at .*")),
                "no stack trace printed on System.out/err: " + logs.streamLines());
        assertTrue(lines.stream().anyMatch(line -> line.matches(".*\\d+ more like it.*")),
                "a repeated failure is logged with the count of the ones held back: " + lines);
        assertTrue(lines.stream().filter(line -> line.contains("Session store is back after")).count() == 1,
                "one line says the store is back: " + lines);
        List<String> everything = new ArrayList<>(lines);
        everything.addAll(logs.stackTraces());
        assertTrue(everything.stream().noneMatch(text -> text.contains(URL_PASSWORD)),
                "the JDBC URL's password is never logged");
    }

    /** What each kind of request must answer when the store works. */
    private static int expectedStatus(Exchange exchange) {
        return switch (exchange.kind()) {
            case "recovery-logout" -> 204;
            case "recovery-after-logout", "victim-app" -> 401;
            default -> 200;
        };
    }

    /**
     * The moment the database is back: {@link #RECOVERY_CLIENTS} new users at once sign in, use the session, sign
     * out their other sessions and sign out (each a write transaction, together more than the pool's hot
     * connections); an administrator revokes {@link #VICTIMS} sessions, whose next requests are refused; buffered
     * activity is written. Each step runs once: a failure is recorded, never retried.
     */
    private void recoverySteps(URI base, Sessionkit sessionkit, List<Browser> victims, List<SessionId> victimIds)
            throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> steps = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CLIENTS; i++) {
            String user = "recovering-" + i;
            steps.add(start(user, () -> {
                awaitQuietly(go);
                signInUseAndSignOut(new Browser(base), user);
            }));
        }
        steps.add(start("admin", () -> {
            awaitQuietly(go);
            for (SessionId id : victimIds) {
                try {
                    if (sessionkit.service().end(id, EndReason.REVOKED_BY_ADMIN).isEmpty()) {
                        failedCalls.add("revoking " + id.value() + " found no active session");
                    }
                } catch (RuntimeException e) {
                    failedCalls.add("revoking " + id.value() + ": " + e);
                }
            }
            for (Browser victim : victims) {
                long started = System.nanoTime();
                exchanges.add(Exchange.of("victim-app", "victim", started,
                        victim.get("/app/x", "Accept", "application/json")));
            }
        }));
        steps.add(start("activity", () -> {
            awaitQuietly(go);
            try {
                sessionkit.flushActivity();
            } catch (RuntimeException e) {
                failedCalls.add("writing buffered activity: " + e);
            }
        }));
        go.countDown();
        for (Thread step : steps) {
            step.join(ANSWER_BOUND.multipliedBy(6).toMillis());
        }
    }

    private void signInUseAndSignOut(Browser browser, String user) {
        String step = "recovery-login";
        long started = System.nanoTime();
        try {
            HttpResponse<String> login = browser.post("/login", Map.of("username", user, "roles", "user"));
            exchanges.add(Exchange.of(step, user, started, login));
            if (login.statusCode() != 200) {
                return;
            }
            step = "recovery-app";
            started = System.nanoTime();
            exchanges.add(Exchange.of(step, user, started, browser.get("/app/x", "Accept", "application/json")));
            step = "recovery-end-others";
            started = System.nanoTime();
            exchanges.add(Exchange.of(step, user, started, browser.post("/app/end-others", Map.of())));
            step = "recovery-logout";
            started = System.nanoTime();
            exchanges.add(Exchange.of(step, user, started, browser.post("/logout", Map.of())));
            step = "recovery-after-logout";
            started = System.nanoTime();
            exchanges.add(Exchange.of(step, user, started, browser.get("/app/x", "Accept", "application/json")));
        } catch (RuntimeException e) {
            exchanges.add(Exchange.failed(step, user, started, e));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void report(long stopping, long down, long restarting, long ready, Exchange firstServed,
            long recovered) {
        List<Exchange> all = List.copyOf(exchanges);
        List<Exchange> refused = all.stream().filter(e -> e.status() == 503).toList();
        List<Long> refusedMillis = refused.stream().map(e -> e.latency().toMillis()).sorted().toList();
        System.out.printf("Database outage: stop took %d ms, down for %d ms, accepting connections %d ms after "
                + "the start began%n", millis(down - stopping), millis(restarting - down),
                millis(ready - restarting));
        System.out.printf("  %d requests in all, %d answered 503 (%d authenticated, %d logins); 503 latency "
                + "median %d ms, max %d ms%n", all.size(), refused.size(),
                refused.stream().filter(e -> e.kind().equals("app")).count(),
                refused.stream().filter(e -> e.kind().equals("login")).count(),
                refusedMillis.isEmpty() ? -1 : refusedMillis.get(refusedMillis.size() / 2),
                refusedMillis.isEmpty() ? -1 : refusedMillis.get(refusedMillis.size() - 1));
        System.out.printf("  recovery: first authenticated 200 came %d ms after the database accepted connections "
                + "again (probed every %d ms)%n", Math.max(0, millis(firstServed.ended() - ready)), PROBE_MILLIS);
        Map<Integer, Long> statusesAfterStart = all.stream().filter(e -> e.startedAfter(restarting))
                .filter(Predicate.not(e -> e.startedAfter(recovered)))
                .collect(Collectors.groupingBy(Exchange::status, Collectors.counting()));
        System.out.println("  statuses between restart and recovery: " + statusesAfterStart);
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.start();
        return thread;
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    /**
     * Tries a plain JDBC connection and {@code SELECT 1} until one works, and records when: the moment the database
     * accepted connections again, which the recovery time is counted from.
     */
    private static void probe(String url, AtomicLong accepting) {
        while (!Thread.currentThread().isInterrupted()) {
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                accepting.set(System.nanoTime());
                return;
            } catch (SQLException refused) {
                try {
                    Thread.sleep(PROBE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** A signed-in client: GETs a protected page as an API client would, again and again. */
    private void readLoop(Browser browser) {
        String name = Thread.currentThread().getName();
        while (running.get()) {
            long started = System.nanoTime();
            try {
                exchanges.add(Exchange.of("app", name, started, browser.get("/app/x", "Accept", "application/json")));
            } catch (RuntimeException e) {
                exchanges.add(Exchange.failed("app", name, started, e));
            }
            pace();
        }
    }

    /** New users signing in, each using the new session at once. */
    private void loginLoop(URI base) {
        AtomicInteger count = new AtomicInteger();
        while (running.get()) {
            Browser browser = new Browser(base);
            String user = "newcomer-" + count.incrementAndGet();
            long started = System.nanoTime();
            try {
                HttpResponse<String> login = browser.post("/login", Map.of("username", user, "roles", "user"));
                exchanges.add(Exchange.of("login", user, started, login));
                if (login.statusCode() == 200) {
                    long next = System.nanoTime();
                    exchanges.add(Exchange.of("newcomer-app", user, next,
                            browser.get("/app/x", "Accept", "application/json")));
                }
            } catch (RuntimeException e) {
                exchanges.add(Exchange.failed("login", user, started, e));
            }
            pace();
        }
    }

    /** A short gap between one client's requests, so a refused request does not become a busy loop. */
    private static void pace() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitExchanges(String what, Duration timeout, Predicate<Exchange> matching, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (exchanges.stream().filter(matching).count() < count) {
            if (System.nanoTime() - deadline > 0) {
                running.set(false);
                fail("timed out waiting for " + what + "; last exchanges: " + last(20));
            }
            Thread.sleep(25);
        }
    }

    private Exchange awaitFirst(String what, Duration timeout, Predicate<Exchange> matching)
            throws InterruptedException {
        awaitExchanges(what, timeout, matching, 1);
        Optional<Exchange> first = exchanges.stream().filter(matching).min(Comparator.comparingLong(Exchange::ended));
        return first.orElseThrow();
    }

    private List<Exchange> last(int n) {
        List<Exchange> all = List.copyOf(exchanges);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }
}
