package dev.sessionkit.servlet;

/**
 * What {@code SessionLogin.login} and {@code logout} do with a request that a browser marks as sent from another
 * site (setting {@code cross-site-login}). Refusing is the default: a cross-site form that signs the victim's browser
 * into the attacker's account (login CSRF), or out of their own, is the attack. Immutable and thread-safe.
 */
public enum CrossSiteLogin {

    /** A sign-in or sign-out sent from another site fails before anything changes. */
    REFUSE("refuse"),
    /** Every sign-in and sign-out is accepted, for apps that sign users in from another origin on purpose. */
    ALLOW("allow");

    private final String settingValue;

    CrossSiteLogin(String settingValue) {
        this.settingValue = settingValue;
    }

    /**
     * Returns the spelling used in settings.
     *
     * @return {@code refuse} or {@code allow}; never null
     */
    public String settingValue() {
        return settingValue;
    }

    /** Throws before anything changes when a browser marks the request as cross-site and this setting refuses it. */
    void refuseIfCrossSite(jakarta.servlet.http.HttpServletRequest request, String action) {
        if (this == ALLOW) {
            return;
        }
        RequestOrigin origin = RequestOrigin.of(request);
        if (origin.isCrossSite()) {
            throw new CrossSiteRequestRefusedException(action, origin);
        }
    }
}
