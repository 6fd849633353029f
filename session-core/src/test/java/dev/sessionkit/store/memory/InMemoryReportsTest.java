package dev.sessionkit.store.memory;

import dev.sessionkit.store.SessionReports;
import dev.sessionkit.store.SessionReportsContract;
import dev.sessionkit.store.SessionStore;

/** The reports contract on the in-memory store; one object plays both nodes. */
class InMemoryReportsTest extends SessionReportsContract {

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
