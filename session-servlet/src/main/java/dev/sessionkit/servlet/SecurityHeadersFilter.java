package dev.sessionkit.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opt-in filter that sends the browser security headers on every response: a strict
 * {@code Content-Security-Policy}, {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy} and
 * {@code X-Frame-Options: DENY} (for browsers that predate CSP's {@code frame-ancestors}). Sessionkit's session
 * filter does not need it; it is for applications whose pages show session data, such as the demo.
 *
 * <p>Declare it on {@code /*} ahead of the session filter, so that refusals, redirects, API answers, static files
 * and the container's own error pages carry the headers too:
 * <pre>{@code
 * <filter>
 *   <filter-name>security-headers</filter-name>
 *   <filter-class>dev.sessionkit.servlet.SecurityHeadersFilter</filter-class>
 * </filter>
 * <filter-mapping>
 *   <filter-name>security-headers</filter-name>
 *   <url-pattern>/*</url-pattern>
 *   <dispatcher>REQUEST</dispatcher>
 *   <dispatcher>ERROR</dispatcher>
 * </filter-mapping>
 * }</pre>
 *
 * <p>Init-params: {@value #CSP_PARAM} replaces the whole policy (default {@value #DEFAULT_CSP}), and
 * {@value #REFERRER_PARAM} the referrer policy (default {@value #DEFAULT_REFERRER_POLICY}). A value that is blank
 * or holds a line break fails start-up: a header must never be dropped or split silently.
 *
 * <p>The headers are set before the rest of the chain runs (so they are there whatever it writes, even when it
 * fails), and set again if the application calls {@code response.reset()}. Thread-safe after {@code init}.
 */
public class SecurityHeadersFilter implements Filter {

    /** Init-param replacing the {@code Content-Security-Policy}. */
    public static final String CSP_PARAM = "content-security-policy";

    /** Init-param replacing the {@code Referrer-Policy}. */
    public static final String REFERRER_PARAM = "referrer-policy";

    /**
     * The default policy: everything from this origin only, no inline script or style, no plugins, no
     * {@code <base>} rewriting, no framing, and forms post only to this origin.
     */
    public static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /** The default referrer policy: full referrers within the site, none to other sites. */
    public static final String DEFAULT_REFERRER_POLICY = "same-origin";

    private Map<String, String> headers = defaults();

    /** Creates the filter with the default headers; init-params may change them at {@link #init}. */
    public SecurityHeadersFilter() {
        // configured in init
    }

    /**
     * Reads the init-params {@value #CSP_PARAM} and {@value #REFERRER_PARAM}.
     *
     * @param config the filter configuration
     * @throws ServletException if an init-param is blank or holds a line break
     */
    @Override
    public void init(FilterConfig config) throws ServletException {
        Map<String, String> configured = new LinkedHashMap<>(defaults());
        configured.put("Content-Security-Policy", param(config, CSP_PARAM, DEFAULT_CSP));
        configured.put("Referrer-Policy", param(config, REFERRER_PARAM, DEFAULT_REFERRER_POLICY));
        headers = Map.copyOf(configured);
    }

    /**
     * Sets the headers, then passes the request on with a response that sets them again after a reset.
     *
     * @param request the request
     * @param response the response
     * @param chain the rest of the chain
     * @throws IOException if the chain throws it
     * @throws ServletException if the chain throws it
     */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(response instanceof HttpServletResponse http)) {
            chain.doFilter(request, response);
            return;
        }
        apply(http);
        chain.doFilter(request, new ResettingResponse(http));
    }

    /**
     * Returns the headers this filter sets, by name.
     *
     * @return an immutable map of header name to value
     */
    public Map<String, String> headers() {
        return headers;
    }

    private void apply(HttpServletResponse response) {
        headers.forEach(response::setHeader);
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("Content-Security-Policy", DEFAULT_CSP);
        defaults.put("X-Content-Type-Options", "nosniff");
        defaults.put("Referrer-Policy", DEFAULT_REFERRER_POLICY);
        defaults.put("X-Frame-Options", "DENY");
        return Map.copyOf(defaults);
    }

    private static String param(FilterConfig config, String name, String fallback) throws ServletException {
        String value = config.getInitParameter(name);
        if (value == null) {
            return fallback;
        }
        String stripped = value.strip();
        if (stripped.isEmpty() || stripped.indexOf('\r') >= 0 || stripped.indexOf('\n') >= 0) {
            throw new ServletException("The init-param " + name + " of SecurityHeadersFilter must be one non-blank"
                    + " line; remove it to use the default '" + fallback + "'.");
        }
        return stripped;
    }

    /** Puts the headers back when the application resets the response (which clears every header). */
    private final class ResettingResponse extends HttpServletResponseWrapper {
        ResettingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void reset() {
            super.reset();
            apply((HttpServletResponse) getResponse());
        }
    }
}
