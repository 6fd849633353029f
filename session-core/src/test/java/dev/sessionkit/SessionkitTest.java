package dev.sessionkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.service.IssuedSession;
import dev.sessionkit.service.ValidationResult;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Building a running Sessionkit from settings, and failing fast with the key and the fix when it cannot run. */
class SessionkitTest {

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void buildWhenSchemaCreateThenLoginValidateListAndCleanupWork() {
        MutableClock clock = MutableClock.atT0();
        SessionkitSettings settings = SessionkitSettings.builder().jdbcUrl(url).schema(SchemaMode.CREATE).build();
        try (Sessionkit sessionkit = Sessionkit.builder(settings).clock(clock).build()) {
            IssuedSession issued = sessionkit.service().login(SessionPrincipal.of("alice", "user"),
                    ClientInfo.of("192.0.2.10",
                            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                                    + "Chrome/120.0.0.0 Safari/537.36"));

            assertTrue(sessionkit.service().validate(issued.token().reveal()).isValid());
            assertEquals(1, sessionkit.queries().listActive("alice").size());
            assertEquals("desktop", issued.session().device().type().wireName(), "the standard detector is used");

            clock.advance(Duration.ofDays(2));
            assertEquals(1, sessionkit.cleanup().runOnce().ended());
            assertFalse(sessionkit.service().validate(issued.token().reveal()).isValid());
        }
    }

    @Test
    void buildWhenTablesMissingThenFailsNamingTheScript() {
        SessionkitSettings settings = SessionkitSettings.builder().jdbcUrl(url).build();

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> Sessionkit.builder(settings).build());

        assertEquals("schema", e.key());
        assertTrue(e.getMessage().contains("table sessionkit_session"), e.getMessage());
        assertTrue(e.getMessage().contains("/dev/sessionkit/store/jpa/schema-h2.sql"), e.getMessage());
        assertTrue(e.getMessage().contains("schema=create"), e.getMessage());
    }

    @Test
    void buildWhenARequiredColumnIsMissingThenNamesIt() throws Exception {
        try (Sessionkit created = Sessionkit.builder(SessionkitSettings.builder().jdbcUrl(url)
                .schema(SchemaMode.CREATE).build()).build()) {
            assertTrue(created.queries().listActive("nobody").isEmpty());
        }
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE sessionkit_session DROP COLUMN os");
        }

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> Sessionkit.builder(SessionkitSettings.builder().jdbcUrl(url).schema(SchemaMode.CREATE).build())
                        .build());

        assertEquals("schema", e.key());
        assertTrue(e.getMessage().contains("column sessionkit_session.os"), e.getMessage());
    }

    @Test
    void buildWhenANullableColumnANewerVersionAddedIsMissingThenAddsIt() throws Exception {
        try (Sessionkit created = Sessionkit.builder(SessionkitSettings.builder().jdbcUrl(url)
                .schema(SchemaMode.CREATE).build()).build()) {
            created.service().login(new dev.sessionkit.session.SessionPrincipal("alice", "alice",
                    java.util.Set.of()), dev.sessionkit.session.ClientInfo.unknown());
        }
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE sessionkit_session DROP COLUMN auth_method");
        }

        try (Sessionkit upgraded = Sessionkit.builder(SessionkitSettings.builder().jdbcUrl(url)
                .schema(SchemaMode.CREATE).build()).build()) {
            var sessions = upgraded.queries().listActive("alice");
            assertEquals(1, sessions.size(), "the session made before the upgrade is kept");
            assertEquals(dev.sessionkit.session.Authentication.UNKNOWN, sessions.get(0).authentication().method(),
                    "a row from before records no method");
        }
    }

    @Test
    void buildWhenDatabaseUnreachableThenNamesJdbcUrlAndHidesThePassword() {
        SessionkitSettings settings = SessionkitSettings.builder()
                .jdbcUrl("jdbc:postgresql://127.0.0.1:1/sessions?connectTimeout=2")
                .jdbcUser("app").jdbcPassword("s3cret-pass").build();

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> Sessionkit.builder(settings).build());

        assertEquals("jdbc-url", e.key());
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-pass"));
    }

    @Test
    void buildWhenPasswordIsInTheUrlThenTheMessageHidesIt() {
        SessionkitSettings settings = SessionkitSettings.builder()
                .jdbcUrl("jdbc:postgresql://127.0.0.1:1/sessions?user=app&password=in-url-secret&connectTimeout=2")
                .build();

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> Sessionkit.builder(settings).build());

        assertFalse(e.getMessage().contains("in-url-secret"), e.getMessage());
    }

    @Test
    void buildWhenDatasourceNotInJndiThenNamesDatasource() {
        SessionkitSettings settings = SessionkitSettings.builder().datasource("jdbc/sessions").build();

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> Sessionkit.builder(settings).build());

        assertEquals("datasource", e.key());
        assertTrue(e.getMessage().contains("jdbc/sessions"), e.getMessage());
    }

    @Test
    void buildWhenGeoipDatabaseMissingThenNamesTheKey() {
        SessionkitSettings settings = SessionkitSettings.builder().jdbcUrl(url).schema(SchemaMode.CREATE)
                .geoipDatabase(Path.of("does-not-exist.mmdb")).build();

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> Sessionkit.builder(settings).build());

        assertEquals("geoip-database", e.key());
    }

    @Test
    void validateThroughTheFacadeNeverAcceptsGarbage() {
        try (Sessionkit sessionkit = Sessionkit.builder(SessionkitSettings.builder().jdbcUrl(url)
                .schema(SchemaMode.CREATE).build()).build()) {
            assertEquals(new ValidationResult.Invalid(dev.sessionkit.service.InvalidReason.UNKNOWN),
                    sessionkit.service().validate("x".repeat(43)));
        }
    }
}
