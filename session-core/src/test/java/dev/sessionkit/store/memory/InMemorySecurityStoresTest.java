package dev.sessionkit.store.memory;

import dev.sessionkit.store.LoginAttemptStore;
import dev.sessionkit.store.LoginAttemptStoreContract;
import dev.sessionkit.store.SecurityEventStore;
import dev.sessionkit.store.SecurityEventStoreContract;
import org.junit.jupiter.api.Nested;

/** The security storage contracts on the in-memory implementations. */
class InMemorySecurityStoresTest {

    @Nested
    class Events extends SecurityEventStoreContract {
        private final InMemorySecurityEvents events = new InMemorySecurityEvents();

        @Override
        protected SecurityEventStore events() {
            return events;
        }
    }

    @Nested
    class Attempts extends LoginAttemptStoreContract {
        private final InMemoryLoginAttempts attempts = new InMemoryLoginAttempts();

        @Override
        protected LoginAttemptStore attempts() {
            return attempts;
        }
    }
}
