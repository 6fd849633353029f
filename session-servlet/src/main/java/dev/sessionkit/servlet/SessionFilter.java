package dev.sessionkit.servlet;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.config.SettingSource;
import dev.sessionkit.security.ReauthenticationRequiredException;
import dev.sessionkit.security.SecurityEventListener;
import dev.sessionkit.store.OutageLog;
import dev.sessionkit.store.SessionStoreUnavailableException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates every request against the session store. Declare it in {@code web.xml} (settings as init-params,
 * context params, {@code sessionkit.properties} or {@code SESSIONKIT_*} variables), or register an instance: made
 * with {@link #SessionFilter(SettingSource)} to add the app's own defaults below those sources, or around a
 * Sessionkit the app built, with {@link #SessionFilter(Sessionkit)} or
 * {@link #SessionFilter(Sessionkit, WebSettings)}.
 *
 * <p>For each request not excluded: read the session cookie, validate it (which records activity, throttled),
 * and pass the request on with {@code getUserPrincipal}, {@code getRemoteUser} and {@code isUserInRole} answered
 * from the session, which is also the request attribute {@link #SESSION_ATTRIBUTE}. Without a valid session the
 * request never reaches the app: API calls get 401 {@code application/problem+json}, browser GETs a redirect to
 * {@code login-path} (or 401), and a stale cookie is cleared. When the store cannot answer the answer is 503.
 *
 * <p>With {@code adopt-container-login}, a container login (FORM, BASIC) is tracked as its own session, and the two
 * end together whichever ends first; {@link ContainerSessionListener} must be registered for it (the jar's
 * {@code web-fragment.xml} does that).
 */
public class SessionFilter implements Filter {

    /** Request attribute holding the {@link dev.sessionkit.session.SessionRecord} that authenticated the request. */
    public static final String SESSION_ATTRIBUTE = "dev.sessionkit.session";

    private static final System.Logger LOG = System.getLogger(SessionFilter.class.getName());
    private static final Duration STORE_DOWN_LOG_INTERVAL = Duration.ofSeconds(10);

    // The same throttle as the store's own outage log: one line per kind of failure per interval, with a count.
    private final OutageLog storeDown = new OutageLog(LOG, "Sessionkit filter", STORE_DOWN_LOG_INTERVAL,
            Clock.systemUTC());

    private final Sessionkit provided;
    private final WebSettings providedWeb;
    private final Optional<SettingSource> appDefaults;
    private final List<SecurityEventListener> securityListeners;
    private SessionkitRuntime runtime;
    private RequestAuthenticator requests;

    /** Creates the filter for {@code web.xml}: it builds Sessionkit from the settings at init, closes it at destroy. */
    public SessionFilter() {
        this(null, null, Optional.empty());
    }

    /**
     * Creates a filter that, like the one web.xml declares, builds Sessionkit from the settings at init and closes
     * it at destroy, with the application's own defaults as the weakest source: every init-param, context param,
     * {@code sessionkit.properties} entry and {@code SESSIONKIT_*} variable beats them. For
     * {@code servletContext.addFilter("sessionkit", new SessionFilter(SettingSource.of("app defaults", map)))}.
     *
     * @param appDefaults settings keyed as documented; a key no setting has fails init like any typo
     */
    public SessionFilter(SettingSource appDefaults) {
        this(null, null, Optional.of(Objects.requireNonNull(appDefaults, "appDefaults")));
    }

    /**
     * Creates the filter around an instance the application built (and will close), for programmatic registration
     * with {@code servletContext.addFilter("sessionkit", new SessionFilter(sessionkit))}. The web settings
     * (cookies, paths, proxies) are read at init from the usual sources, as for a declared filter.
     *
     * @param sessionkit the running Sessionkit
     */
    public SessionFilter(Sessionkit sessionkit) {
        this(Objects.requireNonNull(sessionkit, "sessionkit"), null, Optional.empty());
    }

    /**
     * Creates the filter around an instance the application built (and will close), with web settings it built
     * too; no source is read.
     *
     * @param sessionkit the running Sessionkit
     * @param web the cookie, path and proxy settings
     */
    public SessionFilter(Sessionkit sessionkit, WebSettings web) {
        this(Objects.requireNonNull(sessionkit, "sessionkit"),
                Objects.requireNonNull(web, "web"), Optional.empty());
    }

    /**
     * Creates a filter that builds Sessionkit from the settings, with the application's defaults as the weakest
     * source and listeners that hear every security event and alert (to send "new sign-in" mails): for
     * {@code servletContext.addFilter("sessionkit", new SessionFilter(defaults, List.of(mailer)))}.
     *
     * @param appDefaults settings keyed as documented
     * @param securityListeners the listeners, called in this order
     */
    public SessionFilter(SettingSource appDefaults, List<SecurityEventListener> securityListeners) {
        this(null, null, Optional.of(Objects.requireNonNull(appDefaults, "appDefaults")),
                List.copyOf(securityListeners));
    }

    private SessionFilter(Sessionkit provided, WebSettings providedWeb, Optional<SettingSource> appDefaults) {
        this(provided, providedWeb, appDefaults, List.of());
    }

    private SessionFilter(Sessionkit provided, WebSettings providedWeb, Optional<SettingSource> appDefaults,
            List<SecurityEventListener> securityListeners) {
        this.provided = provided;
        this.providedWeb = providedWeb;
        this.appDefaults = appDefaults;
        this.securityListeners = securityListeners;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        runtime = FilterStartup.start(config, provided, providedWeb, appDefaults, securityListeners);
        requests = new RequestAuthenticator(runtime);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("Sessionkit filters HTTP requests only");
        }
        try {
            // Without the store nobody can be told valid: the authenticator throws rather than let a request through.
            requests.filter(request, response, chain);
        } catch (CrossSiteRequestRefusedException e) {
            // The app let SessionLogin's refusal through: a 403 problem, not the container's 500 page.
            if (response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            Problems.write(response, 403, "Forbidden", e.getMessage());
        } catch (ReauthenticationRequiredException e) {
            // SessionLogin.requireRecentAuthentication in the app's code: the documented 403, never a 500.
            if (response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            Problems.writeJson(response, 403, Problems.reauthenticationRequired(e));
        } catch (SessionStoreUnavailableException e) {
            // Also from the app's own SessionLogin calls (a login, a logout) while the store is down: the same 503
            // a client can retry on, instead of the container's 500 page naming our exception.
            if (response.isCommitted()) {
                throw e;
            }
            storeDown.failed("answering 503, session store unavailable: "
                    + CredentialRedactor.redactText(e.getMessage()), null);
            response.resetBuffer();
            response.setHeader("Retry-After", "5");
            Problems.write(response, 503, "Service Unavailable",
                    "Sessions cannot be checked right now. Try again in a few seconds.");
        }
    }

    @Override
    public void destroy() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }
}
