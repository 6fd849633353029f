package dev.sessionkit.config;

/**
 * What Sessionkit does with its database tables at start-up (setting {@code schema}). Immutable and thread-safe.
 */
public enum SchemaMode {

    /** Creates missing tables from the shipped script, then validates. */
    CREATE("create"),
    /** Fails start-up with a message naming the script to run when a table or column is missing. */
    VALIDATE("validate"),
    /** Checks nothing; for schemas managed by the application's own migrations. */
    NONE("none");

    private final String settingValue;

    SchemaMode(String settingValue) {
        this.settingValue = settingValue;
    }

    /**
     * Returns the spelling used in settings.
     *
     * @return {@code create}, {@code validate} or {@code none}; never null
     */
    public String settingValue() {
        return settingValue;
    }
}
