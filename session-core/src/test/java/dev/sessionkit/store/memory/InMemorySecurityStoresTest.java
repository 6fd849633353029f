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

    @org.junit.jupiter.api.Test
    void recordWhenOverCapacityThenOldestDropped() {
        InMemorySecurityEvents bounded = new InMemorySecurityEvents(3);
        java.util.List<dev.sessionkit.security.SecurityEvent> four = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> dev.sessionkit.testing.SecurityEvents.signIn("u",
                        dev.sessionkit.testing.MutableClock.T0.plusSeconds(i))).toList();
        bounded.record(four);

        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.empty(), bounded.find(four.get(0).id()));
        org.junit.jupiter.api.Assertions.assertEquals(3, bounded.search(
                dev.sessionkit.security.EventSearch.ofUser("u"), dev.sessionkit.store.PageRequest.first(10)).total());
    }

    @org.junit.jupiter.api.Test
    void recordFailureWhenOverCapacityThenOldestDropped() {
        InMemoryLoginAttempts bounded = new InMemoryLoginAttempts(2);
        for (int i = 0; i < 5; i++) {
            bounded.recordFailure("k", "a", dev.sessionkit.testing.MutableClock.T0.plusSeconds(i));
        }

        org.junit.jupiter.api.Assertions.assertEquals(2,
                bounded.count("k", "a", dev.sessionkit.testing.MutableClock.T0).pair());
    }
}
