package dev.sessionkit.session;

/** Whether a session may still authenticate requests. Ended sessions stay stored as login history. */
public enum SessionStatus {
    /** The session may authenticate requests until it expires or is ended. */
    ACTIVE,
    /** The session was ended and never authenticates a request again. */
    ENDED;

    /**
     * Returns the lower-case name used in JSON and in the database.
     *
     * @return {@code active} or {@code ended}
     */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Parses the wire name.
     *
     * @param wireName {@code active} or {@code ended}
     * @return the status
     * @throws IllegalArgumentException for any other text
     */
    public static SessionStatus fromWireName(String wireName) {
        for (SessionStatus status : values()) {
            if (status.wireName().equals(wireName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown session status: " + wireName);
    }
}
