package dev.sessionkit.testing;

import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.store.LeaseStore;
import dev.sessionkit.store.LeaseStoreContract;
import dev.sessionkit.store.SessionReports;
import dev.sessionkit.store.SessionReportsContract;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.SessionStoreContract;
import dev.sessionkit.store.jpa.JpaSessionStore;
import dev.sessionkit.store.jpa.JpaSessionStores;
import dev.sessionkit.store.memory.InMemoryLeases;
import dev.sessionkit.store.memory.InMemorySessionStore;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/**
 * The contract suites as this jar ships them, run the way a third-party store's tests would run them: by extending
 * them, with nothing but this artifact and session-core on the class path. Proves the jar holds every class the
 * suites need, and that the shipped stores pass them.
 */
class PublishedContractsTest {

    /** The in-memory store: one object plays both nodes. */
    @Nested
    class InMemoryStore extends SessionStoreContract {
        private InMemorySessionStore store;

        @Override
        protected SessionStore nodeA() {
            return store;
        }

        @Override
        protected SessionStore nodeB() {
            return store;
        }

        @Override
        protected void reset() {
            store = new InMemorySessionStore();
        }
    }

    /** The in-memory store's reports. */
    @Nested
    class InMemoryReports extends SessionReportsContract {
        private InMemorySessionStore store;

        @Override
        protected SessionStore nodeA() {
            return store;
        }

        @Override
        protected SessionReports reportsA() {
            return store;
        }

        @Override
        protected SessionReports reportsB() {
            return store;
        }

        @Override
        protected void resetReports() {
            store = new InMemorySessionStore();
        }
    }

    /** Leases on one database, seen by two nodes: two JPA stores on one H2 database, a new one per test. */
    @Nested
    class DatabaseLeases extends LeaseStoreContract {
        private JpaSessionStore nodeA;
        private JpaSessionStore nodeB;

        @Override
        protected LeaseStore leasesA() {
            return nodeA;
        }

        @Override
        protected LeaseStore leasesB() {
            return nodeB;
        }

        @Override
        protected void resetLeases() {
            close();
            String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            nodeA = JpaSessionStores.open(url, "sa", "", SchemaMode.CREATE);
            nodeB = JpaSessionStores.open(url, "sa", "", SchemaMode.VALIDATE);
        }

        @AfterAll
        void close() {
            if (nodeA != null) {
                nodeA.close();
                nodeB.close();
            }
        }
    }

    /** Leases held in one JVM. */
    @Nested
    class LocalLeases extends LeaseStoreContract {
        private InMemoryLeases leases;

        @Override
        protected LeaseStore leasesA() {
            return leases;
        }

        @Override
        protected LeaseStore leasesB() {
            return leases;
        }

        @Override
        protected void resetLeases() {
            leases = new InMemoryLeases();
        }
    }
}
