package dev.sessionkit.servlet;

import static dev.sessionkit.config.SettingParsers.bool;
import static dev.sessionkit.config.SettingParsers.choice;
import static dev.sessionkit.config.SettingParsers.text;

import dev.sessionkit.config.IpRange;
import dev.sessionkit.config.Setting;
import dev.sessionkit.config.SettingCatalog;
import dev.sessionkit.config.SettingChecks;
import dev.sessionkit.config.SettingParsers;
import dev.sessionkit.config.Texts;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The settings only the web layer reads, each defined once: the cookies, the paths the filter guards, the proxies
 * it believes, the admin role, container-login adoption and cross-site sign-ins. They come from the same sources
 * as core's {@link dev.sessionkit.config.SettingKey} settings, in the same order of strength. Adding a setting
 * here means one definition below, one entry in {@link #ALL} and one accessor on {@link WebSettings}.
 */
public final class WebSettingKey {

    /** Base name of the session cookie. */
    public static final Setting<String> COOKIE_NAME = Setting.define("cookie-name", text())
            .defaultValue("sid", "sent as `__Host-sid` when secure")
            .description("base name of the session cookie: an RFC 6265 token without a `__Host-`/`__Secure-`"
                    + " prefix")
            .check((setting, name, all) -> WebSettingRules.cookieName(setting, name)).build();
    /** Whether cookies are marked Secure and get the {@code __Host-} prefix. */
    public static final Setting<Boolean> COOKIE_SECURE = Setting.define("cookie-secure", bool()).defaultValue("true")
            .description("marks cookies `Secure` and adds the `__Host-` prefix; `false` only for plain-HTTP"
                    + " development").build();
    /** SameSite attribute of Sessionkit's cookies. */
    public static final Setting<SameSite> COOKIE_SAME_SITE = Setting.define("cookie-same-site",
                    choice(SameSite.values(), SameSite::attributeValue))
            .defaultValue("Lax").writtenAs(SameSite::attributeValue)
            .description("SameSite attribute of the cookies: `Strict`, `Lax` or `None` (needs `cookie-secure=true`)")
            .check((setting, sameSite, all) -> {
                if (sameSite == SameSite.NONE && !all.get(WebSettingKey.COOKIE_SECURE)) {
                    throw setting.invalid("cookie-same-site None requires cookie-secure=true, as browsers drop"
                            + " SameSite=None cookies that are not Secure; set cookie-secure=true or use Lax or"
                            + " Strict");
                }
            }).build();
    /** Where browsers without a valid session are sent. */
    public static final Setting<Optional<String>> LOGIN_PATH = Setting.define("login-path",
                    SettingParsers.optional(text()))
            .unset(Optional.empty()).writtenAs(path -> path.orElse(""))
            .description("browsers without a valid session are redirected here; API calls get 401")
            .check((setting, path, all) -> WebSettingRules.loginPath(setting, path)).build();
    /** Paths the filter lets through without a session. */
    public static final Setting<List<String>> EXCLUDE_PATHS = Setting.define("exclude-paths",
                    SettingParsers.commaList())
            .unset(List.of()).writtenAs(paths -> String.join(",", paths))
            .description("comma list of paths/prefixes the filter lets through (`/login`, `/static/*`)")
            .check((setting, paths, all) -> WebSettingRules.excludePaths(setting, paths)).build();
    /** Paths where a request without a valid session goes on anonymously, while a valid one is still exposed. */
    public static final Setting<List<String>> PUBLIC_PATHS = Setting.define("public-paths",
                    SettingParsers.commaList())
            .unset(List.of()).writtenAs(paths -> String.join(",", paths))
            .description("comma list of paths/prefixes (`/`, `/shop/*`, `/*`) where a request without a valid"
                    + " session goes on anonymously instead of being refused; a valid session is still exposed")
            .check((setting, paths, all) -> WebSettingRules.excludePaths(setting, paths)).build();
    /** Proxies whose {@code X-Forwarded-For} header is believed. */
    public static final Setting<List<IpRange>> TRUSTED_PROXIES = Setting.define("trusted-proxies",
                    SettingParsers.listOf(WebSettingRules::ipRange))
            .unset(List.of())
            .writtenAs(ranges -> ranges.stream().map(IpRange::toString).collect(Collectors.joining(",")))
            .description("comma list of addresses or CIDRs (`10.0.0.0/8`, `::1`) whose `X-Forwarded-For` is"
                    + " believed; otherwise the socket address is recorded").build();
    /** Role that may use the admin API. */
    public static final Setting<String> ADMIN_ROLE = Setting.define("admin-role", text())
            .defaultValue("sessionkit-admin").description("role that may use the admin API")
            .check(SettingChecks.notBlank("admin-role is blank; name the role that may use the admin API, e.g."
                    + " sessionkit-admin")).build();
    /** Name of the long-lived browser-id cookie. */
    public static final Setting<String> BROWSER_ID_COOKIE = Setting.define("browser-id-cookie", text())
            .defaultValue("bid", "kept 400 days")
            .description("name of the long-lived random cookie naming the browser, so a login from a browser never"
                    + " seen for this user is flagged `newDevice`")
            .check((setting, name, all) -> {
                WebSettingRules.cookieName(setting, name);
                if (name.equalsIgnoreCase(all.get(WebSettingKey.COOKIE_NAME))) {
                    throw setting.invalid("browser-id-cookie " + Texts.quote(name) + " is the same as cookie-name;"
                            + " give the two cookies different names (defaults: bid and sid)");
                }
            }).build();
    /** Whether container-security logins are tracked as sessions. */
    public static final Setting<Boolean> ADOPT_CONTAINER_LOGIN = Setting.define("adopt-container-login", bool())
            .defaultValue("false")
            .description("when the app signs users in with container security (FORM/BASIC), track that login as a"
                    + " session with no code change").build();
    /** Whether a sign-in or sign-out a browser marks as sent from another site is refused. */
    public static final Setting<CrossSiteLogin> CROSS_SITE_LOGIN = Setting.define("cross-site-login",
                    choice(CrossSiteLogin.values(), CrossSiteLogin::settingValue))
            .defaultValue("refuse").writtenAs(CrossSiteLogin::settingValue)
            .description("`refuse` answers a sign-in or sign-out that a browser marks as sent from another site"
                    + " (`Sec-Fetch-Site`, a foreign `Origin`) with 403 before anything changes; `allow` for apps"
                    + " that sign in from another origin on purpose").build();

    /** Every web setting, in the order the README lists them and build() checks them. */
    public static final SettingCatalog ALL = SettingCatalog.of(COOKIE_NAME, COOKIE_SECURE, COOKIE_SAME_SITE,
            LOGIN_PATH, EXCLUDE_PATHS, PUBLIC_PATHS, TRUSTED_PROXIES, ADMIN_ROLE, BROWSER_ID_COOKIE, ADOPT_CONTAINER_LOGIN,
            CROSS_SITE_LOGIN);

    private WebSettingKey() {
    }
}
