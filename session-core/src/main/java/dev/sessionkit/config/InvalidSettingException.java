package dev.sessionkit.config;

import dev.sessionkit.SessionkitException;

/**
 * A setting has a value Sessionkit cannot use; thrown at start-up so a deployment fails fast instead of running
 * with a guess. The message names the key, the value (redacted for secrets) and what is expected.
 *
 * <p>Three subtypes say what the operator does next, so callers such as the command line act on the type, never
 * on the key: {@link StoreUnreachableException} (the database named by a setting does not answer),
 * {@link SchemaIncompleteException} (its tables are missing: run a script) and
 * {@link DataSourceNotFoundException} (the JNDI name names nothing). Any other instance is a value to fix.
 */
public sealed class InvalidSettingException extends SessionkitException
        permits StoreUnreachableException, SchemaIncompleteException, DataSourceNotFoundException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * Creates the exception for one key.
     *
     * @param key the setting's key as users write it, e.g. {@code idle-timeout}
     * @param message the full, operator-facing explanation including the fix
     */
    public InvalidSettingException(String key, String message) {
        super(message);
        this.key = key;
    }

    /**
     * Creates the exception for one key, keeping the parsing failure as cause.
     *
     * @param key the setting's key as users write it
     * @param message the full, operator-facing explanation including the fix
     * @param cause the parsing failure
     */
    public InvalidSettingException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /**
     * Returns the key of the offending setting.
     *
     * @return the setting's key as users write it, never null
     */
    public String key() {
        return key;
    }
}
