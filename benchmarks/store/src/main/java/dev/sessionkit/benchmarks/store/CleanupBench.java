package dev.sessionkit.benchmarks.store;

import static dev.sessionkit.benchmarks.store.Stats.f;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.device.DeviceDetector;
import dev.sessionkit.maintenance.CleanupReport;
import dev.sessionkit.store.jpa.JpaSessionStores;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Target 2: cleanup of 10^6 expired sessions. Every database here is a file copy of the seeded 10^6-row database;
 * its sessions were last active around {@link Seeder#T0} with a 30 min idle timeout, and the cleanup's clock runs
 * at real speed from T0 + 1 h, so all of them are expired (idle) and none has ended yet.
 *
 * <p>The Sessionkit run uses {@link Sessionkit#cleanup()} exactly as {@link Sessionkit} builds it (batch
 * {@link Sessionkit#CLEANUP_BATCH_SIZE}, at most {@link Sessionkit#CLEANUP_MAX_BATCHES} batches per run, behind the
 * validation cache and the activity buffer), called in a loop until a run reports that nothing is left: first the
 * ending, then, with the clock moved past {@code history-retention}, the purge of the now ended history. Every
 * batch transaction is timed by a {@link TimedStore} under the Sessionkit stack. The batch-size runs call
 * {@code endExpired(now, n)} and then {@code purgeEndedBefore(cutoff, n)} on the bare JPA store in a loop.
 *
 * <p>Each phase stops early at a time cap so the whole benchmark stays short; the report then says how far it got.
 */
final class CleanupBench {

    /** Mirrors SqlDialect.POSTGRESQL's lockExpiredBatch (package-private in session-core), for EXPLAIN only. */
    private static final String LOCK_EXPIRED = "SELECT id FROM sessionkit_session WHERE status = 'active' "
            + "AND (idle_expires_at <= $1 OR absolute_expires_at <= $1) ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED";
    /** The SQL EclipseLink generates for purgeEndedBefore's id query (JPQL with setMaxResults), for EXPLAIN only. */
    private static final String PURGE_IDS = "SELECT id FROM sessionkit_session WHERE status = 'ended' "
            + "AND ended_at < $1 LIMIT $2";
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final long LOCK_TARGET_NANOS = 100_000_000L;

    private final Postgres pg;
    private final PrintStream out;
    private final Duration cap;

    private final boolean statements;

    CleanupBench(Postgres pg, PrintStream out, Duration cap, boolean statements) {
        this.pg = pg;
        this.out = out;
        this.cap = cap;
        this.statements = statements;
    }

    /** A clock running at real speed from a chosen instant, which the benchmark can move forward. */
    static final class MovableClock extends Clock {
        private volatile Duration offset;

        MovableClock(Instant start) {
            this.offset = Duration.between(Instant.now(), start);
        }

        void jump(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** What one phase did, for the summary table. */
    record Phase(String what, int batch, long rows, double seconds, boolean capped, long p50, long p99, long max,
            long over100ms, int transactions, long maxAll) {
        double rate() {
            return rows / seconds;
        }
    }

    /**
     * The cleanup as Sessionkit runs it: the ending phase on a copy of the active sessions, the purge phase on a
     * copy of the ended ones (a fresh Sessionkit on each); returns both phases.
     */
    List<Phase> runSessionkit(String activeDb, String endedDb, int rows) throws SQLException {
        out.println();
        out.println(f("== Target 2a: Sessionkit cleanup of %,d expired, then of %,d ended sessions (batch %d, at most "
                + "%d batches per run, runs repeated until one reports complete; cap %d s per phase) ==", rows, rows,
                Sessionkit.CLEANUP_BATCH_SIZE, Sessionkit.CLEANUP_MAX_BATCHES, cap.toSeconds()));
        Phase ending;
        MovableClock clock = new MovableClock(Seeder.T0.plus(Duration.ofHours(1)));
        TimedStore timed = timedStore(activeDb);
        try (Sessionkit kit = sessionkit(activeDb, timed, clock)) {
            explain(activeDb, LOCK_EXPIRED, clock.instant(), Sessionkit.CLEANUP_BATCH_SIZE, "before ending");
            ending = loop("end expired", Sessionkit.CLEANUP_BATCH_SIZE, timed, false, rows, kit.cleanup()::runOnce,
                    activeDb, clock, true);
        }
        Phase purge;
        clock = new MovableClock(Seeder.T0.plus(Duration.ofHours(1)).plus(RETENTION).plus(Duration.ofHours(1)));
        timed = timedStore(endedDb);
        try (Sessionkit kit = sessionkit(endedDb, timed, clock)) {
            explain(endedDb, PURGE_IDS, clock.instant().minus(RETENTION), Sessionkit.CLEANUP_BATCH_SIZE,
                    "before purging");
            purge = loop("purge ended", Sessionkit.CLEANUP_BATCH_SIZE, timed, true, rows, kit.cleanup()::runOnce,
                    endedDb, clock, true);
        }
        return List.of(ending, purge);
    }

    private TimedStore timedStore(String database) {
        return new TimedStore(JpaSessionStores.open(pg.url(database), pg.user(), pg.password(), SchemaMode.VALIDATE));
    }

    /**
     * Sessionkit as an application builds it (validation cache, activity buffer, cleanup with its batch constants),
     * on the given JPA store wrapped in a {@link TimedStore}; closing it closes the store.
     */
    private Sessionkit sessionkit(String database, TimedStore timed, Clock clock) {
        SessionkitSettings settings = SessionkitSettings.builder().jdbcUrl(pg.url(database)).jdbcUser(pg.user())
                .jdbcPassword(pg.password()).schema(SchemaMode.VALIDATE).historyRetention(RETENTION).build();
        return Sessionkit.builder(settings).store(timed).clock(clock).nodeId("bench-node")
                .devices(DeviceDetector.none()).build();
    }

    /** endExpired(now, n) in a loop on a copy of the active sessions, purgeEndedBefore(cutoff, n) on the ended. */
    List<Phase> runBatchSize(String activeDb, String endedDb, int rows, int batch) throws SQLException {
        out.println();
        out.println(f("== Target 2b: store.endExpired(now, %d) in a loop over %,d expired sessions, then "
                + "store.purgeEndedBefore(cutoff, %d) over %,d ended ones (cap %d s per phase) ==", batch, rows, batch,
                rows, cap.toSeconds()));
        Phase ending;
        MovableClock clock = new MovableClock(Seeder.T0.plus(Duration.ofHours(1)));
        try (TimedStore store = timedStore(activeDb)) {
            MovableClock c = clock;
            ending = loop("end expired", batch, store, false, rows, () -> {
                int ended = store.endExpired(c.instant(), batch).size();
                return new CleanupReport(true, ended, 0, ended < batch);
            }, activeDb, clock, false);
        }
        Phase purge;
        clock = new MovableClock(Seeder.T0.plus(Duration.ofHours(1)).plus(RETENTION).plus(Duration.ofHours(1)));
        try (TimedStore store = timedStore(endedDb)) {
            MovableClock c = clock;
            purge = loop("purge ended", batch, store, true, rows, () -> {
                int purged = store.purgeEndedBefore(c.instant().minus(RETENTION), batch);
                return new CleanupReport(true, 0, purged, purged < batch);
            }, endedDb, clock, false);
        }
        return List.of(ending, purge);
    }

    /** One unit of work: a cleanup run, or one batch call. */
    private interface Work {
        CleanupReport run();
    }

    private Phase loop(String what, int batch, TimedStore timed, boolean purge, long expected, Work work,
            String database, MovableClock clock, boolean cleanupRuns) throws SQLException {
        int fromCall = timed.size();
        if (statements) {
            pg.resetStatements();
        }
        long start = System.nanoTime();
        timed.stopBatchesAt(start + cap.toNanos());
        int runs = 0;
        boolean capped = false;
        try {
            while (true) {
                CleanupReport report = work.run();
                if (!report.ran()) {
                    throw new IllegalStateException("the cleanup lease was held by someone else");
                }
                runs++;
                if (report.complete()) {
                    break;
                }
            }
        } catch (TimedStore.CapReached e) {
            capped = true;
        } finally {
            timed.stopBatchesAt(Long.MAX_VALUE);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<TimedStore.Call> calls = timed.calls(fromCall, purge);
        long rows = calls.stream().mapToLong(TimedStore.Call::rows).sum();
        long[] sorted = Stats.sorted(calls.stream().mapToLong(TimedStore.Call::nanos).toArray());
        // Only a call that ended or deleted rows held row locks; one that found nothing locked nothing.
        long[] locking = Stats.sorted(calls.stream().filter(c -> c.rows() > 0).mapToLong(TimedStore.Call::nanos)
                .toArray());
        long over = Arrays.stream(locking).filter(n -> n > LOCK_TARGET_NANOS).count();
        Phase phase = new Phase(what, batch, rows, seconds, capped, Stats.percentile(locking, 50),
                Stats.percentile(locking, 99), locking.length == 0 ? 0 : locking[locking.length - 1], over,
                calls.size(), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        out.println(f("-- %s: %,d rows in %.1f s = %,.0f rows/s%s; %s%,d transactions", what, rows, seconds,
                phase.rate(), capped ? f(" (STOPPED at the %d s cap with %,d of %,d left)", cap.toSeconds(),
                        expected - rows, expected) : "", cleanupRuns ? f("%d cleanup runs%s, ", runs + (capped ? 1 : 0),
                        capped ? " (the last one cut short by the cap)" : "") : "", calls.size()));
        out.println(f("   transactions that locked rows: %,d; ms p50 %s, p99 %s, max %s; %d over 100 ms. Slowest "
                + "transaction of all (incl. the last, empty one): %s ms", locking.length, Stats.ms(phase.p50()),
                Stats.ms(phase.p99()), Stats.ms(phase.max()), over, Stats.ms(phase.maxAll())));
        progress(calls, start, rows);
        if (statements) {
            double serverMillis = pg.statementMillis(database);
            double txMillis = calls.stream().mapToLong(TimedStore.Call::nanos).sum() / 1e6;
            out.println(f("   server execution time of all statements (pg_stat_statements, commits excluded): %.1f s "
                    + "= %.0f%% of the batch transactions' %.1f s; the rest is commit, network and client "
                    + "(EclipseLink) work", serverMillis / 1e3, 100 * serverMillis / txMillis, txMillis / 1e3));
            for (String line : pg.topStatements(database, 4)) {
                out.println("     " + line);
            }
        }
        if (capped) {
            explain(database, purge ? PURGE_IDS : LOCK_EXPIRED,
                    purge ? clock.instant().minus(RETENTION) : clock.instant(), batch, "at the cap");
        }
        return phase;
    }

    /** Rate and transaction times per tenth of the rows done, to show whether batches get slower as work proceeds. */
    private void progress(List<TimedStore.Call> calls, long start, long total) {
        out.println(f("   %10s  %9s  %12s  %13s  %13s", "rows done", "elapsed s", "rows/s (part)", "tx p50 ms (part)",
                "tx max ms (part)"));
        long step = Math.max(1, total / 10);
        long done = 0;
        long next = step;
        long partStart = start;
        long partRows = 0;
        Stats.Longs part = new Stats.Longs();
        for (int k = 0; k < calls.size(); k++) {
            TimedStore.Call c = calls.get(k);
            done += c.rows();
            partRows += c.rows();
            part.add(c.nanos());
            long end = c.startNanos() + c.nanos();
            if (done >= next || k == calls.size() - 1) {
                long[] sorted = Stats.sorted(part.toArray());
                out.println(f("   %,10d  %9.1f  %,12.0f  %13s  %13s", done, (end - start) / 1e9,
                        partRows / ((end - partStart) / 1e9), Stats.ms(Stats.percentile(sorted, 50)),
                        Stats.ms(sorted[sorted.length - 1])));
                while (next <= done) {
                    next += step;
                }
                partStart = end;
                partRows = 0;
                part = new Stats.Longs();
            }
        }
    }

    /** The plan PostgreSQL uses for a batch's id query right now, executed and rolled back. */
    private void explain(String database, String sql, Instant at, int batch, String when) throws SQLException {
        String literal = "TIMESTAMPTZ '" + at + "'";
        String query = sql.replace("$1", literal).replace("$2", String.valueOf(batch));
        out.println("   plan of the batch's id query " + when + " (EXPLAIN ANALYZE, rolled back):");
        try (Connection c = pg.connect(database)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, COSTS OFF) " + query)) {
                while (rs.next()) {
                    out.println("     " + rs.getString(1));
                }
            } finally {
                c.rollback();
            }
        }
    }
}
