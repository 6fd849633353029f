package dev.sessionkit.servlet;

import dev.sessionkit.remember.RememberCookie;
import dev.sessionkit.token.SessionToken;
import dev.sessionkit.token.TokenGenerator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes Sessionkit's cookies (session, browser id, remembered device), and so is the cookie {@link TokenTransport}. The session cookie is HttpOnly, Path=/, no Domain and no expiry (it
 * dies with the browser; the server's timeouts rule), Secure with the {@code __Host-} prefix when
 * {@code cookie-secure} is on. The browser-id cookie lives 400 days and carries no authority.
 *
 * <p>The {@code Cookie} header is parsed here rather than by the container, so that every container treats a
 * duplicated, empty or odd cookie the same way: refused, never a 500 and never a guess.
 */
final class SessionCookies implements TokenTransport {

    static final Duration BROWSER_ID_LIFETIME = Duration.ofDays(400);
    /** The remembered device's cookie, {@code __Host-remember} when secure. */
    static final String REMEMBER_NAME = "remember";
    private static final String HOST_PREFIX = "__Host-";

    private final String sessionName;
    private final String browserIdName;
    private final String rememberName;
    private final String attributes;
    private final TokenGenerator browserIds;

    SessionCookies(WebSettings settings, TokenGenerator browserIds) {
        String prefix = settings.cookieSecure() ? HOST_PREFIX : "";
        this.sessionName = prefix + settings.cookieName();
        this.browserIdName = prefix + settings.browserIdCookie();
        this.rememberName = prefix + REMEMBER_NAME;
        this.attributes = "; Path=/" + (settings.cookieSecure() ? "; Secure" : "") + "; HttpOnly; SameSite="
                + settings.cookieSameSite().attributeValue();
        this.browserIds = browserIds;
    }

    String sessionName() {
        return sessionName;
    }

    @Override
    public PresentedToken read(HttpServletRequest request) {
        List<String> values = valuesOf(request, sessionName);
        if (values.isEmpty()) {
            return new PresentedToken.Absent();
        }
        if (values.size() > 1) {
            return new PresentedToken.Refused("the session cookie was sent more than once");
        }
        return values.get(0).isEmpty() ? new PresentedToken.Refused("the session cookie is empty")
                : new PresentedToken.Present(values.get(0));
    }

    /** The browser id, when the browser sent exactly one well-formed one. */
    Optional<String> readBrowserId(HttpServletRequest request) {
        List<String> values = valuesOf(request, browserIdName);
        return values.size() == 1 ? SessionToken.parse(values.get(0)).map(SessionToken::reveal) : Optional.empty();
    }

    @Override
    public void issue(HttpServletResponse response, SessionToken token) {
        response.addHeader("Set-Cookie", sessionName + "=" + token.reveal() + attributes);
        // A response that sets a session cookie must never be stored by a shared cache.
        response.setHeader("Cache-Control", "no-store");
    }

    @Override
    public void clear(HttpServletResponse response) {
        response.addHeader("Set-Cookie", sessionName + "=; Max-Age=0" + attributes);
        // A sign-out answer must not be replayed from a cache either (it would look signed out while not being).
        response.setHeader("Cache-Control", "no-store");
    }

    /** Returns the browser's id, issuing (and setting) a new one when it has none. */
    String ensureBrowserId(HttpServletRequest request, HttpServletResponse response) {
        return readBrowserId(request).orElseGet(() -> {
            String id = browserIds.next().reveal();
            response.addHeader("Set-Cookie", browserIdName + "=" + id + "; Max-Age="
                    + BROWSER_ID_LIFETIME.getSeconds() + attributes);
            return id;
        });
    }

    /** The remembered device's cookie, when the browser sent exactly one. */
    Optional<String> readRemember(HttpServletRequest request) {
        List<String> values = valuesOf(request, rememberName);
        return values.size() == 1 && !values.get(0).isEmpty() ? Optional.of(values.get(0)) : Optional.empty();
    }

    /** Whether the browser sent any remember cookie (to clear a malformed or duplicated one). */
    boolean hasRemember(HttpServletRequest request) {
        return !valuesOf(request, rememberName).isEmpty();
    }

    void issueRemember(HttpServletResponse response, RememberCookie cookie, Duration lifetime) {
        response.addHeader("Set-Cookie", rememberName + "=" + cookie.value() + "; Max-Age=" + lifetime.getSeconds()
                + attributes);
        response.setHeader("Cache-Control", "no-store");
    }

    void clearRemember(HttpServletResponse response) {
        response.addHeader("Set-Cookie", rememberName + "=; Max-Age=0" + attributes);
        response.setHeader("Cache-Control", "no-store");
    }

    private static List<String> valuesOf(HttpServletRequest request, String name) {
        List<String> values = new ArrayList<>(1);
        for (String header : Collections.list(request.getHeaders("Cookie"))) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                String cookieName = trimWhiteSpace(equals < 0 ? pair : pair.substring(0, equals));
                if (cookieName.equals(name)) {
                    values.add(equals < 0 ? "" : trimWhiteSpace(pair.substring(equals + 1)));
                }
            }
        }
        return values;
    }

    /**
     * Trims SP and HTAB only, as RFC 6265 does. Not {@link String#strip()}: a browser keeps other blanks (U+2000,
     * U+3000, ...) as part of a cookie's name and applies no {@code __Host-} rules to a name that starts with one,
     * so reading such a cookie as {@code __Host-sid} would let a sibling subdomain or a plain-HTTP page plant or
     * shadow the session cookie.
     */
    private static String trimWhiteSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }
}
