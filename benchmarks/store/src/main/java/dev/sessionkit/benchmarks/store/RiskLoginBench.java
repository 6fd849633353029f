package dev.sessionkit.benchmarks.store;

import static dev.sessionkit.benchmarks.store.Stats.f;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.device.UserAgentData;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.SessionPrincipal;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;

/**
 * Issue 12's goal: the cost of a sign-in with security monitoring (attempt counts, the account's recent sign-ins and
 * active sessions read, risk signals judged, the sign-in and its signals recorded as events:
 * {@code Sessionkit.security().signIns().signIn}) against a bare one ({@code Sessionkit.service().login}: the
 * session only), on PostgreSQL, each in its own database so neither inherits the other's rows. 1 and 4 threads; each
 * thread signs in its own pool of {@value #USERS_PER_THREAD} users in turn, so every account has a short, realistic
 * history, and comes back in their own browser (so after the first sign-in no signal fires: the common case). The
 * audit stream goes to a file, as in production. No location database: the active-sessions read is then skipped.
 * Runs alternate (the order flips each round). Goal: monitored / bare at most 1.3 in latency, i.e.
 * throughput ratio bare / monitored.
 *
 * <p>An app checks a password before every sign-in; the report also gives the ratio with one bcrypt verification
 * (cost 10, as the demo uses) added to both sides, measured in the same run on one thread.
 */
final class RiskLoginBench {

    private static final int[] THREADS = {1, 4};
    private static final int USERS_PER_THREAD = 2_000;

    private final Postgres pg;
    private final PrintStream out;
    private final int rounds;
    private final Duration warmUp;
    private final Duration window;
    private java.util.logging.Logger audit;

    RiskLoginBench(Postgres pg, PrintStream out, int rounds, Duration warmUp, Duration window) {
        this.pg = pg;
        this.out = out;
        this.rounds = rounds;
        this.warmUp = warmUp;
        this.window = window;
    }

    /** Per-round throughput of both sides at one thread count, and the median latencies. */
    record Case(int threads, List<Double> bare, List<Double> monitored, List<Long> bareP50, List<Long> monitoredP50) {
        double[] ratios() {
            double[] r = new double[bare.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = bare.get(i) / monitored.get(i);
            }
            return r;
        }
    }

    /** The cases, and the median of one bcrypt verification in nanoseconds. */
    record Result(List<Case> cases, long bcryptNanos) {
    }

