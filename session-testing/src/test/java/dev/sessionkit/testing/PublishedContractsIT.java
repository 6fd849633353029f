package dev.sessionkit.testing;

import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.store.LeaseStore;
import dev.sessionkit.store.LeaseStoreContract;
import dev.sessionkit.store.SessionReports;
import dev.sessionkit.store.SessionReportsContract;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.SessionStoreContract;
import dev.sessionkit.store.cache.ForwardingSessionStore;
import dev.sessionkit.store.jpa.JpaSessionStore;
import dev.sessionkit.store.jpa.JpaSessionStores;
import dev.sessionkit.store.memory.InMemorySessionStore;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/**
 * The contract suites as this jar ships them, run the way a third-party store's tests run them: by extending them,
 * with nothing but this artifact and session-core on the class path. The stores are what an app would bring: its
 * own decorator over a store (it must keep every promise of the store below), and the database store on a database
 * of its choosing (H2 here), two nodes on one database.
 */
class PublishedContractsIT {

    /** An app's own decorator, which overrides nothing: it keeps every promise of the store it wraps. */
    private static SessionStore decorated(SessionStore store) {
        return new ForwardingSessionStore(store) {
        };
    }

    /** Two nodes of the database store on one new H2 database per test. */
    private static final class TwoNodes {
        JpaSessionStore nodeA;
        JpaSessionStore nodeB;

        void openNew() {
            closeNodes();
            String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            nodeA = JpaSessionStores.open(url, "sa", "", SchemaMode.CREATE);
            nodeB = JpaSessionStores.open(url, "sa", "", SchemaMode.VALIDATE);
        }

        void closeNodes() {
            if (nodeA != null) {
                nodeA.close();
                nodeB.close();
            }
        }
    }

    /** The session contract through an app's decorator. */
    @Nested
    class Decorator extends SessionStoreContract {
        private SessionStore store;

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
            store = decorated(new InMemorySessionStore());
        }
    }

    /** The reports of the database store, seen from two nodes. */
    @Nested
    class DatabaseReports extends SessionReportsContract {
        private final TwoNodes nodes = new TwoNodes();

        @Override
        protected SessionStore nodeA() {
            return nodes.nodeA;
        }

        @Override
        protected SessionReports reportsA() {
            return nodes.nodeA;
        }

        @Override
        protected SessionReports reportsB() {
            return nodes.nodeB;
        }

        @Override
        protected void resetReports() {
            nodes.openNew();
        }

        @AfterAll
        void close() {
            nodes.closeNodes();
        }
    }

    /** The leases of the database store, seen from two nodes. */
    @Nested
    class DatabaseLeases extends LeaseStoreContract {
        private final TwoNodes nodes = new TwoNodes();

        @Override
        protected LeaseStore leasesA() {
            return nodes.nodeA;
        }

        @Override
        protected LeaseStore leasesB() {
            return nodes.nodeB;
        }

        @Override
        protected void resetLeases() {
            nodes.openNew();
        }

        @AfterAll
        void close() {
            nodes.closeNodes();
        }
    }
}
