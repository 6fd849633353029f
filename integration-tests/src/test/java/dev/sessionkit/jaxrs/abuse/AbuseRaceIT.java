package dev.sessionkit.jaxrs.abuse;

import static dev.sessionkit.jaxrs.abuse.AbuseRig.BID;
import static dev.sessionkit.jaxrs.abuse.AbuseRig.SID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.MaxSessionsPolicy;
import dev.sessionkit.jaxrs.abuse.AbuseRig.Login;
import dev.sessionkit.testing.PostgresServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Races over real HTTP on PostgreSQL: a thousand concurrent logins of one user against
 * {@code max-sessions-per-user=5} with {@code reject} (and a smaller storm with {@code evict-oldest}), watched by
 * concurrent readers; and a logout in the middle of a storm of requests carrying the same cookie. Counted in an
 * {@link AbuseLedger} like {@link AbuseIT}.
 */
@ExtendWith(PostgresServer.Resolver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbuseRaceIT {

    private static final int LIMIT = 5;
    /** The storm the brief asks for, against the policy with a documented refusal. */
    private static final int LOGINS = 1000;
    /** Evicting logins commit, so each costs more under the user's lock: a smaller storm keeps the suite quick. */
    private static final int EVICTING_LOGINS = 300;

    private final AbuseLedger ledger = new AbuseLedger("AbuseRaceIT", List.of(SID, BID));
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(20)).build();
    private LogCapture logs;
    private AbuseRig rejecting;
    private AbuseRig evicting;

    @BeforeAll
    void start(PostgresServer postgres) throws Exception {
        logs = LogCapture.install();
        // touch-interval 0: every request writes, so the logout race is between writes, not a write and a read.
        rejecting = AbuseRig.start(postgres, ledger, settings -> settings.maxSessionsPerUser(LIMIT)
                .maxSessionsPolicy(MaxSessionsPolicy.REJECT).touchInterval(Duration.ZERO));
        evicting = AbuseRig.start(postgres, ledger, settings -> settings.maxSessionsPerUser(LIMIT)
                .maxSessionsPolicy(MaxSessionsPolicy.EVICT_OLDEST));
    }

    @AfterAll
    void finish() throws Exception {
        List<AbuseRig> rigs = new ArrayList<>();
        if (rejecting != null) {
            rigs.add(rejecting);
        }
        if (evicting != null) {
            rigs.add(evicting);
        }
        if (rigs.isEmpty()) {
            logs.close();
            return;
        }
        AbuseRig.finish(ledger, logs, rigs.toArray(AbuseRig[]::new));
    }

    // ---- a thousand logins against the limit ------------------------------------------------------------------

    @Test
    void aThousandConcurrentLoginsUnderRejectGiveExactlyTheLimitAndDocumentedRefusals() throws Exception {
        Storm storm = storm(rejecting, "racer", LOGINS);

        assertEquals(LIMIT, storm.byStatus().getOrDefault(200, 0), "logins that got in: " + storm.byStatus());
        // The rest got the documented refusal (409), or were shed (503 + Retry-After, checked by the ledger) when
        // the queue on the user's lock row outlasted the store's bounded wait for a connection.
        assertEquals(LOGINS - LIMIT, storm.byStatus().getOrDefault(409, 0) + storm.byStatus().getOrDefault(503, 0),
                "the rest were refused: " + storm.byStatus());
        assertTrue(storm.byStatus().getOrDefault(409, 0) >= (LOGINS - LIMIT) / 2,
                "most were refused by the limit, not shed: " + storm.byStatus());
        assertEquals(LIMIT, rejecting.activeCount("racer"));
        assertEquals(LIMIT, rejecting.count("SELECT count(*) FROM sessionkit_session WHERE user_id = 'racer'"),
                "refused logins left no row behind");
        for (Login winner : storm.winners()) {
            rejecting.okGet(winner, "/api/sessions/current");
        }
    }

    @Test
    void aThousandConcurrentLoginsUnderEvictOldestKeepTheLimitAndEveryEvictedTokenIsDead() throws Exception {
        Storm storm = storm(evicting, "evictee", EVICTING_LOGINS);

        // One user's logins queue on that user's lock row. Whoever cannot get a database connection within the
        // store's bounded wait is shed with 503 + Retry-After (the ledger checks that shape); all others succeed.
        int succeeded = storm.byStatus().getOrDefault(200, 0);
        assertEquals(EVICTING_LOGINS, succeeded + storm.byStatus().getOrDefault(503, 0),
                "every login succeeds or is shed: " + storm.byStatus());
        assertTrue(succeeded >= EVICTING_LOGINS / 2, "most logins succeed: " + storm.byStatus());
        assertEquals(LIMIT, evicting.activeCount("evictee"));
        assertEquals(succeeded - LIMIT, evicting.count("SELECT count(*) FROM sessionkit_session "
                + "WHERE user_id = 'evictee' AND end_reason = 'evicted-by-limit'"));
        Set<String> active = evicting.activeIds();
        int alive = 0;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reply>> replays = new ArrayList<>();
            for (Login login : storm.winners()) {
                boolean survivor = active.contains(login.id());
                alive += survivor ? 1 : 0;
                Req req = Req.get("/api/sessions/current").cookie(login.cookie()).label("evicted token replayed");
                replays.add(pool.submit(() -> survivor ? evicting.send(req) : evicting.hostile(req)));
            }
            for (Future<Reply> replay : replays) {
                int status = replay.get(60, TimeUnit.SECONDS).status();
                assertTrue(status == 200 || status == 401, "status " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(LIMIT, alive, "exactly the survivors are active");
    }

    /** What a storm of concurrent logins of one user gave. */
    record Storm(Map<Integer, Integer> byStatus, List<Login> winners) {
    }

    /**
     * Fires logins of one user all at once (java.net.http, all in flight together) while two readers watch the
     * user's active sessions, one in the database and one through the admin API; fails if either ever sees more
     * than {@link #LIMIT}.
     */
    private Storm storm(AbuseRig rig, String user, int logins) throws Exception {
        Login watcher = rig.login("watcher-of-" + user, "user,sessionkit-admin");
        AtomicBoolean storming = new AtomicBoolean(true);
        AtomicLong dbMax = new AtomicLong();
        AtomicLong apiMax = new AtomicLong();
        AtomicInteger dbReads = new AtomicInteger();
        AtomicInteger apiReads = new AtomicInteger();
        ExecutorService observers = Executors.newFixedThreadPool(2);
        Future<?> db = observers.submit(() -> {
            // One connection for all reads: a new one per read would fork a PostgreSQL backend each time.
            try (Connection c = rig.db(); PreparedStatement count = c.prepareStatement(
                    "SELECT count(*) FROM sessionkit_session WHERE user_id = ? AND status = 'active'")) {
                count.setString(1, user);
                while (storming.get()) {
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        dbMax.accumulateAndGet(rs.getLong(1), Math::max);
                    }
                    dbReads.incrementAndGet();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // pacing, not synchronisation
                }
            }
            return null;
        });
        Future<?> api = observers.submit(() -> {
            while (storming.get()) {
                Reply reply = rig.send(Req.get("/api/admin/sessions?status=active&size=200&user=" + user)
                        .cookie(watcher.cookie()));
                assertEquals(200, reply.status(), reply.toString());
                apiMax.accumulateAndGet(reply.json().get("total").asLong(), Math::max);
                apiReads.incrementAndGet();
            }
        });

        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> pendingLogins = new ArrayList<>();
        HttpRequest login = HttpRequest.newBuilder(rig.base.resolve("/login")).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(AbuseRig.form(user, "user"))).build();
        for (int i = 0; i < logins; i++) {
            pendingLogins.add(client.sendAsync(login, HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        List<Login> winners = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> pending : pendingLogins) {
            HttpResponse<String> response = pending.get(120, TimeUnit.SECONDS);
            Reply reply = toReply(response);
            ledger.recordUnderOverload("concurrent login of " + user, reply);
            byStatus.merge(reply.status(), 1, Integer::sum);
            if (reply.status() == 200) {
                winners.add(new Login(user, reply.body(), reply.setCookie(SID).orElseThrow()));
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        storming.set(false);
        db.get(30, TimeUnit.SECONDS);
        api.get(30, TimeUnit.SECONDS);
        observers.shutdown();

        System.out.printf("Login storm of %s: %s in %d ms; the database was read %d times and the API %d times "
                + "while it lasted, most active sessions seen %d and %d%n", user, byStatus, millis, dbReads.get(),
                apiReads.get(), dbMax.get(), apiMax.get());
        if (dbMax.get() > LIMIT || apiMax.get() > LIMIT) {
            ledger.falseAccept(user + " held " + Math.max(dbMax.get(), apiMax.get()) + " active sessions");
        }
        assertTrue(dbMax.get() <= LIMIT, "never more than the limit in the database: " + dbMax.get());
        assertTrue(apiMax.get() <= LIMIT, "never more than the limit through the API: " + apiMax.get());
        assertTrue(dbReads.get() > 0 && apiReads.get() > 0, "the readers really ran during the storm");
        assertEquals(logins, byStatus.values().stream().mapToInt(Integer::intValue).sum());
        return new Storm(byStatus, winners);
    }

    private static Reply toReply(HttpResponse<String> response) {
        List<String[]> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(new String[] {name, v})));
        return new Reply(response.statusCode(), headers, response.body());
    }

    // ---- logout against requests in flight --------------------------------------------------------------------

    @Test
    void onceLogoutHasAnsweredNoRequestStartedLaterIsServed() throws Exception {
        Login target = rejecting.login("race-logout", "user,sessionkit-admin");
        List<Req> mix = List.of(Req.get("/api/sessions/current"), Req.get("/api/sessions"),
                Req.get("/api/sessions/count"), Req.get("/api/sessions/history"), Req.get("/app/x"),
                Req.delete("/api/sessions?scope=others").proof(), Req.get("/api/admin/stats"));
        int workers = 12;
        int afterEach = 25;
        AtomicLong logoutAnsweredAt = new AtomicLong(Long.MAX_VALUE);
        CountDownLatch warmedUp = new CountDownLatch(60);
        AtomicInteger servedBefore = new AtomicInteger();
        AtomicInteger sentAfter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int offset = w;
            running.add(pool.submit(() -> {
                int after = 0;
                for (int i = offset; after < afterEach; i++) {
                    Req template = mix.get(i % mix.size());
                    Req req = Req.method(template.method, template.target).cookie(target.cookie())
                            .label("racing logout: " + template.label);
                    template.headers.stream().filter(h -> !h[0].equals("Accept"))
                            .forEach(h -> req.header(h[0], h[1]));
                    // Decided before sending: a request that starts after logout answered must not be served.
                    boolean startsAfterLogout = System.nanoTime() > logoutAnsweredAt.get();
                    if (startsAfterLogout) {
                        Reply reply = rejecting.hostile(req);
                        assertEquals(401, reply.status(), () -> req.label() + " -> " + reply);
                        after++;
                        sentAfter.incrementAndGet();
                    } else {
                        Reply reply = rejecting.send(req);
                        assertTrue(reply.status() == 200 || reply.status() == 401, () -> req.label() + " -> "
                                + reply);
                        if (reply.passed()) {
                            servedBefore.incrementAndGet();
                            warmedUp.countDown();
                        }
                    }
                }
                return null;
            }));
        }
        assertTrue(warmedUp.await(60, TimeUnit.SECONDS), "the request storm got going");
        rejecting.clock.advance(Duration.ofMinutes(1));
        Reply logout = rejecting.send(Req.post("/logout", "").cookie(target.cookie()));
        logoutAnsweredAt.set(System.nanoTime());
        assertEquals(204, logout.status());
        // Any activity recorded from now on would carry a later time than the end.
        rejecting.clock.advance(Duration.ofMinutes(1));
        for (Future<?> worker : running) {
            worker.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        System.out.printf("Logout race: %d requests served before the logout, %d started after it%n",
                servedBefore.get(), sentAfter.get());
        assertEquals(workers * afterEach, sentAfter.get());
        assertEquals("ended:logout", rejecting.state(target.id()));
        assertEquals(0, rejecting.count("SELECT count(*) FROM sessionkit_session WHERE user_id = 'race-logout' "
                + "AND (last_accessed_at > ended_at OR status = 'active')"), "no activity recorded after the end");
    }
}
