package dev.sessionkit.security;

import dev.sessionkit.store.SecurityEventStore;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;

/**
 * The one place events are written: the audit line first (it cannot fail), then the store, then the app's
 * listeners. Thread-safe.
 */
public final class SecurityEventLog {

    private static final System.Logger LOG = System.getLogger(SecurityEventLog.class.getName());

    private final SecurityEventStore store;
    private final AuditLog audit;
    private final List<SecurityEventListener> listeners;

    /**
     * Writes to a store, the audit stream and listeners.
     *
     * @param store where events are kept
     * @param audit the audit stream
     * @param listeners the app's listeners, in order
     */
    public SecurityEventLog(SecurityEventStore store, AuditLog audit, List<SecurityEventListener> listeners) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Records events.
     *
     * @param events the events, written in one transaction
     * @throws dev.sessionkit.store.SessionStoreUnavailableException when the store cannot take them (the audit
     *     lines are written already)
     */
    public void record(List<SecurityEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        audit.write(events);
        store.record(events);
        for (SecurityEvent event : events) {
            tell(event);
        }
    }

    /**
     * Records an event unless one with its id was recorded before, on any node.
     *
     * @param event the event, its id derived from what it is about
     * @return true when this call recorded it (and told the listeners)
     */
    public boolean recordOnce(SecurityEvent event) {
        if (!store.recordIfAbsent(event)) {
            return false;
        }
        audit.write(List.of(event));
        tell(event);
        return true;
    }

    /**
     * Returns the store events are kept in, for reads.
     *
     * @return the store
     */
    public SecurityEventStore store() {
        return store;
    }

    private void tell(SecurityEvent event) {
        boolean alert = event.isAlert() && event.action().compareTo(EventAction.NOTIFY) >= 0;
        for (SecurityEventListener listener : listeners) {
            try {
                listener.recorded(event);
                if (alert) {
                    listener.alert(event);
                }
            } catch (RuntimeException e) {
                // The event is committed; a listener's bug is its owner's to fix, and must not fail the request.
                LOG.log(Level.WARNING, "Security event listener " + listener.getClass().getName()
                        + " failed on " + event.type().wireName() + " " + event.id(), e);
            }
        }
    }
}
