package dev.sessionkit.benchmarks.store;

import static dev.sessionkit.benchmarks.store.Stats.f;

import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.policy.ExpiryPolicy;
import dev.sessionkit.service.SessionService;
import dev.sessionkit.service.ValidationResult;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.cache.CachingSessionStore;
import dev.sessionkit.store.cache.ForwardingSessionStore;
import dev.sessionkit.store.jpa.JpaSessionStores;
import dev.sessionkit.token.SessionToken;
import dev.sessionkit.token.TokenHash;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Target 1: validation cost against the number of stored sessions. Two databases on the same server hold 10^3 and
 * 10^6 seeded sessions; the same kind of measurement runs on both in alternating blocks (small, large, large, small,
 * …) so that the machine's load drifts over both alike, and each round gives one paired ratio large / small.
 *
 * <p>Three kinds, each one single-threaded:
 * <ul>
 *   <li>{@code validate}, store path: {@link SessionService#validate(String)} on the JPA store itself, as a
 *       validation cache miss costs it: format check, SHA-256, one {@code SELECT} by token hash, judge. Every call
 *       takes the token of a row drawn uniformly at random from the whole table.</li>
 *   <li>{@code findByTokenHash}: the store's lookup alone, with the hash computed beforehand.</li>
 *   <li>{@code validate}, cache hit: the service over a {@link CachingSessionStore} (60 s latency) cycling through
 *       1024 tokens that the warm-up loaded; the store must not be asked at all while measuring.</li>
 * </ul>
 *
 * <p>No write happens: the service's clock is fixed 30 s after {@link Seeder#T0}, every session was last accessed
 * at most 240 s before T0, and the touch interval is 5 min, so no touch is due and nothing is near expiry. The run
 * checks this at the end (no row changed), and checks at the start that sampled tokens validate to the very
 * session the seeder derived for them.
 */
final class ValidationBench {

    static final ExpiryPolicy POLICY = new ExpiryPolicy(Seeder.IDLE, Seeder.ABSOLUTE, Duration.ofMinutes(5));
    static final Clock CLOCK = Clock.fixed(Seeder.T0.plusSeconds(30), ZoneOffset.UTC);
    private static final int HOT = 1024;

    private final Postgres pg;
    private final String salt;
    private final PrintStream out;
    private final int rounds;
    private final int storeOps;
    private final int hitOps;

    ValidationBench(Postgres pg, String salt, PrintStream out, int rounds, int storeOps, int hitOps) {
        this.pg = pg;
        this.salt = salt;
        this.out = out;
        this.rounds = rounds;
        this.storeOps = storeOps;
        this.hitOps = hitOps;
    }

    /** The JPA store, counting the lookups that reach it; the cache's close() leaves it open. */
    static final class CountingStore extends ForwardingSessionStore {
        final AtomicLong finds = new AtomicLong();

        CountingStore(SessionStore delegate) {
            super(delegate);
        }

        @Override
        public Optional<SessionRecord> findByTokenHash(TokenHash tokenHash) {
            finds.incrementAndGet();
            return delegate.findByTokenHash(tokenHash);
        }

        @Override
        public void close() {
            // closed by closeForReal(), after the cache in front of it is gone
        }

        void closeForReal() {
            delegate.close();
        }
    }

    /** One seeded database with its store, the two services, and the inputs drawn for it. */
    private final class Target {
        final String database;
        final int rows;
        final CountingStore store;
        final SessionService direct;
        final CachingSessionStore cache;
        final SessionService cached;
        final String[] tokens;
        final TokenHash[] hashes;
        final String[] hot = new String[HOT];
        int next;

        Target(String database, int rows, int draws, long seed) {
            this.database = database;
            this.rows = rows;
            this.store = new CountingStore(JpaSessionStores.open(pg.url(database), pg.user(), pg.password(),
                    SchemaMode.VALIDATE));
            this.direct = SessionService.builder(store, POLICY).clock(CLOCK).build();
            this.cache = new CachingSessionStore(store, Duration.ofSeconds(60), CLOCK);
            this.cached = SessionService.builder(cache, POLICY).clock(CLOCK).build();
            SplittableRandom random = new SplittableRandom(seed);
            tokens = new String[draws];
            hashes = new TokenHash[draws];
            for (int k = 0; k < draws; k++) {
                tokens[k] = Seeder.token(salt, random.nextInt(rows));
                hashes[k] = SessionToken.parse(tokens[k]).orElseThrow().hash();
            }
            for (int k = 0; k < HOT; k++) {
                hot[k] = Seeder.token(salt, (long) k * rows / HOT);
            }
        }

        /** Sampled tokens must validate to the session the seeder made for them; unknown ones must not. */
        void check() {
            for (int k = 0; k < 16; k++) {
                long i = (long) k * (rows - 1) / 15;
                ValidationResult result = direct.validate(Seeder.token(salt, i));
                if (!(result instanceof ValidationResult.Valid valid)
                        || !valid.session().id().value().equals(Seeder.id(salt, i))
                        || !valid.session().userId().equals(Seeder.user(rows, i))) {
                    throw new IllegalStateException("row " + i + " of " + database + " does not validate: " + result);
                }
            }
            if (direct.validate(Seeder.token(salt, rows + 1L)) instanceof ValidationResult.Valid) {
                throw new IllegalStateException("an unknown token validated in " + database);
            }
        }

        void closeAll() {
            cache.close();
            store.closeForReal();
        }
    }

    /**
     * Per-round figures of one kind of measurement, for the summary: block medians (µs) of both databases, their
     * ratio, and the ratio of block means. The median is the primary figure: on this shared machine a few calls per
     * block are descheduled for milliseconds, which moves the mean far more than the cost of a lookup.
     */
    record Result(String title, double[] smallMicros, double[] largeMicros, double[] ratios, double[] meanRatios) {
    }

    /** What one kind of measurement does for op number k on a target. */
    private interface Op {
        void run(Target target, int k);
    }

    List<Result> run(String smallDb, int smallRows, String largeDb, int largeRows) throws SQLException {
        int draws = (2 + rounds) * storeOps; // warm-up + rounds, per kind (reused by the next kind)
        long[] smallBefore = pg.bufferStats(smallDb);
        long[] largeBefore = pg.bufferStats(largeDb);
        Target small = new Target(smallDb, smallRows, draws, 1);
        Target large = new Target(largeDb, largeRows, draws, 2);
        List<Target> targets = List.of(small, large);
        List<Result> results = new java.util.ArrayList<>();
        try {
            small.check();
            large.check();
            out.println();
            out.println(f("== Target 1: validation cost, %,d vs %,d stored sessions (%d rounds, alternating) ==",
                    smallRows, largeRows, rounds));
            results.add(measure("validate, store path (no validation cache; uniform random row per call)", targets, storeOps,
                    (t, k) -> t.direct.validate(t.tokens[t.next++]), true));
            results.add(measure("findByTokenHash alone (hash computed beforehand; uniform random row per call)", targets,
                    storeOps, (t, k) -> t.store.findByTokenHash(t.hashes[t.next++]), true));
            for (Target t : targets) { // load the hot tokens into the cache
                for (int k = 0; k < 2 * HOT; k++) {
                    t.cached.validate(t.hot[k % HOT]);
                }
            }
            long findsBefore = small.store.finds.get() + large.store.finds.get();
            results.add(measure("validate, validation cache hit (CachingSessionStore, 1024 hot tokens)", targets, hitOps,
                    (t, k) -> t.cached.validate(t.hot[k & (HOT - 1)]), false));
            long leaked = small.store.finds.get() + large.store.finds.get() - findsBefore;
            out.println(f("  store lookups during the cache-hit measurement: %d (must be 0)", leaked));
            if (leaked != 0) {
                throw new IllegalStateException("cache-hit measurement reached the store " + leaked + " times");
            }
        } finally {
            for (Target t : targets) {
                t.closeAll();
            }
        }
        sleepForStatistics();
        out.println("  PostgreSQL buffer use per store lookup over the whole validation part (warm-up included):");
        for (Target t : targets) {
            long[] before = t == small ? smallBefore : largeBefore;
            long[] after = pg.bufferStats(t.database);
            long lookups = t.store.finds.get();
            long hit = after[0] - before[0];
            long read = after[1] - before[1];
            out.println(f("    %,9d rows: %,d lookups, %.2f shared-buffer hits and %.3f reads outside "
                    + "shared_buffers (OS cache or disk) per lookup, hit ratio %.4f",
                    t.rows, lookups, hit / (double) lookups, read / (double) lookups, hit / (double) (hit + read)));
            String changed = pg.scalar(t.database, "SELECT count(*) FROM sessionkit_session WHERE status <> 'active' "
                    + "OR last_accessed_at > TIMESTAMPTZ '" + Seeder.T0 + "'");
            if (!"0".equals(changed)) {
                throw new IllegalStateException(changed + " rows changed in " + t.database + " during validation");
            }
        }
        out.println("  rows changed by validation: 0 in both databases (checked)");
        String size = "SELECT pg_size_pretty(pg_total_relation_size('sessionkit_session'))";
        out.println(f("  table size (heap + indexes): %s at %,d rows, %s at %,d rows", pg.scalar(smallDb, size),
                smallRows, pg.scalar(largeDb, size), largeRows));
        return results;
    }

    private Result measure(String title, List<Target> targets, int ops, Op op, boolean perCallDraws) {
        Target small = targets.get(0);
        Target large = targets.get(1);
        for (Target t : targets) { // warm-up: JIT, connection pool, plan cache, OS and PostgreSQL caches
            t.next = 0;
            block(t, 2 * ops, op);
        }
        double[][] medians = new double[2][rounds];
        double[][] means = new double[2][rounds];
        double[] medianRatios = new double[rounds];
        double[] meanRatios = new double[rounds];
        Stats.Longs[] all = {new Stats.Longs(), new Stats.Longs()};
        for (int r = 0; r < rounds; r++) {
            // Alternate which database goes first, so a drift in the machine's load favours neither.
            for (Target t : r % 2 == 0 ? List.of(small, large) : List.of(large, small)) {
                int i = t == small ? 0 : 1;
                long[] nanos = block(t, ops, op);
                means[i][r] = mean(nanos) / 1e3;
                medians[i][r] = Stats.percentile(Stats.sorted(nanos), 50) / 1e3;
                add(all[i], nanos);
            }
            medianRatios[r] = medians[1][r] / medians[0][r];
            meanRatios[r] = means[1][r] / means[0][r];
        }
        out.println();
        out.println("-- " + title + f(", %d rounds x %,d calls per database", rounds, ops));
        out.println(f("  %12s  %-30s  %-30s  %9s  %9s", "rows", "block median µs: med [min–max]",
                "block mean µs: med [min–max]", "p99 µs", "p99.9 µs"));
        for (Target t : targets) {
            int i = t == small ? 0 : 1;
            long[] sorted = Stats.sorted(all[i].toArray());
            out.println(f("  %,12d  %-30s  %-30s  %9.1f  %9.1f", t.rows, Stats.spread(medians[i], "%.1f"),
                    Stats.spread(means[i], "%.1f"), Stats.percentile(sorted, 99) / 1e3,
                    Stats.percentile(sorted, 99.9) / 1e3));
        }
        out.println(f("  ratio %,d / %,d rows, per round, of block medians: %s", large.rows, small.rows,
                Stats.spread(medianRatios, "%.3f")));
        out.println(f("  ratio %,d / %,d rows, per round, of block means:   %s", large.rows, small.rows,
                Stats.spread(meanRatios, "%.3f")));
        if (perCallDraws) {
            out.println("  (each call used a new uniformly drawn row)");
        }
        return new Result(title, medians[0], medians[1], medianRatios, meanRatios);
    }

    /** Runs ops calls and returns each call's duration in ns. */
    private static long[] block(Target t, int ops, Op op) {
        long[] nanos = new long[ops];
        for (int k = 0; k < ops; k++) {
            long start = System.nanoTime();
            op.run(t, k);
            nanos[k] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static double mean(long[] values) {
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum / (double) values.length;
    }

    private static void add(Stats.Longs into, long[] values) {
        for (long v : values) {
            into.add(v);
        }
    }

    /** A backend publishes its statistics when it exits; give the closed connections' backends a moment. */
    private static void sleepForStatistics() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
