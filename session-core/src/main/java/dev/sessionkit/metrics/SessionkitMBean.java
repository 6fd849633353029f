package dev.sessionkit.metrics;

/**
 * Sessionkit's figures over JMX, for apps without Micrometer: register
 * {@code new SessionkitStats(sessionkit.counts())} under a name of the app's choosing.
 */
public interface SessionkitMBean {

    /** {@return sessions started since start} */
    long getSessionsCreated();

    /** {@return sessions ended since start, all reasons} */
    long getSessionsEnded();

    /** {@return the active sessions as last counted; -1 before the first count} */
    long getSessionsActive();

    /** {@return valid validations since start} */
    long getValidationsValid();

    /** {@return validations refused since start (unknown, ended or expired)} */
    long getValidationsRefused();
}
