package dev.sessionkit.store.memory;

import dev.sessionkit.store.RememberMeStore;
import dev.sessionkit.store.RememberMeStoreContract;

/** The remember-me storage contract on the in-memory store. */
class InMemoryRememberMeTest extends RememberMeStoreContract {

    private final InMemoryRememberMe store = new InMemoryRememberMe();

    @Override
    protected RememberMeStore writer() {
        return store;
    }

    @Override
    protected RememberMeStore reader() {
        return store;
    }
}
