package dev.sessionkit.jaxrs.soak;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionkit.config.MaxSessionsPolicy;
import dev.sessionkit.servlet.WebSettings;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.maintenance.CleanupReport;
import dev.sessionkit.testing.PostgresServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Soak (issue 7): a bounded mixed load on two nodes (each its own Jetty, filter, REST API, validation cache,
 * activity buffer and cleanup scheduler) sharing one real PostgreSQL database, on the real clock, with timeouts
 * short enough that idle expiry, absolute expiry, limit eviction and cleanup all happen many times during the run.
 * At the end: no 5xx, no ended session ever accepted beyond the documented bounds, the database, the listeners,
 * the admin statistics and what the clients saw all agree, and the heap did not grow.
 *
 * <p>Runs 2 minutes by default; {@code -Dsoak.duration=PT10M} runs longer.
 */
@ExtendWith(PostgresServer.Resolver.class)
class SoakIT {

    private static final Duration IDLE = Duration.ofSeconds(8);
    private static final Duration TOUCH = Duration.ofSeconds(1);
    private static final Duration ABSOLUTE = Duration.ofSeconds(30);
    /** The smallest whole-second interval, so cleanup (not only requests and logins) ends expired sessions. */
    private static final Duration CLEANUP = Duration.ofSeconds(1);
    private static final int MAX_PER_USER = 3;
    private static final int WORKERS = 6;
    private static final int USERS = 30;
    private static final int SLEEPY_USERS = 8;
    /** Requests the default 2-minute run must at least make (about 40 a second), scaled for other durations. */
    private static final int MIN_REQUESTS_PER_TWO_MINUTES = 5_000;
    private static final String ADMIN_ROLE = WebSettings.defaults().adminRole();

    @Test
    void mixedLoadOnTwoNodesKeepsEveryInvariant(PostgresServer postgres) throws Exception {
        Duration duration = Duration.parse(System.getProperty("soak.duration", "PT2M"));
        // Shorter runs would not see sessions reach the absolute timeout, so "every end path ran" could not hold.
        assertTrue(duration.compareTo(Duration.ofMinutes(1)) >= 0, "soak.duration must be at least PT1M");
        long seed = Long.getLong("soak.seed", System.nanoTime());
        String url = postgres.newDatabase();
        SoakDatabase database = new SoakDatabase(url);
        HeardEvents heard = new HeardEvents();
        SoakLedger ledger = new SoakLedger(new Problems());
        Problems problems = ledger.problems();
        try (SoakNode a = SoakNode.start(0, settings(url, SchemaMode.CREATE), heard);
                SoakNode b = SoakNode.start(1, settings(url, SchemaMode.VALIDATE), heard)) {
            List<SoakNode> nodes = List.of(a, b);
            SoakClient client = new SoakClient(nodes.stream().map(SoakNode::base).toList(), ledger);
            SoakLoad load = new SoakLoad(client, USERS, SLEEPY_USERS, IDLE, IDLE.plus(TOUCH), seed);

            long start = System.nanoTime();
            long heapFirst;
            long heapEnd;
            long ledgerFirst;
            long ledgerEnd;
            load.start(WORKERS);
            try {
                waitUntil(start + duration.toNanos() / 4);
                heapFirst = usedHeapAfterGc();
                ledgerFirst = ledger.recordedBytes();
                waitUntil(start + duration.toNanos());
                heapEnd = usedHeapAfterGc();
                ledgerEnd = ledger.recordedBytes();
            } finally {
                load.stop();
            }
            long elapsed = System.nanoTime() - start;

            // Nothing is in flight any more: write what the nodes buffered, so the database has all activity.
            nodes.forEach(node -> node.sessionkit().flushActivity());
            Stats stats = adminStats(client, database);

            // Stopping the servers stops the cleanup schedulers; one last run, then the database holds still.
            for (SoakNode node : nodes) {
                node.stopServer();
            }
            boolean cleaned = false;
            for (SoakNode node : nodes) {
                CleanupReport report = node.sessionkit().cleanup().runOnce();
                cleaned |= report.ran();
            }
            assertTrue(cleaned, "neither node could take the cleanup lease for the final run");

            SoakChecks checks = new SoakChecks(ledger, database.rows(), heard, nodes.size(), IDLE, TOUCH, ABSOLUTE,
                    a.sessionkit().settings().revocationLatency(), MAX_PER_USER);
            checks.run();
            stats.check(problems);

            long falseAccepts = problems.count("false accept");
            System.out.printf("Soak %s on 2 nodes (seed %d, %.0f s): requests sent %d (%.0f/s; accepted %d, refused"
                    + " %d), 5xx %d, false accepts %d, logins %d, logouts %d, deletes %d, sign-out-others %d (ended"
                    + " %d), probes %d; database: %d sessions, %d active, ended by reason %s, ended by the cleanup"
                    + " scheduler %d; admin stats: %s; used heap after GC: %d MB at 25%%, %d MB at the end (of"
                    + " which the soak's own records: %d MB, %d MB)%n",
                    duration, seed, elapsed / 1e9, ledger.requests.sum(), ledger.requests.sum() / (elapsed / 1e9),
                    ledger.accepted.sum(), ledger.refused.sum(), ledger.serverErrors.sum(), falseAccepts,
                    ledger.sessions().size(), ledger.logouts.sum(), ledger.deletes.sum(), ledger.othersCalls.sum(),
                    ledger.othersEnded.sum(), ledger.probes.sum(), checks.endsByReason().values().stream()
                            .mapToLong(Long::longValue).sum() + checks.active(),
                    checks.active(), checks.endsByReason(), checks.endedByCleanupScheduler(), stats, heapFirst >> 20,
                    heapEnd >> 20, ledgerFirst >> 20, ledgerEnd >> 20);

            assertTrue(problems.isEmpty(), () -> "soak invariants violated:\n" + problems.report());
            assertTrue(ledger.serverErrors.sum() == 0 && falseAccepts == 0, "5xx or false accepts");
            long minRequests = Math.max(500, MIN_REQUESTS_PER_TWO_MINUTES * duration.toSeconds() / 120);
            assertTrue(ledger.requests.sum() >= minRequests, "only " + ledger.requests.sum()
                    + " requests were made; the soak proves little below " + minRequests);
            // Every path that ends a session ran, so none of the checks above passed for want of cases.
            for (String reason : List.of("logout", "revoked-by-user", "evicted-by-limit", "expired-idle",
                    "expired-absolute")) {
                assertTrue(checks.endsByReason().getOrDefault(reason, 0L) > 0, "no session ended " + reason);
            }
            assertTrue(checks.endedByCleanupScheduler() > 0, "the cleanup scheduler never ended a session");
            // The soak's own records grow with the run (tens of MB in a long one); they are not the nodes' heap.
            long nodesFirst = heapFirst - ledgerFirst;
            long nodesEnd = heapEnd - ledgerEnd;
            assertTrue(nodesEnd <= nodesFirst * 3 / 2 + (64L << 20), "used heap besides the soak's records grew"
                    + " from " + (nodesFirst >> 20) + " MB to " + (nodesEnd >> 20) + " MB");
        }
    }

