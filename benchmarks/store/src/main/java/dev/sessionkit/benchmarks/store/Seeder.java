package dev.sessionkit.benchmarks.store;

import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.store.jpa.JpaSessionStores;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;

/**
 * Fills {@code sessionkit_session} with n active sessions in one server-side {@code INSERT … SELECT} over
 * {@code generate_series}: creating 10^6 sessions through the store would take far longer than the benchmarks.
 *
 * <p>The tables come from the store itself ({@link SchemaMode#CREATE} runs session-core's
 * {@code schema-postgresql.sql}). For the bulk insert the seeder drops that table's indexes and constraints and
 * re-creates them afterwards from the definitions it read from the catalog, the way {@code pg_restore} loads data;
 * it then checks that the catalog shows exactly the same index definitions again. The indexes are therefore
 * freshly built and compact, like after a {@code REINDEX}. Finally {@code VACUUM ANALYZE}, as autovacuum would
 * have done on a table of that age.
 *
 * <p>Sessions are active, or, for the purge benchmark, all ended ({@code expired-idle} at their idle deadline).
 * Row i (0 ≤ i &lt; n) is derived from the run's salt, so the benchmarks can compute any row's token without
 * storing 10^6 of them: token = base64url(SHA-256("tk-salt-i")) (43 characters, a well-formed token), token_hash =
 * SHA-256 hex of the token as {@link dev.sessionkit.token.TokenHash} computes it, id = the first 22 base64url
 * characters of SHA-256("id-salt-i"), user_id = "user-" + (i mod n/10) (10 sessions per user). The validation
 * benchmark proves the SQL and Java derivations agree: sampled tokens must validate to the expected id and user.
 */
final class Seeder {

    /** Sessions start, relative to this instant, between 239 s before and exactly at it. */
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    /** Seconds over which created_at (= last_accessed_at) is spread before {@link #T0}. */
    static final int SPREAD_SECONDS = 240;
    static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    private static final String INSERT = """
            INSERT INTO sessionkit_session (id, token_hash, user_id, username, roles, created_at, last_accessed_at,
                idle_expires_at, absolute_expires_at, status, ended_at, end_reason, ip_address, user_agent,
                device_type, browser, os, browser_id_hash)
            SELECT translate(substr(encode(sha256(convert_to('id-' || s.salt || '-' || i, 'UTF8')), 'base64'), 1, 22),
                             '+/', '-_'),
                   encode(sha256(convert_to(translate(substr(encode(sha256(convert_to(
                       'tk-' || s.salt || '-' || i, 'UTF8')), 'base64'), 1, 43), '+/', '-_'), 'UTF8')), 'hex'),
                   'user-' || (i % s.users), 'user-' || (i % s.users), 'user',
                   s.t0 - make_interval(secs => i % s.spread), s.t0 - make_interval(secs => i % s.spread),
                   s.t0 - make_interval(secs => i % s.spread) + make_interval(secs => s.idle),
                   s.t0 - make_interval(secs => i % s.spread) + make_interval(secs => s.absolute),
                   CASE WHEN s.ended THEN 'ended' ELSE 'active' END,
                   CASE WHEN s.ended THEN s.t0 - make_interval(secs => i % s.spread) + make_interval(secs => s.idle) END,
                   CASE WHEN s.ended THEN s.reason END,
                   '192.0.2.' || (i % 250), s.ua, 'desktop', 'Chrome', 'Windows',
                   encode(sha256(convert_to('br-' || s.salt || '-' || i, 'UTF8')), 'hex')
            FROM (SELECT CAST(? AS text) AS salt, CAST(? AS int) AS users, CAST(? AS timestamptz) AS t0,
                         CAST(? AS int) AS spread, CAST(? AS bigint) AS idle, CAST(? AS bigint) AS absolute,
                         CAST(? AS text) AS ua, CAST(? AS boolean) AS ended,
                         CAST(? AS text) AS reason) AS s,
                 generate_series(0, ? - 1) AS i
            """;

    private Seeder() {
    }

    static int users(int rows) {
        return Math.max(1, rows / 10);
    }

    static String token(String salt, long i) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("tk-" + salt + "-" + i));
    }

    static String id(String salt, long i) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("id-" + salt + "-" + i)).substring(0, 22);
    }

    static String user(int rows, long i) {
        return "user-" + (i % users(rows));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates the database, the store's tables in it, and n sessions; returns the seconds it took.
     *
     * @param ended false: all active; true: all ended by idle expiry at their idle deadline (login history)
     */
    static double seed(Postgres pg, String database, int rows, String salt, boolean ended) throws SQLException {
        long started = System.nanoTime();
        pg.createDatabase(database);
        JpaSessionStores.open(pg.url(database), pg.user(), pg.password(), SchemaMode.CREATE).close();
        try (Connection c = pg.connect(database)) {
            TreeSet<String> before = indexDefinitions(c);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL maintenance_work_mem = '256MB'");
                List<String> constraints = new ArrayList<>();
                List<String> constraintNames = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                        + "WHERE conrelid = 'sessionkit_session'::regclass AND contype IN ('p', 'u') ORDER BY conname")) {
                    while (rs.next()) {
                        constraintNames.add(rs.getString(1));
                        constraints.add("ALTER TABLE sessionkit_session ADD CONSTRAINT " + rs.getString(1) + " "
                                + rs.getString(2));
                    }
                }
                List<String> indexes = new ArrayList<>();
                List<String> names = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i "
                        + "WHERE i.tablename = 'sessionkit_session' AND i.indexname NOT IN (SELECT conname "
                        + "FROM pg_constraint WHERE conrelid = 'sessionkit_session'::regclass) ORDER BY 1")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                        indexes.add(rs.getString(2));
                    }
                }
                for (String name : constraintNames) {
                    s.execute("ALTER TABLE sessionkit_session DROP CONSTRAINT " + name);
                }
                for (String name : names) {
                    s.execute("DROP INDEX " + name);
                }
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    insert.setString(1, salt);
                    insert.setInt(2, users(rows));
                    insert.setObject(3, T0.atOffset(ZoneOffset.UTC));
                    insert.setInt(4, SPREAD_SECONDS);
                    insert.setLong(5, IDLE.toSeconds());
                    insert.setLong(6, ABSOLUTE.toSeconds());
                    insert.setString(7, USER_AGENT);
                    insert.setBoolean(8, ended);
                    insert.setString(9, EndReason.EXPIRED_IDLE.wireName());
                    insert.setInt(10, rows);
                    int inserted = insert.executeUpdate();
                    if (inserted != rows) {
                        throw new IllegalStateException("inserted " + inserted + " rows, wanted " + rows);
                    }
                }
                for (String sql : constraints) {
                    s.execute(sql);
                }
                for (String sql : indexes) {
                    s.execute(sql);
                }
            }
            c.commit();
            c.setAutoCommit(true);
            TreeSet<String> after = indexDefinitions(c);
            if (!after.equals(before)) {
                throw new IllegalStateException("seeding changed the indexes:\n" + before + "\n" + after);
            }
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM (ANALYZE) sessionkit_session");
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static TreeSet<String> indexDefinitions(Connection c) throws SQLException {
        TreeSet<String> definitions = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'sessionkit_session'")) {
            while (rs.next()) {
                definitions.add(rs.getString(1));
            }
        }
        return definitions;
    }
}
