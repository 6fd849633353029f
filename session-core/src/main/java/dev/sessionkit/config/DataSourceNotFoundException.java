package dev.sessionkit.config;

/**
 * The {@code datasource} setting names a JNDI entry that does not exist or is no DataSource. The fix is in the
 * container's resource definition (or {@code jdbc-url} instead), not in the database.
 */
public final class DataSourceNotFoundException extends InvalidSettingException {

    private static final long serialVersionUID = 1L;

    private final String jndiName;

    /**
     * Creates the exception for the {@code datasource} key.
     *
     * @param jndiName the name that was looked up, as configured
     * @param message the operator-facing explanation including the fix
     * @param cause the naming failure
     */
    public DataSourceNotFoundException(String jndiName, String message, Throwable cause) {
        super("datasource", message, cause);
        this.jndiName = jndiName;
    }

    /** {@return the JNDI name that was looked up, as configured; never null} */
    public String jndiName() {
        return jndiName;
    }
}