    /**
     * Sends the audit stream to a file, as production ships it (Filebeat reads a file), instead of the console
     * handler JUL gives by default: console output would be most of what is measured.
     */
    private java.util.logging.Handler auditToFile() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("sessionkit-audit", ".jsonl");
        file.toFile().deleteOnExit();
        // Held in a field: JUL keeps loggers weakly, and a collected one comes back with the console handler.
        audit = java.util.logging.Logger.getLogger("dev.sessionkit.audit");
        java.util.logging.FileHandler handler = new java.util.logging.FileHandler(file.toString());
        handler.setFormatter(new java.util.logging.Formatter() {
            @Override
            public String format(java.util.logging.LogRecord record) {
                return record.getMessage() + System.lineSeparator();
            }
        });
        audit.setUseParentHandlers(false);
        audit.addHandler(handler);
        return handler;
    }

    Result run(String bareDb, String monitoredDb) throws Exception {
        java.util.logging.Handler auditFile = auditToFile();
        out.println();
        out.println(f("== Issue 12: sign-in with risk evaluation vs without; %d rounds, %d s warm-up + %d s measured "
                + "per run ==", rounds, warmUp.toSeconds(), window.toSeconds()));
        pg.createDatabase(bareDb);
        pg.createDatabase(monitoredDb);
        List<Case> cases = new ArrayList<>();
        try (Sessionkit bare = open(bareDb); Sessionkit monitored = open(monitoredDb)) {
            BiConsumer<SessionPrincipal, ClientInfo> plain = (p, c) -> bare.service().login(p, c);
            BiConsumer<SessionPrincipal, ClientInfo> watched = (p, c) -> monitored.security().signIns().signIn(p, c);
            once(plain, 4, "warm-bare", Duration.ofSeconds(4));
            once(watched, 4, "warm-monitored", Duration.ofSeconds(4));
            for (int threads : THREADS) {
                Case c = new Case(threads, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                for (int r = 0; r < rounds; r++) {
                    for (int k = 0; k < 2; k++) {
                        boolean monitoredRun = (k == 0) == (r % 2 == 1);
                        long[] run = once(monitoredRun ? watched : plain, threads,
                                f("r%d-t%d-%s", r, threads, monitoredRun ? "mon" : "bare"), window);
                        (monitoredRun ? c.monitored() : c.bare()).add(run[0] / (window.toNanos() / 1e9));
                        (monitoredRun ? c.monitoredP50() : c.bareP50()).add(run[1]);
                    }
                }
                print(c);
                cases.add(c);
            }
        }
        auditFile.close();
        long bcrypt = bcryptMedian();
        out.println(f("   one bcrypt verification (cost 10), median of 30: %.1f ms", bcrypt / 1e6));
        return new Result(cases, bcrypt);
    }

    private Sessionkit open(String database) {
        SessionkitSettings settings = SessionkitSettings.builder().jdbcUrl(pg.url(database)).jdbcUser(pg.user())
                .jdbcPassword(pg.password()).schema(SchemaMode.CREATE).build();
        return Sessionkit.builder(settings).nodeId("bench-" + database).build();
    }

    /** Runs sign-ins for a warm-up and then the window; returns {count in the window, p50 nanos}. */
    private long[] once(BiConsumer<SessionPrincipal, ClientInfo> signIn, int threads, String tag, Duration measured)
            throws InterruptedException {
        long start = System.nanoTime() + warmUp.toNanos();
        long end = start + measured.toNanos();
        Stats.Longs[] latencies = new Stats.Longs[threads];
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Stats.Longs mine = new Stats.Longs();
            latencies[t] = mine;
            // The same user names every round: accounts keep a history, as real ones do.
            List<SessionPrincipal> users = new ArrayList<>();
            List<ClientInfo> browsers = new ArrayList<>();
            for (int u = 0; u < USERS_PER_THREAD; u++) {
                String name = "t" + t + "-u" + u;
                users.add(new SessionPrincipal(name, name, Set.of("user")));
                // Each user comes back in their own browser: after the first sign-in, no signal fires.
                browsers.add(new ClientInfo("192.0.2.10", UserAgentData.of(Seeder.USER_AGENT),
                        Optional.of("browser-of-" + name)));
            }
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; ; i++) {
                        long before = System.nanoTime();
                        if (before >= end) {
                            return;
                        }
                        signIn.accept(users.get(i % users.size()), browsers.get(i % users.size()));
                        long after = System.nanoTime();
                        if (after >= start && after < end) {
                            mine.add(after - before);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "sign-in-" + tag + "-" + t);
            thread.start();
        }
        done.await();
        Stats.Longs all = new Stats.Longs();
        for (Stats.Longs l : latencies) {
            all.addAll(l);
        }
        long[] sorted = Stats.sorted(all.toArray());
        return new long[] {sorted.length, Stats.percentile(sorted, 50)};
    }

    private static long bcryptMedian() {
        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        byte[] hash = BCrypt.withDefaults().hash(10, password);
        long[] times = new long[30];
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            if (!BCrypt.verifyer().verify(password, hash).verified) {
                throw new IllegalStateException("bcrypt did not verify");
            }
            times[i] = System.nanoTime() - t;
        }
        return Stats.percentile(Stats.sorted(times), 50);
    }

    private void print(Case c) {
        out.println();
        out.println(f("-- %d thread(s), each its own %,d users", c.threads(), USERS_PER_THREAD));
        out.println(f("   bare       sign-ins/s %s, p50 ms %s", Stats.spread(c.bare().stream().mapToDouble(d -> d)
                .toArray(), "%,.0f"), join(c.bareP50())));
        out.println(f("   monitored  sign-ins/s %s, p50 ms %s", Stats.spread(c.monitored().stream()
                .mapToDouble(d -> d).toArray(), "%,.0f"), join(c.monitoredP50())));
        out.println(f("   cost ratio monitored / bare (throughput bare / monitored) per round: %s",
                Stats.spread(c.ratios(), "%.2f")));
    }

    private static String join(List<Long> nanos) {
        StringBuilder b = new StringBuilder();
        for (long n : nanos) {
            b.append(b.length() == 0 ? "" : " ").append(f("%.2f", n / 1e6));
        }
        return b.toString();
    }
}
