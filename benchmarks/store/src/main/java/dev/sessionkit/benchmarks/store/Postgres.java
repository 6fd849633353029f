package dev.sessionkit.benchmarks.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL server under test, reached by plain JDBC for everything that is not the store itself: creating
 * and cloning databases, reading settings and statistics. Every database the benchmarks create starts with
 * {@link #PREFIX}, so nothing else on the server is touched.
 */
final class Postgres {

    static final String PREFIX = "skbench_";

    private final String base;
    private final String user;
    private final String password;

    /**
     * @param base JDBC URL up to and including the slash before the database name, e.g.
     *             {@code jdbc:postgresql://127.0.0.1:5432/}
     */
    Postgres(String base, String user, String password) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.user = user;
        this.password = password;
    }

    String url(String database) {
        return base + database;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    /** Drops the database if a previous run left it, and creates it empty. */
    void createDatabase(String name) throws SQLException {
        requireOurs(name);
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        admin("CREATE DATABASE " + name);
    }

    /**
     * Copies a database file by file. Much faster than seeding 10^6 rows again; the copy has the same heap, indexes
     * and statistics. The template must have no open connections.
     */
    void cloneDatabase(String template, String name) throws SQLException {
        requireOurs(name);
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        admin("CREATE DATABASE " + name + " TEMPLATE " + template + " STRATEGY FILE_COPY");
    }

    void dropDatabase(String name) throws SQLException {
        requireOurs(name);
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Drops every database an earlier, interrupted run may have left behind. */
    void dropLeftovers() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = connect("postgres"); PreparedStatement s = c.prepareStatement(
                "SELECT datname FROM pg_database WHERE datname LIKE ?")) {
            s.setString(1, PREFIX + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        for (String name : names) {
            dropDatabase(name);
        }
    }

    private static void requireOurs(String name) {
        if (!name.matches(PREFIX + "[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a benchmark database: " + name);
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** One value of a query that returns one row and one column. */
    String scalar(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Lines of a query's result, columns joined by " | ". */
    List<String> lines(String database, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    line.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    /** Server version and the settings that decide what a commit and a lookup cost. */
    List<String> describe() throws SQLException {
        List<String> out = new ArrayList<>();
        out.add(scalar("postgres", "SELECT version()"));
        out.addAll(lines("postgres", "SELECT name || ' = ' || current_setting(name) FROM pg_settings "
                + "WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_level', 'shared_buffers', "
                + "'effective_cache_size', 'work_mem', 'max_wal_size', 'checkpoint_timeout', 'autovacuum', "
                + "'max_connections', 'wal_sync_method', 'commit_delay', 'random_page_cost', 'jit', "
                + "'shared_preload_libraries') ORDER BY name"));
        return out;
    }

    /**
     * Connections ever opened to one database (pg_stat_database.sessions, PostgreSQL 14 and later), or -1 when the
     * server does not count them. A backend adds itself when it exits at the latest, so read this a moment after
     * the connections of interest were closed.
     */
    long sessions(String database) {
        try {
            scalar("postgres", "SELECT pg_stat_clear_snapshot()");
            return Long.parseLong(scalar("postgres", "SELECT sessions FROM pg_stat_database WHERE datname = '"
                    + database + "'"));
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Makes pg_stat_statements available when the server preloads it (run.sh does); returns whether it is.
     * PostgreSQL's own per-statement times then split a transaction's time into server and client work.
     */
    boolean enableStatements() throws SQLException {
        if (!scalar("postgres", "SHOW shared_preload_libraries").contains("pg_stat_statements")) {
            return false;
        }
        admin("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        return true;
    }

    void resetStatements() throws SQLException {
        scalar("postgres", "SELECT pg_stat_statements_reset()");
    }

    /**
     * The statements that took the most server time in one database since the last reset: calls, mean and max
     * execution ms, rows per call, the start of the text. Execution time excludes the commit's WAL flush.
     */
    List<String> topStatements(String database, int limit) throws SQLException {
        return lines("postgres", "SELECT lpad(calls::text, 6) || ' calls, mean ' || lpad(round(mean_exec_time::numeric, 2)::text, 8) "
                + "|| ' ms, max ' || lpad(round(max_exec_time::numeric, 2)::text, 8) || ' ms, ' "
                + "|| lpad((rows / greatest(calls, 1))::text, 5) || ' rows/call: ' "
                + "|| left(regexp_replace(query, '\s+', ' ', 'g'), 100) FROM pg_stat_statements "
                + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '" + database + "') "
                + "AND query NOT IN ('BEGIN', 'COMMIT', 'ROLLBACK') ORDER BY total_exec_time DESC LIMIT " + limit);
    }

    /** Total server execution ms of all statements in one database since the last reset. */
    double statementMillis(String database) throws SQLException {
        return Double.parseDouble(scalar("postgres", "SELECT coalesce(sum(total_exec_time), 0) FROM "
                + "pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '" + database + "')"));
    }

    /**
     * Cumulative buffer statistics of one database: blocks found in shared_buffers, blocks read from the operating
     * system (its page cache or the disk), committed transactions. PostgreSQL publishes a backend's counters at the
     * latest when the backend exits, so read them after closing the connections whose work they should include.
     */
    long[] bufferStats(String database) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("SELECT blks_hit, blks_read, xact_commit FROM pg_stat_database "
                    + "WHERE datname = '" + database + "'")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
    }
}
