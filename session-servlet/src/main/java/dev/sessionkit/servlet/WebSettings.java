package dev.sessionkit.servlet;

import dev.sessionkit.config.IpRange;
import dev.sessionkit.config.Setting;
import dev.sessionkit.config.SettingKey;
import dev.sessionkit.config.SettingSource;
import dev.sessionkit.config.SettingValues;
import dev.sessionkit.config.SettingsResolver;
import java.util.List;
import java.util.Optional;

/**
 * Every web setting, typed and validated: cookies, guarded paths, trusted proxies, the admin role, container-login
 * adoption and cross-site sign-ins (see {@link WebSettingKey}). The filter resolves them from the same sources as
 * the core settings, in the same order; code that registers a filter itself passes an instance from
 * {@link #builder()} or {@link #resolve}.
 *
 * <p>Immutable and thread-safe; no accessor returns null; {@link #equals} compares every value.
 */
public final class WebSettings {

    private final SettingValues values;

    WebSettings(SettingValues values) {
        if (values.catalog() != WebSettingKey.ALL) {
            throw new IllegalArgumentException("not the values of WebSettingKey.ALL");
        }
        this.values = values;
    }

    /** {@return the settings in effect when nothing is configured: the SPEC's defaults} */
    public static WebSettings defaults() {
        return builder().build();
    }

    /** {@return a new builder holding the defaults} */
    public static WebSettingsBuilder builder() {
        return new WebSettingsBuilder(SettingValues.builder(WebSettingKey.ALL));
    }

    /** {@return a new builder holding these settings, to derive changed ones; this instance stays as it is} */
    public WebSettingsBuilder toBuilder() {
        return new WebSettingsBuilder(values.toBuilder());
    }

    /**
     * Resolves the web settings from sources ranked strongest first, such as those a filter reads. Core keys in
     * the sources are known (not typos) and left to {@link SettingsResolver#resolve}.
     *
     * @param strongestFirst the sources; neither the list nor its elements null
     * @return the merged, validated settings
     * @throws dev.sessionkit.config.InvalidSettingException naming an unknown key (with a suggestion from either
     *     owner's keys) or an invalid value, its source and the fix
     */
    public static WebSettings resolve(List<SettingSource> strongestFirst) {
        SettingsResolver.rejectUnknownKeys(strongestFirst, SettingKey.ALL.and(WebSettingKey.ALL));
        return fromSources(strongestFirst);
    }

    /** Resolves the values only; the caller has checked the keys already. */
    static WebSettings fromSources(List<SettingSource> strongestFirst) {
        return new WebSettings(SettingsResolver.values(strongestFirst, WebSettingKey.ALL));
    }

    /**
     * Returns the value of any web setting, for code that handles settings generically.
     *
     * @param setting one of {@link WebSettingKey#ALL}
     * @param <T> its type
     * @return the value; never null
     * @throws IllegalArgumentException for a setting of another owner
     */
    public <T> T get(Setting<T> setting) {
        return values.get(setting);
    }

    /** {@return the session cookie's base name without prefix ({@code cookie-name}), an RFC 6265 token} */
    public String cookieName() {
        return values.get(WebSettingKey.COOKIE_NAME);
    }

    /** {@return whether cookies are {@code Secure} and carry the {@code __Host-} prefix ({@code cookie-secure})} */
    public boolean cookieSecure() {
        return values.get(WebSettingKey.COOKIE_SECURE);
    }

    /** {@return the cookies' SameSite attribute ({@code cookie-same-site}); {@code NONE} only when secure} */
    public SameSite cookieSameSite() {
        return values.get(WebSettingKey.COOKIE_SAME_SITE);
    }

    /** {@return where browsers without a session are redirected ({@code login-path}), starting with {@code /}} */
    public Optional<String> loginPath() {
        return values.get(WebSettingKey.LOGIN_PATH);
    }

    /** {@return paths, or prefixes ending in {@code /*}, the filter lets through ({@code exclude-paths})} */
    public List<String> excludePaths() {
        return values.get(WebSettingKey.EXCLUDE_PATHS);
    }

    /** {@return paths, or prefixes ending in {@code /*}, open to anonymous requests ({@code public-paths})} */
    public List<String> publicPaths() {
        return values.get(WebSettingKey.PUBLIC_PATHS);
    }

    /** {@return proxies whose {@code X-Forwarded-For} is believed ({@code trusted-proxies}); maybe empty} */
    public List<IpRange> trustedProxies() {
        return values.get(WebSettingKey.TRUSTED_PROXIES);
    }

    /** {@return the role that may use the admin API ({@code admin-role}); never blank} */
    public String adminRole() {
        return values.get(WebSettingKey.ADMIN_ROLE);
    }

    /** {@return the browser-id cookie's base name ({@code browser-id-cookie}); unlike the session cookie's} */
    public String browserIdCookie() {
        return values.get(WebSettingKey.BROWSER_ID_COOKIE);
    }

    /** {@return whether container-security logins are tracked as sessions ({@code adopt-container-login})} */
    public boolean adoptContainerLogin() {
        return values.get(WebSettingKey.ADOPT_CONTAINER_LOGIN);
    }

    /** {@return what a sign-in or sign-out sent from another site gets ({@code cross-site-login})} */
    public CrossSiteLogin crossSiteLogin() {
        return values.get(WebSettingKey.CROSS_SITE_LOGIN);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof WebSettings o && values.equals(o.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** {@return every setting by key, e.g. {@code WebSettings[cookie-name=sid, ...]}} */
    @Override
    public String toString() {
        return values.describe("WebSettings");
    }
}
