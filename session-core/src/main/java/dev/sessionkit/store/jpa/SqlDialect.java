package dev.sessionkit.store.jpa;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything Sessionkit knows about database vendors, and the only class that knows it: the names users give a
 * database (CLI, JDBC sub-protocol), the EclipseLink platform, whether it has a channel for ended sessions, the
 * script names, and the few statements that differ between databases. Chosen once at start-up from the JDBC
 * metadata; every other statement is in {@link SessionSql}.
 */
enum SqlDialect {
    H2("h2", List.of(), "org.eclipse.persistence.platform.database.H2Platform", false,
            "MERGE INTO sessionkit_user_lock t USING (VALUES (CAST(?1 AS VARCHAR(255)))) s(user_id) "
                    + "ON t.user_id = s.user_id WHEN NOT MATCHED THEN INSERT (user_id) VALUES (s.user_id)",
            "MERGE INTO sessionkit_lease t USING (VALUES (CAST(?1 AS VARCHAR(64)))) s(name) "
                    + "ON t.name = s.name WHEN NOT MATCHED THEN INSERT (name, holder, expires_at) VALUES (s.name, NULL, ?2)",
            "EXTRACT(EPOCH FROM %s)",
            // H2 has no SKIP LOCKED; only one node cleans at a time (lease), so waiting briefly is harmless.
            "SELECT id FROM sessionkit_session WHERE status = " + SessionSql.ACTIVE + " AND (idle_expires_at <= ?1 "
                    + "OR absolute_expires_at <= ?2) ORDER BY id FETCH FIRST ?3 ROWS ONLY FOR UPDATE"),
    POSTGRESQL("postgresql", List.of(), "org.eclipse.persistence.platform.database.PostgreSQLPlatform", true,
            "INSERT INTO sessionkit_user_lock (user_id) VALUES (?1) ON CONFLICT DO NOTHING",
            "INSERT INTO sessionkit_lease (name, holder, expires_at) VALUES (?1, NULL, ?2) ON CONFLICT DO NOTHING",
            "EXTRACT(EPOCH FROM %s)",
            // No ORDER BY: SKIP LOCKED never waits, so lock order cannot deadlock, and ordering by id made the
            // server walk the primary key past every session ended so far, on every batch (quadratic over 10^6).
            "SELECT id FROM sessionkit_session WHERE status = " + SessionSql.ACTIVE + " AND (idle_expires_at <= ?1 "
                    + "OR absolute_expires_at <= ?2) LIMIT ?3 FOR UPDATE SKIP LOCKED"),
    // One dialect for both: MariaDB speaks MySQL's SQL for everything the store sends.
    MYSQL("mysql", List.of("mariadb"), "org.eclipse.persistence.platform.database.MySQLPlatform", false,
            "INSERT IGNORE INTO sessionkit_user_lock (user_id) VALUES (?1)",
            // Not INSERT IGNORE: on an existing row it takes a shared lock, and two nodes that both go on to
            // UPDATE the lease in the same transaction deadlock; ON DUPLICATE KEY locks the row exclusively.
            "INSERT INTO sessionkit_lease (name, holder, expires_at) VALUES (?1, NULL, ?2) "
                    + "ON DUPLICATE KEY UPDATE name = name",
            // Not UNIX_TIMESTAMP(): it reads a DATETIME in the session time zone, and these columns hold UTC.
            "(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', %s) * 0.000001)",
            // As for PostgreSQL: SKIP LOCKED, so no ORDER BY is needed against deadlocks, and none is paid for.
            "SELECT id FROM sessionkit_session WHERE status = " + SessionSql.ACTIVE + " AND (idle_expires_at <= ?1 "
                    + "OR absolute_expires_at <= ?2) LIMIT ?3 FOR UPDATE SKIP LOCKED");

    private final String cliName;
    private final List<String> aliases;
    private final String eclipseLinkPlatform;
    private final boolean hasNotifyChannel;
    private final String insertUserLockIfAbsent;
    private final String insertLeaseIfAbsent;
    private final String epochSecondsTemplate;
    private final String lockExpiredBatch;

