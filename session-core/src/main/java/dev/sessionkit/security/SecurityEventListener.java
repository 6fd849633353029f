package dev.sessionkit.security;

/**
 * Hears every security event after it was recorded, e.g. to send a "new sign-in" mail or a push. Called
 * synchronously on the thread that recorded it; keep it quick (queue the mail). An exception thrown by a listener is
 * logged and changes nothing.
 */
public interface SecurityEventListener {

    /**
     * An event was recorded.
     *
     * @param event the event
     */
    default void recorded(SecurityEvent event) {
    }

    /**
     * An event the account's owner should hear about was recorded: its action is {@link EventAction#NOTIFY} or
     * stronger and it is an alert ({@link SecurityEvent#isAlert()}). Also passed to {@link #recorded}.
     *
     * @param event the alert
     */
    default void alert(SecurityEvent event) {
    }
}
