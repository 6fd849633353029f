package dev.sessionkit.cli;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.device.DeviceType;
import dev.sessionkit.maintenance.SessionCleanup;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.Ending;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.jpa.JpaSessionStores;
import dev.sessionkit.store.jpa.SchemaScripts;
import dev.sessionkit.testing.Sessions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * revoke, cleanup, stats and the schema commands on a real database: the store-wide work of an administrator,
 * checked through the store and plain JDBC.
 */
abstract class AdminCommandsContract extends DatabaseContract {

    private static final Duration LEASE_TTL = Duration.ofMinutes(30);

    @Test
    void revokeWhenActiveThenEndsItAsRevokedByAdmin() {
        Sessions builder = aSession().ownedBy("alice");
        SessionRecord session = seed(builder);
        clock.set(at(Duration.ofMinutes(2)));

        Cli.Result result = run("revoke", session.id().value());

        assertEquals(0, result.exit(), result::toString);
        assertEquals("Revoked session " + session.id() + " of user alice.\n", result.out());
        assertEquals(Optional.of(new Ending(at(Duration.ofMinutes(2)), EndReason.REVOKED_BY_ADMIN)),
                stored(session).ending());
        assertEquals(1, run("validate", tokenOf(builder)).exit(), "the app refuses it from now on");
    }

    @Test
    void revokeWhenAlreadyEndedThenChangesNothing() {
        SessionRecord session = seed(aSession());
        end(session, EndReason.LOGOUT, at(Duration.ofMinutes(1)));

        Cli.Result text = run("revoke", session.id().value());
        Cli.Result json = run("revoke", session.id().value(), "--json");

        assertEquals(0, text.exit(), text::toString);
        assertEquals("Session " + session.id() + " of user alice had already ended (logout); nothing to revoke.\n",
                text.out());
        assertEquals(Map.of("ended", 0L), JsonParser.object(json.out()));
        assertEquals(EndReason.LOGOUT, stored(session).ending().orElseThrow().reason());
    }

    @Test
    void revokeWhenUnknownIdThenNotFoundExit1() {
        String unknown = SessionId.random(new SecureRandom()).value();

        Cli.Result result = run("revoke", unknown);

        assertEquals(1, result.exit(), result::toString);
        assertEquals("sessionkit: no session with id " + unknown + "\n", result.err());
    }

    @Test
    void revokeWhenUserThenEndsAllTheirActiveSessionsOnly() {
        SessionRecord first = seed(aSession().ownedBy("alice"));
        SessionRecord second = seed(aSession().ownedBy("alice"));
        SessionRecord before = seed(aSession().ownedBy("alice"));
        end(before, EndReason.LOGOUT, at(Duration.ofMinutes(1)));
        SessionRecord bobs = seed(aSession().ownedBy("bob"));

        Cli.Result result = run("revoke", "--user", "alice", "--json");
        Cli.Result again = run("revoke", "--user", "alice");

        assertEquals(0, result.exit(), result::toString);
        assertEquals(Map.of("ended", 2L), JsonParser.object(result.out()));
        for (SessionRecord s : List.of(first, second)) {
            assertEquals(EndReason.REVOKED_BY_ADMIN, stored(s).ending().orElseThrow().reason());
        }
        assertEquals(EndReason.LOGOUT, stored(before).ending().orElseThrow().reason());
        assertTrue(stored(bobs).isActive());
        assertEquals("Revoked 0 active sessions of user alice.\n", again.out());
    }

    @Test
    void revokeWhenIdStartsWithDashThenRevokesIt() {
        SessionRecord session = seed(withIdAndToken(aSession().build(), new SessionId(startingWith("-V", 22)),
                startingWith("x", 43)));

        assertEquals(0, run("revoke", session.id().value()).exit());
        assertFalse(stored(session).isActive());
    }

    @Test
    void cleanupThenEndsExpiredDeletesOldHistoryAndGivesTheLeaseBack() {
        SessionRecord expired = seed(aSession());
        SessionRecord active = seed(createdAt(at(Duration.ofMinutes(50))));
        SessionRecord old = seed(createdAt(T0.minus(Duration.ofDays(41))));
        end(old, EndReason.LOGOUT, T0.minus(Duration.ofDays(40)));
        SessionRecord recent = seed(createdAt(T0.minus(Duration.ofDays(2))));
        end(recent, EndReason.LOGOUT, T0.minus(Duration.ofDays(1)));
        clock.set(at(Duration.ofHours(1)));

        Cli.Result result = run("cleanup");

        assertEquals(0, result.exit(), result::toString);
        assertEquals("Ended 1 expired session; deleted 1 that ended before 2026-02-01 11:00:00 UTC.\n", result.out());
        assertEquals(EndReason.EXPIRED_IDLE, stored(expired).ending().orElseThrow().reason());
        assertTrue(stored(active).isActive());
        assertTrue(store.findById(old.id()).isEmpty());
        assertTrue(store.findById(recent.id()).isPresent());
        assertTrue(store.tryAcquireLease(SessionCleanup.LEASE_NAME, "web-node", clock.instant(), LEASE_TTL),
                "a web node can clean at once: the command gave the lease back");
    }

