package dev.sessionkit.store.jpa;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.LeaseStore;
import dev.sessionkit.store.LeaseStoreContract;
import dev.sessionkit.store.SessionReports;
import dev.sessionkit.store.SessionReportsContract;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.SessionStoreContract;
import dev.sessionkit.testing.Sessions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The store contract on the JPA store, as two nodes (two EntityManagerFactories) on one database whose tables
 * were created from the shipped script, plus checks through raw JDBC of what is really stored.
 */
abstract class JpaStoreContract extends SessionStoreContract {

    private JpaSessionStore nodeA;
    private JpaSessionStore nodeB;

    /** JDBC URL of a new, empty database for this test class. */
    protected abstract String jdbcUrl();

    protected abstract String user();

    @Override
    protected SessionStore nodeA() {
        if (nodeA == null) {
            nodeA = JpaSessionStores.open(jdbcUrl(), user(), "", SchemaMode.CREATE);
            nodeB = JpaSessionStores.open(jdbcUrl(), user(), "", SchemaMode.VALIDATE);
        }
        return nodeA;
    }

    @Override
    protected SessionStore nodeB() {
        nodeA();
        return nodeB;
    }

    @Override
    protected void reset() {
        nodeA();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM sessionkit_session");
            s.executeUpdate("DELETE FROM sessionkit_user_lock");
            s.executeUpdate("DELETE FROM sessionkit_lease");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reports contract on the same database, through both nodes. */
    @Nested
    class Reports extends SessionReportsContract {
        @Override
        protected SessionStore nodeA() {
            return JpaStoreContract.this.nodeA();
        }

        @Override
        protected SessionReports reportsA() {
            return (JpaSessionStore) JpaStoreContract.this.nodeA();
        }

        @Override
        protected SessionReports reportsB() {
            return (JpaSessionStore) JpaStoreContract.this.nodeB();
        }

        @Override
        protected void resetReports() {
            reset();
        }
    }

    /** The lease contract on the same database, through both nodes. */
    @Nested
    class Leases extends LeaseStoreContract {
        @Override
        protected LeaseStore leasesA() {
            return (JpaSessionStore) JpaStoreContract.this.nodeA();
        }

        @Override
        protected LeaseStore leasesB() {
            return (JpaSessionStore) JpaStoreContract.this.nodeB();
        }

        @Override
        protected void resetLeases() {
            reset();
        }
    }

    @AfterAll
    void closeNodes() {
        if (nodeA != null) {
            nodeA.close();
            nodeB.close();
        }
    }

    protected Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), "");
    }

    @Test
    void storesOnlyTheTokenHashNeverTheToken() throws SQLException {
        Sessions builder = aSession();
        SessionRecord session = builder.build();
        nodeA().create(session, SessionLimit.unlimited(), T0);
        String token = builder.token().reveal();

        List<String> values = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM sessionkit_session")) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
            }
        }

        assertFalse(values.isEmpty());
        assertTrue(values.stream().noneMatch(v -> v.contains(token)), "the token must not be stored anywhere");
        assertTrue(values.contains(builder.token().hash().hex()), "the SHA-256 hash is the lookup key");
        assertEquals(64, builder.token().hash().hex().length());
    }

    @Test
    void timesAreStoredAsTimestampsWithTimeZoneReadableInSql() throws SQLException {
        SessionRecord session = aSession().build();
        nodeA().create(session, SessionLimit.unlimited(), T0);
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT created_at FROM sessionkit_session")) {
            rs.next();
            assertEquals(T0, rs.getObject(1, java.time.OffsetDateTime.class).toInstant());
        }
    }

    /** Issue 11: rows written before names were made safe text (or by anything else) are shown as safe text. */
    @Test
    void hostileNamesInTheDatabaseWhenReadThenSafeText() throws SQLException {
        SessionRecord session = aSession().build();
        nodeA().create(session, SessionLimit.unlimited(), T0);
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("UPDATE sessionkit_session SET"
                + " browser = ?, os = ?, location_city = ?, location_country_code = 'DE', location_country_name = ?")) {
            s.setString(1, "x\" autofocus onfocus=\"alert(1)//");
            s.setString(2, "<img src=x onerror=alert(1)>");
            s.setString(3, "<script>`Berlin`</script>");
            s.setString(4, "\u202EGermany\"");
            assertEquals(1, s.executeUpdate());
        }
        SessionRecord read = nodeB().findById(session.id()).orElseThrow();
        assertEquals("x autofocus onfocusalert(1)//", read.device().browser());
        assertEquals("img srcx onerroralert(1)", read.device().os());
        assertEquals(Optional.of("scriptBerlin/script"), read.location().orElseThrow().city());
        assertEquals("Germany", read.location().orElseThrow().countryName());
    }
}
