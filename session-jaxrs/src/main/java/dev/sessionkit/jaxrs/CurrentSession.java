package dev.sessionkit.jaxrs;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.servlet.WebSettings;
import dev.sessionkit.servlet.SessionLogin;
import dev.sessionkit.session.SessionRecord;
import jakarta.servlet.http.HttpServletRequest;

/** The session behind a REST request, as the servlet filter validated it; 401 when there is none. */
final class CurrentSession {

    private CurrentSession() {
    }

    static SessionRecord require(HttpServletRequest request) {
        return SessionLogin.current(request).orElseThrow(() -> new ProblemException(401, "Unauthorized",
                "Sign in to continue."));
    }

    /** The session of an administrator: 401 without a session, 403 without the {@code admin-role} role. */
    static SessionRecord requireAdmin(HttpServletRequest request) {
        SessionRecord current = require(request);
        if (!request.isUserInRole(webSettings(request).adminRole())) {
            throw new ProblemException(403, "Forbidden", "This needs the administrator role.");
        }
        return current;
    }

    static Sessionkit sessionkit(HttpServletRequest request) {
        return SessionLogin.of(request.getServletContext()).sessionkit();
    }

    static WebSettings webSettings(HttpServletRequest request) {
        return SessionLogin.of(request.getServletContext()).webSettings();
    }
}
