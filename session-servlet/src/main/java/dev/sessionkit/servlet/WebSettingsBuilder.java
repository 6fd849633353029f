package dev.sessionkit.servlet;

import dev.sessionkit.config.IpRange;
import dev.sessionkit.config.Setting;
import dev.sessionkit.config.SettingValues;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Collects typed web setting values and turns them into {@link WebSettings} only if they are valid together.
 * Setters check only for null; {@link #build()} runs every setting's check, in {@link WebSettingKey#ALL} order.
 *
 * <p>Setters of required values refuse null with a {@link NullPointerException}; {@link #loginPath} takes null as
 * "not set". Not thread-safe: use one builder from one thread.
 */
public final class WebSettingsBuilder {

    private final SettingValues.Builder values;

    WebSettingsBuilder(SettingValues.Builder values) {
        this.values = values;
    }

    /**
     * Checks every value and their combinations, then returns immutable settings; the builder stays usable.
     *
     * @return the settings; never null
     * @throws dev.sessionkit.config.InvalidSettingException naming the first offending key, its value and the fix
     */
    public WebSettings build() {
        return new WebSettings(values.build());
    }

    /**
     * Sets any web setting, for code that handles settings generically; build() checks it.
     *
     * @param setting one of {@link WebSettingKey#ALL}
     * @param value its value; not null
     * @param <T> its type
     * @return this builder
     */
    public <T> WebSettingsBuilder set(Setting<T> setting, T value) {
        values.set(setting, value);
        return this;
    }

    /**
     * Sets {@code cookie-name}; build() wants an RFC 6265 token without {@code __Host-}/{@code __Secure-} prefix.
     *
     * @param name the session cookie's base name, e.g. {@code sid}; not null
     * @return this builder
     */
    public WebSettingsBuilder cookieName(String name) {
        return set(WebSettingKey.COOKIE_NAME, Objects.requireNonNull(name, "name"));
    }

    /**
     * Sets {@code cookie-secure}.
     *
     * @param secure true to mark cookies Secure and add the {@code __Host-} prefix
     * @return this builder
     */
    public WebSettingsBuilder cookieSecure(boolean secure) {
        return set(WebSettingKey.COOKIE_SECURE, secure);
    }

    /**
     * Sets {@code cookie-same-site}; build() accepts {@code NONE} only with cookieSecure(true).
     *
     * @param sameSite the SameSite attribute; not null
     * @return this builder
     */
    public WebSettingsBuilder cookieSameSite(SameSite sameSite) {
        return set(WebSettingKey.COOKIE_SAME_SITE, Objects.requireNonNull(sameSite, "sameSite"));
    }

    /**
     * Sets or clears {@code login-path}; build() wants a path of this app starting with a single {@code /}.
     *
     * @param path e.g. {@code /login}; null for none (browsers then get 401)
     * @return this builder
     */
    public WebSettingsBuilder loginPath(String path) {
        return set(WebSettingKey.LOGIN_PATH, Optional.ofNullable(path));
    }

    /**
     * Sets {@code exclude-paths} to a copy of the list; build() wants each to start with {@code /}.
     *
     * @param paths paths, or prefixes ending in {@code /*}; not null, no null elements
     * @return this builder
     */
    public WebSettingsBuilder excludePaths(List<String> paths) {
        return set(WebSettingKey.EXCLUDE_PATHS, List.copyOf(paths));
    }

    /**
     * Sets {@code public-paths} to a copy of the list: where requests without a valid session go on anonymously.
     *
     * @param paths paths, or prefixes ending in {@code /*} ({@code /*} for the whole app); not null
     * @return this builder
     */
    public WebSettingsBuilder publicPaths(List<String> paths) {
        return set(WebSettingKey.PUBLIC_PATHS, List.copyOf(paths));
    }

    /**
     * Sets {@code trusted-proxies} to a copy of the list.
     *
     * @param proxies the proxies whose {@code X-Forwarded-For} is believed; not null, no null elements
     * @return this builder
     */
    public WebSettingsBuilder trustedProxies(List<IpRange> proxies) {
        return set(WebSettingKey.TRUSTED_PROXIES, List.copyOf(proxies));
    }

    /**
     * Sets {@code admin-role}; build() wants it non-blank.
     *
     * @param role the role that may use the admin API; not null
     * @return this builder
     */
    public WebSettingsBuilder adminRole(String role) {
        return set(WebSettingKey.ADMIN_ROLE, Objects.requireNonNull(role, "role"));
    }

    /**
     * Sets {@code browser-id-cookie}; build() wants a token like cookieName but different from it.
     *
     * @param name the browser-id cookie's base name, e.g. {@code bid}; not null
     * @return this builder
     */
    public WebSettingsBuilder browserIdCookie(String name) {
        return set(WebSettingKey.BROWSER_ID_COOKIE, Objects.requireNonNull(name, "name"));
    }

    /**
     * Sets {@code adopt-container-login}.
     *
     * @param adopt true to track container-security logins as sessions
     * @return this builder
     */
    public WebSettingsBuilder adoptContainerLogin(boolean adopt) {
        return set(WebSettingKey.ADOPT_CONTAINER_LOGIN, adopt);
    }

    /**
     * Sets {@code cross-site-login}.
     *
     * @param policy what a sign-in or sign-out sent from another site gets; not null
     * @return this builder
     */
    public WebSettingsBuilder crossSiteLogin(CrossSiteLogin policy) {
        return set(WebSettingKey.CROSS_SITE_LOGIN, Objects.requireNonNull(policy, "policy"));
    }
}
