package dev.sessionkit.config;

import java.util.List;
import java.util.Objects;

/**
 * The session database answers but lacks tables or columns Sessionkit needs, and start-up was not allowed to (or
 * could not) create them. The fix is a script: the message and {@link #script()} name it.
 */
public final class SchemaIncompleteException extends InvalidSettingException {

    private static final long serialVersionUID = 1L;

    private final List<String> missing;
    private final String script;

    /**
     * Creates the exception for the {@code schema} key.
     *
     * @param missing what is missing, e.g. {@code table sessionkit_session}; not null
     * @param script the classpath location of the create script to run; not null
     * @param message the operator-facing explanation, naming what is missing and the script
     */
    public SchemaIncompleteException(List<String> missing, String script, String message) {
        super("schema", message);
        this.missing = List.copyOf(missing);
        this.script = Objects.requireNonNull(script, "script");
    }

    /**
     * Creates the exception for a failed attempt to create the tables, keeping the database's failure.
     *
     * @param missing what is still missing after the attempt; not null
     * @param script the classpath location of the create script to run by hand; not null
     * @param message the operator-facing explanation, credentials already redacted
     * @param cause the database's failure, already redacted
     */
    public SchemaIncompleteException(List<String> missing, String script, String message, Throwable cause) {
        super("schema", message, cause);
        this.missing = List.copyOf(missing);
        this.script = Objects.requireNonNull(script, "script");
    }

    /** {@return the missing tables and columns, e.g. {@code column sessionkit_session.browser_id_hash}} */
    public List<String> missing() {
        return missing;
    }

    /** {@return the classpath location of the create script that makes the schema complete} */
    public String script() {
        return script;
    }
}
