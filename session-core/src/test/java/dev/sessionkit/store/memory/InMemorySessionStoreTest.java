package dev.sessionkit.store.memory;

import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.SessionStoreContract;

/** The store contract on the in-memory store; one object plays both nodes. */
class InMemorySessionStoreTest extends SessionStoreContract {

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
        store = new InMemorySessionStore();
    }
}
