package dev.sessionkit.store.jpa;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.security.EventId;
import dev.sessionkit.security.EventSearch;
import dev.sessionkit.security.EventType;
import dev.sessionkit.security.FailureCounts;
import dev.sessionkit.security.SecurityEvent;
import dev.sessionkit.store.LeaseStore;
import dev.sessionkit.store.LoginAttemptStore;
import dev.sessionkit.store.LoginAttemptStoreContract;
import dev.sessionkit.store.Page;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.store.RememberMeStore;
import dev.sessionkit.store.RememberMeStoreContract;
import dev.sessionkit.store.SecurityEventStore;
import dev.sessionkit.store.SecurityEventStoreContract;
import dev.sessionkit.store.SecurityStores;
import dev.sessionkit.store.LeaseStoreContract;
import dev.sessionkit.store.SessionReports;
import dev.sessionkit.store.SessionReportsContract;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.SessionStoreContract;
import dev.sessionkit.store.TimeBucket;
import dev.sessionkit.testing.Sessions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
            s.executeUpdate("DELETE FROM sessionkit_security_event");
            s.executeUpdate("DELETE FROM sessionkit_login_failure");
            s.executeUpdate("DELETE FROM sessionkit_remember_session");
            s.executeUpdate("DELETE FROM sessionkit_remember_series");
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

    /** The security event log contract, written by one node and read by the other. */
    @Nested
    class SecurityEvents extends SecurityEventStoreContract {
        @Override
        protected SecurityEventStore events() {
            return new SecurityEventStore() {
                private SecurityEventStore writer() {
                    return ((SecurityStores) JpaStoreContract.this.nodeA()).securityEvents();
                }

                private SecurityEventStore reader() {
                    return ((SecurityStores) JpaStoreContract.this.nodeB()).securityEvents();
                }

                @Override
                public void record(List<SecurityEvent> events) {
                    writer().record(events);
                }

                @Override
                public boolean recordIfAbsent(SecurityEvent event) {
                    return writer().recordIfAbsent(event);
                }

                @Override
                public Optional<SecurityEvent> find(EventId id) {
                    return reader().find(id);
                }

                @Override
                public Page<SecurityEvent> search(EventSearch search, PageRequest page) {
                    return reader().search(search, page);
                }

                @Override
                public List<SecurityEvent> recentSignIns(String userId, int limit) {
                    return reader().recentSignIns(userId, limit);
                }

                @Override
                public long count(Set<EventType> types, Instant from, Instant until) {
                    return reader().count(types, from, until);
                }

                @Override
                public Map<Instant, Long> countPer(Set<EventType> types, Instant since, TimeBucket bucket) {
                    return reader().countPer(types, since, bucket);
                }

                @Override
                public int purgeBefore(Instant before, int batchSize) {
                    return writer().purgeBefore(before, batchSize);
                }
            };
        }
    }

    /** The sign-in failure contract: failures recorded on one node are counted on the other. */
    @Nested
    class LoginAttempts extends LoginAttemptStoreContract {
        @Override
        protected LoginAttemptStore attempts() {
            return new LoginAttemptStore() {
                @Override
                public void recordFailure(String accountKey, String address, Instant at) {
                    ((SecurityStores) nodeA()).loginAttempts().recordFailure(accountKey, address, at);
                }

                @Override
                public FailureCounts count(String accountKey, String address, Instant since) {
                    return ((SecurityStores) nodeB()).loginAttempts().count(accountKey, address, since);
                }

                @Override
                public void clear(String accountKey, String address) {
                    ((SecurityStores) nodeB()).loginAttempts().clear(accountKey, address);
                }

                @Override
                public int purgeBefore(Instant before, int batchSize) {
                    return ((SecurityStores) nodeA()).loginAttempts().purgeBefore(before, batchSize);
                }
            };
        }
    }

    /** The remember-me contract: one node writes, the other reads. */
    @Nested
    class RememberMe extends RememberMeStoreContract {
        @Override
        protected RememberMeStore writer() {
            return ((SecurityStores) nodeA()).rememberMe();
        }

        @Override
        protected RememberMeStore reader() {
            return ((SecurityStores) nodeB()).rememberMe();
        }
    }

    @Test
    void securityEventRowWhenRecordedThenHoldsNoTokenOrHash() throws SQLException {
        SessionRecord session = Sessions.aSession().build();
        SecurityEvent event = dev.sessionkit.testing.SecurityEvents.signIn(session.userId(), T0);
        ((SecurityStores) nodeA()).securityEvents().record(List.of(event));

        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM sessionkit_security_event")) {
            assertTrue(rs.next(), "the event is stored");
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(rs.getString(i)).append('|');
            }
            assertFalse(row.toString().contains(session.tokenHash().hex()), row::toString);
            assertFalse(java.util.regex.Pattern.compile("[0-9a-f]{64}").matcher(row).find(), row::toString);
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
