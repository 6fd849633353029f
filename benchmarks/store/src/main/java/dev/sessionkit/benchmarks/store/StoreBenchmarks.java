package dev.sessionkit.benchmarks.store;

import static dev.sessionkit.benchmarks.store.Stats.f;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Store-level benchmarks of issue 6 on a real PostgreSQL server: validation cost against the number of stored
 * sessions, cleanup throughput and lock times, login throughput with a session limit. {@code run.sh} starts a
 * private server and runs this once; see README.md.
 *
 * <p>Usage: {@code java -jar store-benchmarks.jar --jdbc jdbc:postgresql://127.0.0.1:PORT/ [options]}; options are
 * listed by {@code --help}. Every database it creates is named {@code skbench_*} and dropped at the end.
 */
public final class StoreBenchmarks {

    private static final Map<String, String> DEFAULTS = new java.util.LinkedHashMap<>();

    static {
        DEFAULTS.put("jdbc", "");
        DEFAULTS.put("user", "bench");
        DEFAULTS.put("password", "");
        DEFAULTS.put("parts", "validation,cleanup,login,risk");
        DEFAULTS.put("large-rows", "1000000");
        DEFAULTS.put("small-rows", "1000");
        DEFAULTS.put("validation-rounds", "30");
        DEFAULTS.put("validation-ops", "1000");
        DEFAULTS.put("hit-ops", "20000");
        DEFAULTS.put("cleanup-cap", "40");
        DEFAULTS.put("batch-sizes", "500,2000,5000");
        DEFAULTS.put("login-rounds", "3");
        DEFAULTS.put("login-warmup", "1");
        DEFAULTS.put("login-seconds", "3");
    }

    private StoreBenchmarks() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param args {@code --name value} pairs, see {@code --help}
     * @throws Exception when the server cannot be reached or a check fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            if (key.equals("help") || !DEFAULTS.containsKey(key) || i + 1 >= args.length) {
                System.err.println("usage: java -jar store-benchmarks.jar --jdbc jdbc:postgresql://HOST:PORT/ "
                        + "[--name value]...\noptions and defaults: " + DEFAULTS);
                System.exit(key.equals("help") ? 0 : 2);
            }
            o.put(key, args[++i]);
        }
        if (o.get("jdbc").isEmpty()) {
            System.err.println("--jdbc is required, e.g. jdbc:postgresql://127.0.0.1:5432/");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Postgres pg = new Postgres(o.get("jdbc"), o.get("user"), o.get("password"));
        Set<String> parts = Set.of(o.get("parts").split(","));
        int large = Integer.parseInt(o.get("large-rows"));
        int small = Integer.parseInt(o.get("small-rows"));
        int[] batches = Arrays.stream(o.get("batch-sizes").split(",")).mapToInt(Integer::parseInt).toArray();
        long started = System.nanoTime();

        out.println(f("Sessionkit store benchmarks on PostgreSQL, %s", Instant.now().truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS)));
        out.println(f("JVM: %s %s, %d cores, max heap %d MiB; options: %s", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, o.entrySet().stream().filter(e -> !e.getKey().equals("jdbc")
                        && !e.getKey().equals("password")).sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + " " + b).orElse("")));
        pg.dropLeftovers();
        out.println("Server:");
        for (String line : pg.describe()) {
            out.println("  " + line);
        }
        commitLatency(pg, out);

        boolean statements = pg.enableStatements();
        out.println("  per-statement server times: " + (statements ? "pg_stat_statements" : "not available (the "
                + "server does not preload pg_stat_statements)"));

        String salt = Long.toString(new SplittableRandom().nextLong() & Long.MAX_VALUE, 36);
        String activeDb = Postgres.PREFIX + "active";
        String endedDb = Postgres.PREFIX + "ended";
        if (parts.contains("validation") || parts.contains("cleanup")) {
            uptime(out);
            double seconds = Seeder.seed(pg, activeDb, large, salt, false);
            out.println(f("Seeded %,d active sessions into %s in %.1f s (INSERT … SELECT generate_series, indexes "
                    + "built after, VACUUM ANALYZE)", large, activeDb, seconds));
        }
        if (parts.contains("cleanup")) {
            double seconds = Seeder.seed(pg, endedDb, large, salt, true);
            out.println(f("Seeded %,d ended sessions into %s in %.1f s", large, endedDb, seconds));
        }

        List<ValidationBench.Result> validation = List.of();
        if (parts.contains("validation")) {
            String smallDb = Postgres.PREFIX + "small";
            double seconds = Seeder.seed(pg, smallDb, small, salt, false);
            out.println(f("Seeded %,d active sessions into %s in %.1f s", small, smallDb, seconds));
            uptime(out);
            validation = new ValidationBench(pg, salt, out, Integer.parseInt(o.get("validation-rounds")),
                    Integer.parseInt(o.get("validation-ops")), Integer.parseInt(o.get("hit-ops")))
                    .run(smallDb, small, activeDb, large);
            pg.dropDatabase(smallDb);
            uptime(out);
        }

        List<CleanupBench.Phase> cleanup = new ArrayList<>();
        if (parts.contains("cleanup")) {
            CleanupBench bench = new CleanupBench(pg, out, Duration.ofSeconds(Long.parseLong(o.get("cleanup-cap"))),
                    statements);
            // Every run works on fresh file copies of the two seeded databases, made just before it.
            String active = Postgres.PREFIX + "clean_active";
            String ended = Postgres.PREFIX + "clean_ended";
            for (int i = -1; i < batches.length; i++) {
                long t = System.nanoTime();
                pg.cloneDatabase(activeDb, active);
                pg.cloneDatabase(endedDb, ended);
                out.println();
                out.println(f("(copied both seeded databases in %.1f s)", (System.nanoTime() - t) / 1e9));
                uptime(out);
                cleanup.addAll(i < 0 ? bench.runSessionkit(active, ended, large)
                        : bench.runBatchSize(active, ended, large, batches[i]));
                pg.dropDatabase(active);
                pg.dropDatabase(ended);
            }
            pg.dropDatabase(endedDb);
        }
        pg.dropDatabase(activeDb);

        List<LoginBench.Case> login = List.of();
        if (parts.contains("login")) {
            uptime(out);
            String limitedDb = Postgres.PREFIX + "login_limited";
            String unlimitedDb = Postgres.PREFIX + "login_unlimited";
            login = new LoginBench(pg, out, Integer.parseInt(o.get("login-rounds")),
                    Duration.ofSeconds(Long.parseLong(o.get("login-warmup"))),
                    Duration.ofSeconds(Long.parseLong(o.get("login-seconds")))).run(limitedDb, unlimitedDb);
            pg.dropDatabase(limitedDb);
            pg.dropDatabase(unlimitedDb);
        }

        RiskLoginBench.Result risk = null;
        if (parts.contains("risk")) {
            uptime(out);
            risk = new RiskLoginBench(pg, out, Integer.parseInt(o.get("login-rounds")),
                    Duration.ofSeconds(Long.parseLong(o.get("login-warmup"))),
                    Duration.ofSeconds(Long.parseLong(o.get("login-seconds"))))
                    .run(Postgres.PREFIX + "risk_bare", Postgres.PREFIX + "risk_monitored");
            pg.dropDatabase(Postgres.PREFIX + "risk_bare");
            pg.dropDatabase(Postgres.PREFIX + "risk_monitored");
        }

        uptime(out);
        summary(out, validation, cleanup, login, small, large);
        if (risk != null) {
            riskSummary(out, risk);
        }
        out.println();
        out.println(f("took %.0f s", (System.nanoTime() - started) / 1e9));
    }

    private static void riskSummary(PrintStream out, RiskLoginBench.Result risk) {
        out.println();
        out.println("Issue 12: sign-in cost with risk evaluation / without (throughput ratio; goal ≤ 1.3)");
        for (RiskLoginBench.Case c : risk.cases()) {
            double ratio = Stats.median(c.ratios());
            double bareMs = Stats.median(c.bareP50().stream().mapToDouble(n -> n / 1e6).toArray());
            double monitoredMs = Stats.median(c.monitoredP50().stream().mapToDouble(n -> n / 1e6).toArray());
            double bcryptMs = risk.bcryptNanos() / 1e6;
            out.println(f("  %d thread(s): %s, p50 %.2f vs %.2f ms; with a bcrypt check (%.1f ms) on both sides "
                    + "%.3f  %s", c.threads(), Stats.spread(c.ratios(), "%.2f"), monitoredMs, bareMs, bcryptMs,
                    (bcryptMs + monitoredMs) / (bcryptMs + bareMs), ratio <= 1.3 ? "met" : "NOT met without bcrypt"));
        }
    }

    /**
     * What one commit costs on this server: 200 single-row INSERTs, each its own transaction. With fsync on and
     * synchronous_commit on, every commit waits for the WAL to reach the disk, so this is the floor under every
     * write transaction of the store.
     */
    private static void commitLatency(Postgres pg, PrintStream out) throws Exception {
        String db = Postgres.PREFIX + "probe";
        pg.createDatabase(db);
        try (Connection c = pg.connect(db)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE probe (x int)");
            }
            long[] nanos = new long[200];
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO probe VALUES (?)")) {
                for (int i = 0; i < nanos.length; i++) {
                    long t = System.nanoTime();
                    insert.setInt(1, i);
                    insert.executeUpdate();
                    nanos[i] = System.nanoTime() - t;
                }
            }
            long[] sorted = Stats.sorted(nanos);
            out.println(f("  commit of a 1-row INSERT (autocommit, 200 times): p50 %s ms, p99 %s ms",
                    Stats.ms(Stats.percentile(sorted, 50)), Stats.ms(Stats.percentile(sorted, 99))));
        }
        pg.dropDatabase(db);
    }

    private static void summary(PrintStream out, List<ValidationBench.Result> validation,
            List<CleanupBench.Phase> cleanup, List<LoginBench.Case> login, int small, int large) {
        out.println();
        out.println("================================ SUMMARY ================================");
        if (!validation.isEmpty()) {
            out.println();
            out.println(f("Target 1: validation cost at %,d rows / at %,d rows (per-round paired ratio; target ≤ 1.2)",
                    large, small));
            out.println("  ratio = per round, block median at the large size / block median at the small size; "
                    + "median of rounds [min–max]; the mean-based ratio is shown for comparison");
            out.println(f("  %-80s  %-24s  %-24s  %-22s  %s", "what", "ratio of medians", "ratio of means",
                    "median µs small|large", "met"));
            for (ValidationBench.Result r : validation) {
                double ratio = Stats.median(r.ratios());
                out.println(f("  %-80s  %-24s  %-24s  %-22s  %s", r.title(), Stats.spread(r.ratios(), "%.3f"),
                        Stats.spread(r.meanRatios(), "%.3f"),
                        f("%.1f | %.1f", Stats.median(r.smallMicros()), Stats.median(r.largeMicros())),
                        ratio <= 1.2 ? "yes" : "NO"));
            }
        }
        if (!cleanup.isEmpty()) {
            out.println();
            out.println("Target 2: cleanup ≥ 100,000 rows/s, no transaction (so no lock) longer than 100 ms");
            out.println("  tx columns: transactions that ended or deleted rows (the ones holding row locks), from "
                    + "begin to commit as the client saw them");
            out.println(f("  %-28s  %6s  %10s  %8s  %12s  %9s  %9s  %9s  %6s  %s", "run", "batch", "rows", "seconds",
                    "rows/s", "tx p50 ms", "tx p99 ms", "tx max ms", ">100ms", "met"));
            for (int i = 0; i < cleanup.size(); i++) {
                CleanupBench.Phase p = cleanup.get(i);
                String run = (i < 2 ? "Sessionkit cleanup, " : "store loop, ") + p.what();
                boolean met = !p.capped() && p.rate() >= 100_000 && p.max() <= 100_000_000L;
                out.println(f("  %-28s  %6d  %,10d  %8.1f  %,12.0f  %9s  %9s  %9s  %6d  %s%s", run, p.batch(),
                        p.rows(), p.seconds(), p.rate(), Stats.ms(p.p50()), Stats.ms(p.p99()), Stats.ms(p.max()),
                        p.over100ms(), met ? "yes" : "NO", p.capped() ? " (stopped at the cap)" : ""));
            }
        }
        if (!login.isEmpty()) {
            out.println();
            out.println("Target 3: logins/s (median of rounds), limit 5 evict-oldest vs no limit");
            out.println(f("  %7s  %-9s  %12s  %12s  %-24s  %11s  %13s  %s", "threads", "users", "unlimited/s",
                    "limited/s", "ratio median [min–max]", "p50 ms u|l", "p99 ms u|l", "new connections/login u|l"));
            for (LoginBench.Case c : login) {
                double[] u = c.unlimited().stream().mapToDouble(LoginBench.Run::perSecond).toArray();
                double[] l = c.limited().stream().mapToDouble(LoginBench.Run::perSecond).toArray();
                out.println(f("  %7d  %-9s  %,12.0f  %,12.0f  %-24s  %11s  %13s  %.2f|%.2f", c.threads(),
                        c.sameUser() ? "same" : "own each", Stats.median(u), Stats.median(l),
                        Stats.spread(c.ratios(), "%.2f"),
                        f("%.1f|%.1f", medianMs(c.unlimited(), true), medianMs(c.limited(), true)),
                        f("%.1f|%.1f", medianMs(c.unlimited(), false), medianMs(c.limited(), false)),
                        c.connectionsPerLogin()[0], c.connectionsPerLogin()[1]));
            }
        }
    }

    /** The machine is shared: the load average says how much else was running. */
    private static void uptime(PrintStream out) {
        try {
            String load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
            out.println(f("[%s load average (1, 5, 15 min): %s]", Instant.now().truncatedTo(
                    java.time.temporal.ChronoUnit.SECONDS), String.join(" ", Arrays.copyOf(load.split(" "), 3))));
        } catch (java.io.IOException | RuntimeException e) {
            out.println("[load average not available: " + e.getMessage() + "]");
        }
    }

    private static double medianMs(List<LoginBench.Run> runs, boolean p50) {
        return Stats.median(runs.stream().mapToDouble(r -> (p50 ? r.p50() : r.p99()) / 1e6).toArray());
    }
}
