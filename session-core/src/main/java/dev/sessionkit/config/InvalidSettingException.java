package dev.sessionkit.config;

import dev.sessionkit.SessionkitException;

/**
 * A setting has a value Sessionkit cannot use; thrown at start-up so a deployment fails fast instead of running
 * with a guess. The message names the key, the value (redacted for secrets) and what is expected.
 */
public final class InvalidSettingException extends SessionkitException {

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