    @Test
    void cleanupWhenOlderThanGivenThenItWinsOverTheRetentionSetting() {
        SessionRecord recent = seed(createdAt(T0.minus(Duration.ofDays(2))));
        end(recent, EndReason.LOGOUT, T0.minus(Duration.ofDays(1)));

        Cli.Result result = check(cli().env("SESSIONKIT_HISTORY_RETENTION", "P90D")
                .run("cleanup", "--older-than", "12h", "--json"));

        assertEquals(0, result.exit(), result::toString);
        assertEquals(Map.of("ran", true, "ended", 0L, "purged", 1L, "purgedEndedBefore", "2026-03-02T22:00:00Z",
                "complete", true), JsonParser.object(result.out()));
        assertTrue(store.findById(recent.id()).isEmpty());
    }

    @Test
    void cleanupWhenRetentionInTheEnvironmentThenUsesIt() {
        SessionRecord recent = seed(createdAt(T0.minus(Duration.ofDays(2))));
        end(recent, EndReason.LOGOUT, T0.minus(Duration.ofDays(1)));

        Cli.Result result = check(cli().env("SESSIONKIT_HISTORY_RETENTION", "12h").run("cleanup"));

        assertEquals("Ended 0 expired sessions; deleted 1 that ended before 2026-03-02 22:00:00 UTC.\n",
                result.out());
    }

    @Test
    void cleanupWhenAWebNodeIsCleaningThenSkipsAndDoesNothing() {
        SessionRecord expired = seed(aSession());
        clock.set(at(Duration.ofHours(1)));
        assertTrue(store.tryAcquireLease(SessionCleanup.LEASE_NAME, "web-node", clock.instant(), LEASE_TTL));

        Cli.Result text = run("cleanup");
        Map<String, Object> json = JsonParser.object(run("cleanup", "--json").out());

        assertEquals(0, text.exit(), text::toString);
        assertTrue(text.out().startsWith("Skipped: a web app node holds the cleanup lease"), text::toString);
        assertEquals(false, json.get("ran"));
        assertTrue(stored(expired).isActive());
        assertTrue(store.tryAcquireLease(SessionCleanup.LEASE_NAME, "web-node", clock.instant(), LEASE_TTL),
                "the web node still holds its lease");
    }

    @Test
    void statsWhenSessionsThenCountsByDeviceAndReasonAndHour() {
        Duration idle = Duration.ofHours(8);
        seed(aSession().idleTimeout(idle));
        seed(aSession().idleTimeout(idle));
        seed(createdAt(at(Duration.ofHours(1))).idleTimeout(idle).device(DeviceType.MOBILE, "Safari 17", "iOS"));
        SessionRecord ended = seed(aSession());
        end(ended, EndReason.LOGOUT, at(Duration.ofMinutes(90)));
        clock.set(at(Duration.ofHours(2)));

        Cli.Result text = run("stats");
        Map<String, Object> json = JsonParser.object(run("stats", "--json").out());

        assertEquals(0, text.exit(), text::toString);
        assertTrue(text.out().startsWith("Active sessions:             3\n"
                + "Active by device type:       desktop 2, mobile 1\n"
                + "Ended in 30 days, by reason: logout 1\n"), text::toString);
        assertTrue(text.out().contains("\n2026-03-03 10:00  3       0\n2026-03-03 11:00  1       1\n"), text::toString);
        assertEquals(3L, json.get("active"));
        assertEquals(Map.of("desktop", 2L, "mobile", 1L), json.get("activeByDeviceType"));
        assertEquals(Map.of("logout", 1L), json.get("endsByReason"));
        List<?> logins = (List<?>) json.get("loginsPerHour");
        assertEquals(24, logins.size());
        assertEquals(Map.of("start", "2026-03-03T12:00:00Z", "count", 0L), logins.get(23));
        assertEquals(Map.of("start", "2026-03-03T10:00:00Z", "count", 3L), logins.get(21));
    }

    @Test
    void schemaWhenEmptyDatabaseThenValidateFailsCreateMakesTablesAndRefusesASecondTime() {
        String empty = newDatabase();
        String script = SchemaScripts.forDatabase(database()).orElseThrow().createScriptLocation();

        Cli.Result missing = runOn(empty, "schema", "validate");
        Map<String, Object> missingJson = JsonParser.object(runOn(empty, "schema", "validate", "--json").out());
        Cli.Result created = runOn(empty, "schema", "create");
        Cli.Result valid = runOn(empty, "schema", "validate");
        Cli.Result again = runOn(empty, "schema", "create");
        Cli.Result list = runOn(empty, "list");

        assertEquals(1, missing.exit(), missing::toString);
        assertTrue(missing.out().startsWith("Invalid: ") && missing.out().contains("table sessionkit_session, table "
                + "sessionkit_user_lock, table sessionkit_lease") && missing.out().contains(script), missing::toString);
        assertEquals(false, missingJson.get("valid"));
        assertTrue(((String) missingJson.get("problem")).contains("table sessionkit_lease"), missingJson::toString);
        assertEquals(0, created.exit(), created::toString);
        assertEquals("Created the Sessionkit tables from " + script + ".\n", created.out());
        assertEquals(0, valid.exit(), valid::toString);
        assertEquals("Valid: every Sessionkit table and column is present.\n", valid.out());
        assertEquals(1, again.exit(), again::toString);
        assertTrue(again.err().startsWith("sessionkit: the Sessionkit tables already exist, so nothing was created"),
                again::toString);
        assertEquals("No active sessions.\n", list.out());
    }

