package dev.sessionkit.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.servlet.testing.CountingDataSource;
import dev.sessionkit.testing.MutableClock;
import dev.sessionkit.testing.PostgresServer;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Analytics and statistics are SQL aggregates: the number of statements a call costs on PostgreSQL is the same
 * with 10 stored sessions as with 10,000.
 */
@ExtendWith(PostgresServer.Resolver.class)
class AggregateCostIT {

    @Test
    void analyticsAndStatsCostTheSameNumberOfStatementsAt10And10000Sessions(PostgresServer server) throws Exception {
        long[] small = measure(server, 10);
        long[] large = measure(server, 10_000);

        System.out.printf("Statements per call at 10 / 10,000 stored sessions: analytics %d / %d, stats %d / %d%n",
                small[0], large[0], small[1], large[1]);
        assertEquals(small[0], large[0], "analytics statements must not grow with the rows");
        assertEquals(small[1], large[1], "stats statements must not grow with the rows");
    }

    /** Returns {analytics statements, stats statements} with {@code rows} sessions of alice stored. */
    private static long[] measure(PostgresServer server, int rows) throws Exception {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(server.newDatabase());
        postgres.setUser("postgres");
        CountingDataSource counting = new CountingDataSource(postgres);
        MutableClock clock = MutableClock.atT0();
        try (Sessionkit sessionkit = Sessionkit.builder(SessionkitSettings.builder().schema(SchemaMode.CREATE)
                        .build()).dataSource(counting).clock(clock).build();
                ApiServer api = new ApiServer()) {
            seed(postgres, rows);
            URI base = api.start(sessionkit);
            Browser alice = new Browser(base);
            alice.login("alice", "user,sessionkit-admin");
            alice.get("/api/sessions/current"); // warm up: first request pays for class loading, not SQL

            counting.reset();
            assertEquals(200, alice.get("/api/sessions/analytics", "Accept", "application/json").statusCode());
            long analytics = requestStatements(counting);
            counting.reset();
            assertEquals(200, alice.get("/api/admin/stats", "Accept", "application/json").statusCode());
            long stats = requestStatements(counting);
            return new long[] {analytics, stats};
        }
    }

    /**
     * Statements since the last reset without the ended-sessions channel's own (LISTEN, keep-alive, heartbeat
     * notification on its dedicated connection), which come on their own schedule, not from the call.
     */
    private static long requestStatements(CountingDataSource counting) {
        return counting.executed().stream().filter(sql -> !sql.startsWith("LISTEN ") && !sql.equals("SELECT 1")
                && !sql.startsWith("SELECT pg_notify(")).count();
    }

    /** Stores sessions of alice directly, half of them ended, over the last three weeks. */
    private static void seed(PGSimpleDataSource postgres, int rows) throws Exception {
        try (Connection c = postgres.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sessionkit_session (id, token_hash, user_id, username, roles, created_at, "
                        + "last_accessed_at, idle_expires_at, absolute_expires_at, status, ended_at, end_reason, "
                        + "ip_address, user_agent, device_type, browser, os) "
                        + "SELECT lpad(i::text, 22, 'x'), lpad(to_hex(i), 64, '0'), 'alice', 'alice', 'user', "
                        + "?::timestamptz - (i % 30000) * interval '1 minute', ?::timestamptz, "
                        + "?::timestamptz + interval '30 minutes', ?::timestamptz + interval '1 day', "
                        + "CASE WHEN i % 2 = 0 THEN 'ended' ELSE 'active' END, "
                        + "CASE WHEN i % 2 = 0 THEN ?::timestamptz ELSE NULL END, "
                        + "CASE WHEN i % 2 = 0 THEN 'logout' ELSE NULL END, '192.0.2.1', 'ua', "
                        + "(ARRAY['desktop','mobile','tablet'])[1 + i % 3], 'Firefox 128', 'Linux' "
                        + "FROM generate_series(1, ?) AS i")) {
            OffsetDateTime now = MutableClock.T0.atOffset(ZoneOffset.UTC);
            for (int p = 1; p <= 5; p++) {
                insert.setObject(p, now);
            }
            insert.setInt(6, rows);
            assertEquals(rows, insert.executeUpdate());
        }
    }
}
