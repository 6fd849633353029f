package dev.sessionkit.benchmarks.store;

import static dev.sessionkit.benchmarks.store.Stats.f;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.MaxSessionsPolicy;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.service.SessionService;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.SessionPrincipal;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Target 3: login throughput with a max-sessions limit. {@link SessionService#login} as {@link Sessionkit} builds
 * it on PostgreSQL (standard device detection, validation cache, real clock), once with
 * {@code max-sessions-per-user=5, max-sessions-policy=evict-oldest} and once without a limit, each in its own
 * database. 1, 4 and 16 threads log in as fast as they can:
 * <ul>
 *   <li>{@code own user}: each thread logs in its own user again and again. Under the limit, every login after the
 *       fifth evicts the user's oldest session, so this measures the limit's full steady-state work (lock the user's
 *       row, lock the user's active sessions, end one, insert) without contention between threads.</li>
 *   <li>{@code same user}: all threads log in one user, so under the limit they queue on that user's lock row.</li>
 * </ul>
 * Each instance first warms up for 4 s with 16 threads. Each run warms up again, then counts the logins that complete inside the measured window and their latencies. Runs
 * with and without the limit alternate (the order flips each round), and every run uses new user names, so no run
 * inherits another's sessions. After every limited run the benchmark checks that no user holds more than 5 active
 * sessions.
 */
final class LoginBench {

    static final int LIMIT = 5;
    private static final int[] THREADS = {1, 4, 16};

    private final Postgres pg;
    private final PrintStream out;
    private final int rounds;
    private final Duration warmUp;
    private final Duration window;

    LoginBench(Postgres pg, PrintStream out, int rounds, Duration warmUp, Duration window) {
        this.pg = pg;
        this.out = out;
        this.rounds = rounds;
        this.warmUp = warmUp;
        this.window = window;
    }

    /** One measured run; {@code logins} counts every login of the run, warm-up included. */
    record Run(double perSecond, long p50, long p99, long errors, long logins) {
    }

    /** Per-round figures of one (threads, same user) case, for the summary. */
    record Case(int threads, boolean sameUser, List<Run> unlimited, List<Run> limited, double[] connectionsPerLogin) {
        double[] ratios() {
            double[] r = new double[limited.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = limited.get(i).perSecond() / unlimited.get(i).perSecond();
            }
            return r;
        }
    }

    List<Case> run(String limitedDb, String unlimitedDb) throws SQLException {
        out.println();
        out.println(f("== Target 3: login throughput, max-sessions-per-user=%d (evict-oldest) vs no limit; %d rounds, "
                + "%d s warm-up + %d s measured per run ==", LIMIT, rounds, warmUp.toSeconds(), window.toSeconds()));
        pg.createDatabase(limitedDb);
        pg.createDatabase(unlimitedDb);
        List<Case> cases = new ArrayList<>();
        try (Sessionkit limited = open(limitedDb, LIMIT); Sessionkit unlimited = open(unlimitedDb, 0)) {
            // One longer warm-up per instance first: JIT, device detector rules, both connection pools at full size.
            for (Sessionkit kit : List.of(unlimited, limited)) {
                once(kit, 16, false, "warm-" + (kit == limited ? "lim" : "unl"), Duration.ofSeconds(4),
                        Duration.ofSeconds(1));
            }
            for (int threads : THREADS) {
                for (boolean same : new boolean[] {false, true}) {
                    Case c = new Case(threads, same, new ArrayList<>(), new ArrayList<>(), new double[2]);
                    long[] sessionsBefore = {pg.sessions(unlimitedDb), pg.sessions(limitedDb)};
                    for (int r = 0; r < rounds; r++) {
                        String tag = f("r%d-t%d-%s", r, threads, same ? "same" : "own");
                        boolean limitedFirst = r % 2 == 1;
                        for (int k = 0; k < 2; k++) {
                            boolean isLimited = (k == 0) == limitedFirst;
                            Run run = once(isLimited ? limited : unlimited, threads, same,
                                    tag + (isLimited ? "-lim" : "-unl"), warmUp, window);
                            (isLimited ? c.limited() : c.unlimited()).add(run);
                            if (isLimited) {
                                checkLimit(limitedDb, tag + "-lim");
                            }
                        }
                    }
                    pauseForStatistics();
                    long[] sessionsAfter = {pg.sessions(unlimitedDb), pg.sessions(limitedDb)};
                    for (int i = 0; i < 2; i++) {
                        long logins = (i == 0 ? c.unlimited() : c.limited()).stream().mapToLong(Run::logins).sum();
                        c.connectionsPerLogin()[i] = sessionsBefore[i] < 0 ? Double.NaN
                                : (sessionsAfter[i] - sessionsBefore[i]) / (double) logins;
                    }
                    print(c);
                    cases.add(c);
                }
            }
        }
        return cases;
    }

    private Sessionkit open(String database, int maxPerUser) {
        SessionkitSettings settings = SessionkitSettings.builder().jdbcUrl(pg.url(database)).jdbcUser(pg.user())
                .jdbcPassword(pg.password()).schema(SchemaMode.CREATE).maxSessionsPerUser(maxPerUser)
                .maxSessionsPolicy(MaxSessionsPolicy.EVICT_OLDEST).build();
        return Sessionkit.builder(settings).nodeId("bench-" + database).build();
    }

    private Run once(Sessionkit kit, int threads, boolean same, String tag, Duration warmUp, Duration window) {
        SessionService service = kit.service();
        ClientInfo client = ClientInfo.of("192.0.2.10", Seeder.USER_AGENT);
        long start = System.nanoTime() + warmUp.toNanos();
        long end = start + window.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicLong logins = new AtomicLong();
        AtomicReference<RuntimeException> firstError = new AtomicReference<>();
        Stats.Longs[] latencies = new Stats.Longs[threads];
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Stats.Longs mine = new Stats.Longs();
            latencies[t] = mine;
            String user = same ? tag : tag + "-" + t;
            SessionPrincipal principal = new SessionPrincipal(user, user, Set.of("user"));
            Thread thread = new Thread(() -> {
                try {
                    while (true) {
                        long before = System.nanoTime();
                        if (before >= end) {
                            return;
                        }
                        try {
                            service.login(principal, client);
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e);
                            continue;
                        }
                        logins.incrementAndGet();
                        long after = System.nanoTime();
                        if (after >= start && after < end) {
                            mine.add(after - before);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "login-" + t);
            thread.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (firstError.get() != null) {
            out.println("   first login error in " + tag + ": " + firstError.get());
        }
        Stats.Longs all = new Stats.Longs();
        for (Stats.Longs l : latencies) {
            all.addAll(l);
        }
        long[] sorted = Stats.sorted(all.toArray());
        return new Run(sorted.length / (window.toNanos() / 1e9), Stats.percentile(sorted, 50),
                Stats.percentile(sorted, 99), errors.get(), logins.get());
    }

    /** The limit must hold under concurrency: no user of the run may hold more than LIMIT active sessions. */
    private void checkLimit(String database, String tag) throws SQLException {
        String most = pg.scalar(database, "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM "
                + "sessionkit_session WHERE status = 'active' AND user_id LIKE '" + tag + "%' GROUP BY user_id) x");
        if (Integer.parseInt(most) > LIMIT) {
            throw new IllegalStateException("user of " + tag + " holds " + most + " active sessions");
        }
    }

    private void print(Case c) {
        out.println();
        out.println(f("-- %d thread(s), %s", c.threads(), c.sameUser() ? "all threads the same user"
                : "each thread its own user"));
        out.println(f("   %-9s  %-28s  %-26s  %-26s  %s", "limit", "logins/s median [min–max]", "p50 ms per round",
                "p99 ms per round", "errors"));
        for (boolean limited : new boolean[] {false, true}) {
            List<Run> runs = limited ? c.limited() : c.unlimited();
            out.println(f("   %-9s  %-28s  %-26s  %-26s  %d", limited ? "5, evict" : "none",
                    Stats.spread(runs.stream().mapToDouble(Run::perSecond).toArray(), "%,.0f"),
                    join(runs.stream().mapToLong(Run::p50).toArray()), join(runs.stream().mapToLong(Run::p99).toArray()),
                    runs.stream().mapToLong(Run::errors).sum()));
        }
        out.println(f("   ratio limited / unlimited per round: %s", Stats.spread(c.ratios(), "%.2f")));
        out.println(f("   new PostgreSQL connections per login (pg_stat_database.sessions, all runs of this case): "
                + "no limit %.2f, limit %.2f", c.connectionsPerLogin()[0], c.connectionsPerLogin()[1]));
    }

    /** Backends publish their statistics when they exit; give the ones the pool just closed a moment. */
    private static void pauseForStatistics() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String join(long[] nanos) {
        StringBuilder b = new StringBuilder();
        for (long n : nanos) {
            b.append(b.length() == 0 ? "" : " ").append(f("%.2f", n / 1e6));
        }
        return b.toString();
    }
}
