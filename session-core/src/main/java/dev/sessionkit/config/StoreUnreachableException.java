package dev.sessionkit.config;

/**
 * The session database named by {@code jdbc-url} or {@code datasource} did not answer at start-up (refused,
 * timed out, wrong credentials): the setting may be right while the database is down. The message names where it
 * tried (credentials redacted) and what to check; the cause is the driver's redacted failure.
 */
public final class StoreUnreachableException extends InvalidSettingException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param key {@code jdbc-url} or {@code datasource}, the setting that names the database
     * @param message the operator-facing explanation, credentials already redacted
     * @param cause the driver's failure, already redacted
     */
    public StoreUnreachableException(String key, String message, Throwable cause) {
        super(key, message, cause);
    }
}
