package dev.sessionkit.servlet;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.config.SettingSource;
import dev.sessionkit.service.IssuedSession;
import dev.sessionkit.service.ValidationResult;
import dev.sessionkit.session.SessionRecord;
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
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
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

    /** Request attribute holding the {@link SessionRecord} that authenticated the request. */
    public static final String SESSION_ATTRIBUTE = "dev.sessionkit.session";

    private static final System.Logger LOG = System.getLogger(SessionFilter.class.getName());
    private static final Duration STORE_DOWN_LOG_INTERVAL = Duration.ofSeconds(10);

    // The same throttle as the store's own outage log: one line per kind of failure per interval, with a count.
    private final OutageLog storeDown = new OutageLog(LOG, "Sessionkit filter", STORE_DOWN_LOG_INTERVAL,
            Clock.systemUTC());

    private final Sessionkit provided;
    private final WebSettings providedWeb;
    private final Optional<SettingSource> appDefaults;
    private SessionkitRuntime runtime;
    private PathRules paths;

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
        this(null, null, Optional.of(java.util.Objects.requireNonNull(appDefaults, "appDefaults")));
    }

    /**
     * Creates the filter around an instance the application built (and will close), for programmatic registration
     * with {@code servletContext.addFilter("sessionkit", new SessionFilter(sessionkit))}. The web settings
     * (cookies, paths, proxies) are read at init from the usual sources, as for a declared filter.
     *
     * @param sessionkit the running Sessionkit
     */
    public SessionFilter(Sessionkit sessionkit) {
        this(java.util.Objects.requireNonNull(sessionkit, "sessionkit"), null, Optional.empty());
    }

    /**
     * Creates the filter around an instance the application built (and will close), with web settings it built
     * too; no source is read.
     *
     * @param sessionkit the running Sessionkit
     * @param web the cookie, path and proxy settings
     */
    public SessionFilter(Sessionkit sessionkit, WebSettings web) {
        this(java.util.Objects.requireNonNull(sessionkit, "sessionkit"),
                java.util.Objects.requireNonNull(web, "web"), Optional.empty());
    }

    private SessionFilter(Sessionkit provided, WebSettings providedWeb, Optional<SettingSource> appDefaults) {
        this.provided = provided;
        this.providedWeb = providedWeb;
        this.appDefaults = appDefaults;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        Sessionkit sessionkit;
        WebSettings web;
        SessionkitSettings settings = null;
        try {
            if (provided != null) {
                settings = provided.settings();
                web = providedWeb != null ? providedWeb
                        : WebSettings.resolve(ServletSettings.sources(config, appDefaults));
                sessionkit = provided;
            } else {
                ServletSettings.Resolved resolved = ServletSettings.resolve(ServletSettings.sources(config,
                        appDefaults));
                settings = resolved.core();
                web = resolved.web();
                sessionkit = Sessionkit.builder(settings).build();
            }
        } catch (RuntimeException e) {
            // One clear line for the operator; the deployment fails instead of running without sessions. The
            // container logs the whole chain, and a driver's message may quote the JDBC URL: all of it is redacted,
            // for a setting we refused (SessionkitException) and for anything a driver or provider threw alike.
            CredentialRedactor redactor = settings == null ? CredentialRedactor.patterns()
                    : CredentialRedactor.of(settings);
            String message = "Sessionkit cannot start: " + redactor.redact(e.getMessage());
            LOG.log(System.Logger.Level.ERROR, message);
            throw new ServletException(message, redactor.redactedCopy(e));
        }
        runtime = new SessionkitRuntime(sessionkit, web, provided == null, config.getServletContext());
        paths = new PathRules(web);
        config.getServletContext().setAttribute(SessionkitRuntime.ATTRIBUTE, runtime);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("Sessionkit filters HTTP requests only");
        }
        try {
            Principal containerUser = runtime.adoption().isPresent() ? request.getUserPrincipal() : null;
            if (paths.isExcluded(request)) {
                passOn(request, request, response, chain, containerUser);
                return;
            }
            // Without the store nobody can be told valid: authenticate() throws rather than let the request through.
            HttpServletRequest authenticated = authenticate(request, response, containerUser);
            if (authenticated != null) {
                passOn(request, authenticated, response, chain, containerUser);
            }
        } catch (CrossSiteRequestRefusedException e) {
            // The app let SessionLogin's refusal through: a 403 problem, not the container's 500 page.
            if (response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            Problems.write(response, 403, "Forbidden", e.getMessage());
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

    /**
     * Runs the app; when it ended the container login during the request ({@code request.logout()}), the tracked
     * session of that login ends with it, at once.
     */
    private void passOn(HttpServletRequest request, HttpServletRequest toApp, HttpServletResponse response,
            FilterChain chain, Principal containerUser) throws IOException, ServletException {
        // Named before the app runs: after a logout the request no longer says who was signed in, or how.
        Optional<LoginKey> before = containerUser == null ? Optional.empty()
                : runtime.adoption().map(adoption -> adoption.keyOf(request, containerUser));
        chain.doFilter(toApp, response);
        if (before.isPresent() && request.getUserPrincipal() == null) {
            runtime.adoption().orElseThrow().containerLoggedOut(before.get(), request, response,
                    SessionLogin.current(request));
        }
    }

    /** Returns the request to pass on, or null when this method already answered. */
    private HttpServletRequest authenticate(HttpServletRequest request, HttpServletResponse response,
            Principal containerUser) throws IOException {
        PresentedCookie cookie = runtime.cookies().readSession(request);
        if (cookie instanceof PresentedCookie.Refused refused) {
            deny(request, response, true, "Your session cookie is not valid (" + refused.why() + "). Sign in again.");
            return null;
        }
        if (containerUser != null) {
            return adopted(request, response,
                    runtime.adoption().orElseThrow().authenticate(request, response, containerUser, cookie));
        }
        if (cookie instanceof PresentedCookie.Absent) {
            deny(request, response, false, "Sign in to continue.");
            return null;
        }
        String token = ((PresentedCookie.Present) cookie).value();
        ValidationResult result = runtime.sessionkit().service().validate(token);
        if (result instanceof ValidationResult.Valid valid) {
            return expose(request, valid.session(), runtime.adoption().isPresent());
        }
        deny(request, response, true, "Your session has ended. Sign in again.");
        return null;
    }

    /** Carries out what adoption decided for a request with a container login. */
    private HttpServletRequest adopted(HttpServletRequest request, HttpServletResponse response,
            AdoptionOutcome outcome) throws IOException {
        if (outcome instanceof AdoptionOutcome.Pass pass) {
            if (pass.clearCookie()) {
                runtime.cookies().clearSession(response);
            }
            return expose(request, pass.session(), true);
        }
        if (outcome instanceof AdoptionOutcome.Refuse refuse) {
            deny(request, response, refuse.clearCookie(), refuse.detail());
        }
        return null;
    }

    private static HttpServletRequest expose(HttpServletRequest request, SessionRecord session,
            boolean containerRoles) {
        request.setAttribute(SESSION_ATTRIBUTE, session);
        return new AuthenticatedRequest(request, new SessionkitPrincipal(session), containerRoles);
    }

    private void deny(HttpServletRequest request, HttpServletResponse response, boolean clearCookie, String detail)
            throws IOException {
        if (clearCookie) {
            runtime.cookies().clearSession(response);
        }
        var loginPath = runtime.web().loginPath();
        if (loginPath.isPresent() && RequestKind.of(request) == RequestKind.BROWSER) {
            response.setHeader("Cache-Control", "no-store");
            response.setStatus(302);
            response.setHeader("Location", request.getContextPath() + loginPath.get());
            return;
        }
        Problems.write(response, 401, "Unauthorized", detail);
    }

    @Override
    public void destroy() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }
}
