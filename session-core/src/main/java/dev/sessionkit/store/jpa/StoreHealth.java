package dev.sessionkit.store.jpa;

import dev.sessionkit.store.OutageLog;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What one store learns from its calls: a failure makes every pooled connection suspect (checked before its next
 * use) and is logged through the outage log; a success after failures ends the outage with one "is back" line.
 */
final class StoreHealth {

    /** The least time between two log lines about the same kind of failure. */
    static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final CheckedConnections connections;
    private final OutageLog outages;

    StoreHealth(CheckedConnections connections, OutageLog outages) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.outages = Objects.requireNonNull(outages, "outages");
    }

    /**
     * A new store's health: nothing failed yet; lines go to the store's logger, at most one per kind per 10 s.
     *
     * @param clock the time source, for the log and for how long a connection is trusted
     */
    static StoreHealth create(Clock clock) {
        return new StoreHealth(new CheckedConnections(clock),
                new OutageLog(System.getLogger(JpaSessionStore.class.getName()), "Session store", LOG_INTERVAL, clock));
    }

    CheckedConnections connections() {
        return connections;
    }

    OutageLog outages() {
        return outages;
    }

    /** A store call failed while trying to do {@code what}. */
    void failed(String what, Throwable cause) {
        connections.failureSeen();
        outages.failed(what, cause);
    }

    /** A store call worked. */
    void succeeded() {
        outages.succeeded();
    }
}
