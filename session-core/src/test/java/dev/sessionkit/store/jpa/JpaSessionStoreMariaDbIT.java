package dev.sessionkit.store.jpa;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.testing.MariaDbServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store contract on a real MariaDB server (the MySQL dialect), tables created from schema-mysql.sql. The
 * server runs in a non-UTC time zone, so SQL that reads the DATETIME(6) columns in the session's zone shows here.
 * The URL carries the options that schema-mysql.sql tells MariaDB Connector/J users to set.
 */
@ExtendWith(MariaDbServer.Resolver.class)
class JpaSessionStoreMariaDbIT extends JpaStoreContract {

    /** MariaDB Connector/J converts date-times to and from the JVM's zone unless told both of these. */
    static final String UTC_OPTIONS = "?connectionTimeZone=UTC&preserveInstants=true";

    private MariaDbServer server;
    private String url;

    @BeforeAll
    void startServer(MariaDbServer shared) {
        server = shared;
        url = server.newDatabase() + UTC_OPTIONS;
    }

    @Override
    protected String jdbcUrl() {
        return url;
    }

    @Override
    protected String user() {
        return "root";
    }

    @Test
    void openWhenTablesMissingThenFailsNamingTheMysqlScript() {
        String empty = server.newDatabase();

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> JpaSessionStores.open(empty, "root", "", SchemaMode.VALIDATE));

        assertEquals("schema", e.key());
        assertTrue(e.getMessage().contains("/dev/sessionkit/store/jpa/schema-mysql.sql"), e.getMessage());
    }

    @Test
    void schemaCreateIsIdempotentAcrossRestarts() {
        String database = server.newDatabase() + UTC_OPTIONS;
        JpaSessionStores.open(database, "root", "", SchemaMode.CREATE).close();
        JpaSessionStores.open(database, "root", "", SchemaMode.CREATE).close();
        JpaSessionStores.open(database, "root", "", SchemaMode.VALIDATE).close();
    }

    @Test
    void runsOnARealMariaDbServer() {
        String version = server.version();
        assertTrue(version.startsWith("11.4.") && version.contains("MariaDB"), version);
    }

    @Test
    void timesAreStoredAsUtcWhateverTheJvmAndServerTimeZones() throws SQLException {
        TimeZone jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
        try (JpaSessionStore store = JpaSessionStores.open(url, "root", "", SchemaMode.VALIDATE)) {
            SessionRecord session = aSession().build();
            store.create(session, SessionLimit.unlimited(), T0);

            assertEquals(Optional.of(session), store.findById(session.id()));
            try (Connection c = connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT CAST(created_at AS CHAR) FROM sessionkit_session")) {
                rs.next();
                assertEquals(LocalDateTime.ofInstant(T0, ZoneOffset.UTC),
                        LocalDateTime.parse(rs.getString(1).replace(' ', 'T')));
            }
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }
}
