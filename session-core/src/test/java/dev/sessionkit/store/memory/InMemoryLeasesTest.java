package dev.sessionkit.store.memory;

import dev.sessionkit.store.LeaseStore;
import dev.sessionkit.store.LeaseStoreContract;

/** The lease contract on the in-memory leases; one object plays both nodes. */
class InMemoryLeasesTest extends LeaseStoreContract {

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