    private static SessionkitSettings settings(String url, SchemaMode schema) {
        // revocation-latency stays at its default (PT1S); history-retention (P30D) keeps every ended row.
        return SessionkitSettings.builder().jdbcUrl(url).jdbcUser("postgres").schema(schema)
                .idleTimeout(IDLE).touchInterval(TOUCH).absoluteTimeout(ABSOLUTE).cleanupInterval(CLEANUP)
                .maxSessionsPerUser(MAX_PER_USER).maxSessionsPolicy(MaxSessionsPolicy.EVICT_OLDEST).build();
    }

    /**
     * The admin statistics next to the database read just before and just after: expiry (by the still running
     * cleanup) can only lower the usable count and raise the expiry ends in between.
     */
    private static Stats adminStats(SoakClient client, SoakDatabase database) throws Exception {
        SoakLedger.Session admin = client.login("soak-admin", ADMIN_ROLE, SoakLedger.Kind.ADMIN, 0)
                .orElseThrow(() -> new AssertionError("the admin could not sign in"));
        long usableBefore = database.usableAt(Instant.now());
        Map<String, Long> endsBefore = database.endsByReason();
        long rows = database.rows().size();
        JsonNode stats = client.adminStats(admin, 0);
        long usableAfter = database.usableAt(Instant.now());
        Map<String, Long> endsAfter = database.endsByReason();
        return new Stats(stats, usableBefore, usableAfter, endsBefore, endsAfter, rows);
    }

    private record Stats(JsonNode json, long usableBefore, long usableAfter, Map<String, Long> endsBefore,
            Map<String, Long> endsAfter, long rows) {
        @Override
        public String toString() {
            return "active " + json.path("active").asLong(-1) + " (database " + usableBefore + " before, "
                    + usableAfter + " after), ends by reason " + json.path("endsByReason");
        }

        void check(Problems problems) {
            long active = json.path("active").asLong(-1);
            if (active > usableBefore || active < usableAfter) {
                problems.add("admin stats disagree with the database", "active " + active + ", database "
                        + usableBefore + " before and " + usableAfter + " after");
            }
            Map<String, Long> ends = new TreeMap<>();
            json.path("endsByReason").properties().forEach(e -> ends.put(e.getKey(), e.getValue().asLong()));
            for (String reason : endsAfter.keySet()) {
                long shown = ends.getOrDefault(reason, 0L);
                if (shown < endsBefore.getOrDefault(reason, 0L) || shown > endsAfter.get(reason)) {
                    problems.add("admin stats disagree with the database", reason + " " + shown + ", database "
                            + endsBefore + " before and " + endsAfter + " after");
                }
            }
            long logins = 0;
            for (JsonNode bucket : json.path("loginsPerHour")) {
                logins += bucket.path("count").asLong();
            }
            if (logins != rows) {
                problems.add("admin stats disagree with the database", "logins in the last day " + logins
                        + ", database " + rows + " sessions");
            }
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The soak's own clock: the load runs while the test thread waits for the sampling moments. */
    private static void waitUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }
}