    SqlDialect(String cliName, List<String> aliases, String eclipseLinkPlatform, boolean hasNotifyChannel,
            String insertUserLockIfAbsent, String insertLeaseIfAbsent, String epochSecondsTemplate,
            String lockExpiredBatch) {
        this.cliName = cliName;
        this.aliases = aliases;
        this.eclipseLinkPlatform = eclipseLinkPlatform;
        this.hasNotifyChannel = hasNotifyChannel;
        this.insertUserLockIfAbsent = insertUserLockIfAbsent;
        this.insertLeaseIfAbsent = insertLeaseIfAbsent;
        this.epochSecondsTemplate = epochSecondsTemplate;
        this.lockExpiredBatch = lockExpiredBatch;
    }

    /**
     * Picks the dialect from {@link java.sql.DatabaseMetaData#getDatabaseProductName()}.
     *
     * @param productName the JDBC product name, e.g. "PostgreSQL", "H2", "MySQL", "MariaDB"
     * @return the dialect, or empty for an unsupported database
     */
    static Optional<SqlDialect> forProduct(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return Optional.of(POSTGRESQL);
        }
        if (name.equals("h2")) {
            return Optional.of(H2);
        }
        if (name.contains("mysql") || name.contains("mariadb")) {
            return Optional.of(MYSQL);
        }
        return Optional.empty();
    }

    /**
     * Picks the dialect a user names: {@code h2}, {@code postgresql} or {@code mysql} (also {@code mariadb}), in any
     * case; also the sub-protocol of a JDBC URL.
     *
     * @param name the name
     * @return the dialect, or empty for an unsupported database
     */
    static Optional<SqlDialect> forName(String name) {
        String wanted = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.cliName.equals(wanted) || d.aliases.contains(wanted))
                .findFirst();
    }

    /** {@return the names {@link #forName} documents, one per dialect: {@code [h2, postgresql, mysql]}} */
    static List<String> names() {
        return Arrays.stream(values()).map(SqlDialect::cliName).toList();
    }

    /** {@return the name users give this database on the command line and in messages} */
    String cliName() {
        return cliName;
    }

    /** {@return the EclipseLink {@code target-database} platform class} */
    String eclipseLinkPlatform() {
        return eclipseLinkPlatform;
    }

    /** {@return whether the database can carry the channel of ended sessions (LISTEN/NOTIFY)} */
    boolean hasNotifyChannel() {
        return hasNotifyChannel;
    }

    /** {@return whether one UPDATE can take many sessions' activity from arrays (PostgreSQL's unnest)} */
    boolean updatesFromArrays() {
        return this == POSTGRESQL;
    }

    /** Native SQL taking the user id as ?1; inserts the user's lock row unless it exists, never fails on it. */
    String insertUserLockIfAbsent() {
        return insertUserLockIfAbsent;
    }

    /** Native SQL taking the lease name as ?1 and an expired instant as ?2; inserts the lease row unless it exists. */
    String insertLeaseIfAbsent() {
        return insertLeaseIfAbsent;
    }

    /**
     * Native SQL taking "now" as ?1 and ?2 and a row limit as ?3: locks and returns the ids of at most that many
     * expired active sessions, in id order (a fixed lock order cannot deadlock), skipping rows others hold locked
     * where the database can.
     */
    String lockExpiredBatch() {
        return lockExpiredBatch;
    }

    /** SQL expression for a timestamp column's seconds since the epoch, as a number. */
    String epochSeconds(String column) {
        return String.format(Locale.ROOT, epochSecondsTemplate, column);
    }

    /** Classpath resource of the script that creates the tables. */
    String createScript() {
        return "/dev/sessionkit/store/jpa/schema-" + cliName + ".sql";
    }

    /** Classpath resource of the script that drops the tables. */
    String dropScript() {
        return "/dev/sessionkit/store/jpa/drop-" + cliName + ".sql";
    }
}
