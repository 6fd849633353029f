package dev.sessionkit.servlet;

/**
 * The {@code SameSite} attribute Sessionkit puts on its cookies (setting {@code cookie-same-site}). Immutable and
 * thread-safe.
 */
public enum SameSite {

    /** Cookies are sent only on requests started by the app's own pages. */
    STRICT("Strict"),
    /** Cookies are also sent on top-level navigations from other sites (the default). */
    LAX("Lax"),
    /** Cookies are sent on cross-site requests too; browsers accept this only on {@code Secure} cookies. */
    NONE("None");

    private final String attributeValue;

    SameSite(String attributeValue) {
        this.attributeValue = attributeValue;
    }

    /**
     * Returns the value as written in a {@code Set-Cookie} header and in settings.
     *
     * @return {@code Strict}, {@code Lax} or {@code None}; never null
     */
    public String attributeValue() {
        return attributeValue;
    }
}
