package dev.sessionkit.servlet;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.SessionkitBuilder;
import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.config.SettingSource;
import dev.sessionkit.security.SecurityEventListener;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.util.List;
import java.util.Optional;

/**
 * What the filter's {@code init} does: resolves the settings (or takes what the app built), builds Sessionkit when
 * the filter owns it, and starts the context's runtime. Anything wrong fails the deployment with one redacted line,
 * instead of a web app that runs without sessions.
 */
final class FilterStartup {

    private static final System.Logger LOG = System.getLogger(SessionFilter.class.getName());

    private FilterStartup() {
    }

    /**
     * Starts Sessionkit for one servlet context.
     *
     * @param provided the instance the app built, or null for the filter to build (and own) one
     * @param providedWeb the web settings the app built, or null to read them from the sources
     * @param appDefaults the app's defaults, the weakest source
     * @param securityListeners listeners for the instance the filter builds
     * @return the running runtime, also bound to the servlet context
     * @throws ServletException with a redacted message when anything cannot work
     */
    static SessionkitRuntime start(FilterConfig config, Sessionkit provided, WebSettings providedWeb,
            Optional<SettingSource> appDefaults, List<SecurityEventListener> securityListeners)
            throws ServletException {
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
                SessionkitBuilder builder = Sessionkit.builder(settings);
                securityListeners.forEach(builder::securityListener);
                sessionkit = builder.build();
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
        SessionkitRuntime runtime = new SessionkitRuntime(sessionkit, web, provided == null,
                config.getServletContext());
        config.getServletContext().setAttribute(SessionkitRuntime.ATTRIBUTE, runtime);
        LOG.log(System.Logger.Level.INFO, started(config.getServletContext().getContextPath(), settings, web));
        return runtime;
    }

    /** The one line a successful start logs: where sessions are kept and the settings that shape them, no secret. */
    static String started(String contextPath, SessionkitSettings settings, WebSettings web) {
        String store = settings.datasource().map(name -> "DataSource " + name)
                .orElseGet(() -> CredentialRedactor.of(settings).redact(settings.jdbcUrl()));
        return "Sessionkit started for " + (contextPath.isEmpty() ? "/" : contextPath) + ": sessions in " + store
                + " (schema=" + settings.schema().settingValue() + "), idle-timeout=" + settings.idleTimeout()
                + ", absolute-timeout=" + settings.absoluteTimeout() + ", revocation-latency="
                + settings.revocationLatency() + ", login-path=" + web.loginPath().orElse("none") + ", cookie "
                + (web.cookieSecure() ? "__Host-" : "") + web.cookieName();
    }
}
