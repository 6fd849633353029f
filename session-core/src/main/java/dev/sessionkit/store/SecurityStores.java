package dev.sessionkit.store;

/**
 * Implemented next to {@link SessionStore} by a store that also keeps the security event log, the sign-in
 * attempts and the remembered devices in its database, so every node sees the same. Without it each node keeps them in memory.
 */
public interface SecurityStores {

    /**
     * Returns the security event log of this database.
     *
     * @return the event store, open as long as this store is
     */
    SecurityEventStore securityEvents();

    /**
     * Returns the failed sign-in attempts of this database.
     *
     * @return the attempt store, open as long as this store is
     */
    LoginAttemptStore loginAttempts();

    /**
     * Returns the remembered devices ("keep me signed in") of this database.
     *
     * @return the remember-me store, open as long as this store is
     */
    RememberMeStore rememberMe();
}