    @Test
    void schemaValidateWhenAColumnIsMissingThenNamesIt() throws SQLException {
        String database = newDatabase();
        createTables(database);
        sql(database, "ALTER TABLE sessionkit_session DROP COLUMN location_city");

        Cli.Result result = runOn(database, "schema", "validate");

        assertEquals(1, result.exit(), result::toString);
        assertTrue(result.out().contains("column sessionkit_session.location_city"), result::toString);
    }

    @Test
    void schemaCreateWhenAnOlderVersionMadeTheDatabaseThenAddsOnlyTheMissingTablesKeepingSessions()
            throws SQLException {
        String database = newDatabase();
        createTables(database);
        SessionRecord session = createdAt(clock.instant()).build();
        try (var older = JpaSessionStores.open(database, user(), "", SchemaMode.VALIDATE)) {
            older.create(session, SessionLimit.unlimited(), session.createdAt());
        }
        sql(database, "DROP TABLE sessionkit_login_failure");
        sql(database, "DROP TABLE sessionkit_security_event");
        Cli.Result invalid = runOn(database, "schema", "validate");

        Cli.Result result = runOn(database, "schema", "create");

        assertEquals(1, invalid.exit(), invalid::toString);
        assertTrue(invalid.out().contains("table sessionkit_security_event, table sessionkit_login_failure"),
                invalid::toString);
        assertEquals(0, result.exit(), result::toString);
        assertTrue(result.out().startsWith("Added what an older version's tables lacked (table "
                + "sessionkit_security_event, table sessionkit_login_failure)"), result::toString);
        assertEquals(0, runOn(database, "schema", "validate").exit());
        assertTrue(runOn(database, "list", "--user", session.userId()).out().contains(session.id().value()),
                "the session made before the upgrade is still there");
    }

    @Test
    void schemaCreateWhenARequiredColumnIsMissingThenFailsNamingIt() throws SQLException {
        String database = newDatabase();
        createTables(database);
        sql(database, "ALTER TABLE sessionkit_lease DROP COLUMN expires_at");

        Cli.Result result = runOn(database, "schema", "create");

        assertEquals(1, result.exit(), result::toString);
        assertOneLine(result);
        assertTrue(result.err().contains("column sessionkit_lease.expires_at"), result::toString);
    }

    @Test
    void schemaCreateWhenANewNullableColumnIsMissingThenAddsItKeepingSessions() throws SQLException {
        String database = newDatabase();
        createTables(database);
        SessionRecord session = createdAt(clock.instant()).build();
        try (var older = JpaSessionStores.open(database, user(), "", SchemaMode.VALIDATE)) {
            older.create(session, SessionLimit.unlimited(), session.createdAt());
        }
        // A database an earlier snapshot made: no authentication columns, so its rows have none.
        for (String column : List.of("authenticated_at", "auth_method", "auth_level")) {
            sql(database, "ALTER TABLE sessionkit_session DROP COLUMN " + column);
        }

        Cli.Result result = runOn(database, "schema", "create");

        assertEquals(0, result.exit(), result::toString);
        assertTrue(result.out().contains("column sessionkit_session.auth_method"), result::toString);
        assertEquals(0, runOn(database, "schema", "validate").exit());
        String shown = runOn(database, "show", session.id().value()).out();
        assertTrue(shown.contains(session.id().value()), shown);
    }

    @Test
    void commandsWhenTablesMissingThenExit3PointingToSchemaValidate() {
        Cli.Result result = new Cli(clock).run("--jdbc-url", newDatabase(), "--jdbc-user", user(), "list");

        assertEquals(3, result.exit(), result::toString);
        assertOneLine(result);
        assertTrue(result.err().contains("sessionkit schema validate"), result::toString);
    }

    @Test
    void schemaPrintWithoutDatabaseThenTheScriptOfTheDatabaseTheUrlPointsAt() {
        Cli.Result result = run("schema", "print");

        assertEquals(SchemaScripts.forDatabase(database()).orElseThrow().createScript(), result.out());
    }

    @Test
    void connectionOptionsThenWinOverTheEnvironment() {
        seed(aSession());

        Cli.Result result = check(new Cli(clock).env("SESSIONKIT_JDBC_URL", UNREACHABLE)
                .env("SESSIONKIT_JDBC_USER", "nobody").run("--jdbc-url", url(), "--jdbc-user", user(), "list"));

        assertEquals(0, result.exit(), result::toString);
        assertEquals(2, result.out().lines().count(), result::toString);
    }

    private Cli.Result runOn(String database, String... args) {
        return check(new Cli(clock).env("SESSIONKIT_JDBC_URL", database).env("SESSIONKIT_JDBC_USER", user())
                .run(args));
    }
}
