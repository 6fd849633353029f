package dev.sessionkit.store.memory;

import dev.sessionkit.store.LoginAttemptStore;
import dev.sessionkit.store.RememberMeStore;
import dev.sessionkit.store.SecurityEventStore;
import dev.sessionkit.store.SecurityStores;

/**
 * The security event log and attempt counts of one node, in memory: for stores that keep neither. Bounded (the
 * newest {@value #EVENTS} events, {@value #FAILURES} failures), so memory stays flat however busy the node is.
 */
public final class InMemorySecurityStores implements SecurityStores {

    /** Events kept. */
    public static final int EVENTS = 100_000;
    /** Failed attempts kept. */
    public static final int FAILURES = 200_000;

    private final InMemorySecurityEvents events = new InMemorySecurityEvents(EVENTS);
    private final InMemoryLoginAttempts attempts = new InMemoryLoginAttempts(FAILURES);
    private final InMemoryRememberMe rememberMe = new InMemoryRememberMe();

    @Override
    public SecurityEventStore securityEvents() {
        return events;
    }

    @Override
    public LoginAttemptStore loginAttempts() {
        return attempts;
    }

    @Override
    public RememberMeStore rememberMe() {
        return rememberMe;
    }
}
