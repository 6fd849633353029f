package dev.sessionkit.store.jpa;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.MaxSessionsPolicy;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.testing.MariaDbServer;
import dev.sessionkit.testing.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A store transaction that the database picks as a deadlock victim runs again instead of failing the request. The
 * deadlock is made on purpose: another client locks a user's second session, the store ("sign out everywhere") locks
 * the first and waits for the second, and the other client then asks for the first. The database must roll one back;
 * each test makes sure it picks the store's, which used to fail as "store unavailable" (a 503 to the user) although
 * running it again a moment later works. MariaDB reports such a victim as error 1213, SQLState 40001; PostgreSQL as
 * SQLState 40P01.
 */
@ExtendWith({PostgresServer.Resolver.class, MariaDbServer.Resolver.class})
class DeadlockVictimIT {

    private static final SessionLimit LIMIT = new SessionLimit(100, MaxSessionsPolicy.EVICT_OLDEST);

    @Test
    void postgresqlVictimRunsAgain(PostgresServer server) throws Exception {
        String url = server.newDatabase();
        try (Connection admin = DriverManager.getConnection(url, "postgres", "");
                Statement s = admin.createStatement()) {
            // PostgreSQL rolls back whichever waiter looks for the deadlock first: the store's, after 3 s; the other
            // client looks only after a minute. 3 s leaves a loaded machine time to make the cycle.
            s.execute("ALTER DATABASE " + admin.getCatalog() + " SET deadlock_timeout = '3s'");
        }
        victimRunsAgain(url, "postgres", other -> execute(other, "SET LOCAL deadlock_timeout = '60s'"),
                "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database()");
    }

    @Test
    void mariaDbVictimRunsAgain(MariaDbServer server) throws Exception {
        String url = server.newDatabase() + JpaSessionStoreMariaDbIT.UTC_OPTIONS;
        // InnoDB rolls back the transaction that changed fewer rows: the store's changed none yet, the other 20, in a
        // table the store's statement does not read (rows of its own table would block it before the cycle).
        victimRunsAgain(url, "root", other -> {
            for (int i = 0; i < 20; i++) {
                execute(other, "INSERT INTO sessionkit_user_lock (user_id) VALUES ('weight-" + i + "')");
            }
        },
                // MariaDB lists a lock wait as a statement still running ("Sending data"), not in INNODB_TRX.
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE info LIKE '%FOR UPDATE%'"
                        + " AND time_ms > 200 AND id <> CONNECTION_ID()");
    }

    private static void victimRunsAgain(String url, String user, SqlStep makeOtherHeavier, String countWaiting)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (JpaSessionStore store = JpaSessionStores.open(url, user, "", SchemaMode.CREATE);
                Connection other = DriverManager.getConnection(url, user, "");
                Connection observer = DriverManager.getConnection(url, user, "")) {
            for (int i = 0; i < 2; i++) {
                store.create(aSession().ownedBy("alice").build(), LIMIT, T0);
            }
            List<SessionId> alice = idsInDatabaseOrder(observer, "alice");
            other.setAutoCommit(false);
            makeOtherHeavier.run(other);
            lock(other, alice.get(1));

            // The store locks alice's sessions in id order: it takes the first and waits for the second.
            Future<List<SessionRecord>> ended = threads.submit(() -> store.endAllOfUser("alice", Optional.empty(),
                    EndReason.REVOKED_BY_USER, T0.plusSeconds(60)));
            awaitOneWaiting(observer, countWaiting);
            // Now the other client waits for the first: a cycle, which the database breaks by rolling back the store.
            Future<Object> otherDone = threads.submit(() -> {
                lock(other, alice.get(0));
                other.commit();
                return null;
            });
            otherDone.get(90, TimeUnit.SECONDS);

            List<SessionRecord> result = ended.get(90, TimeUnit.SECONDS);
            assertEquals(Set.copyOf(alice), result.stream().map(SessionRecord::id).collect(Collectors.toSet()),
                    "both sessions ended, no 503");
            assertEquals(List.of(), store.listActive("alice", T0.plusSeconds(60)));
        } finally {
            threads.shutdownNow();
        }
    }

    /** The user's session ids in the order the database sorts them (its collation, not Java's), as the store locks. */
    private static List<SessionId> idsInDatabaseOrder(Connection connection, String user) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT id FROM sessionkit_session WHERE user_id = ? ORDER BY id")) {
            s.setString(1, user);
            List<SessionId> ids = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(new SessionId(rows.getString(1)));
                }
            }
            return ids;
        }
    }

    private static void lock(Connection connection, SessionId id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT id FROM sessionkit_session WHERE id = ? FOR UPDATE")) {
            s.setString(1, id.value());
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next(), "session row exists");
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** Polls the server until one transaction waits for a row lock (the store's, blocked on the second row). */
    private static void awaitOneWaiting(Connection observer, String countWaiting) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (Statement s = observer.createStatement(); ResultSet rows = s.executeQuery(countWaiting)) {
                rows.next();
                if (rows.getLong(1) == 1) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the store never waited for the locked row");
    }

    /** One step of SQL on the other client's connection. */
    @FunctionalInterface
    private interface SqlStep {
        void run(Connection connection) throws SQLException;
    }
}
