package dev.sessionkit.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Whether a request comes from a program (answered with 401 JSON) or a person's browser navigating (redirected to
 * the login page). A request is from a program when it asks for JSON or changes state (any method but GET/HEAD).
 */
enum RequestKind {
    API,
    BROWSER;

    static RequestKind of(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return API;
        }
        String accept = request.getHeader("Accept");
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains("json")
                && !accept.toLowerCase(Locale.ROOT).contains("text/html")) {
            return API;
        }
        return BROWSER;
    }
}
