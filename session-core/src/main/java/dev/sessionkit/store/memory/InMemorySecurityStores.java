package dev.sessionkit.store.memory;

import dev.sessionkit.store.LoginAttemptStore;
import dev.sessionkit.store.SecurityEventStore;
import dev.sessionkit.store.SecurityStores;

/** The security event log and attempt counts of one node, in memory: for stores that keep neither. */
public final class InMemorySecurityStores implements SecurityStores {

    private final InMemorySecurityEvents events = new InMemorySecurityEvents();
    private final InMemoryLoginAttempts attempts = new InMemoryLoginAttempts();

    @Override
    public SecurityEventStore securityEvents() {
        return events;
    }

    @Override
    public LoginAttemptStore loginAttempts() {
        return attempts;
    }
}
