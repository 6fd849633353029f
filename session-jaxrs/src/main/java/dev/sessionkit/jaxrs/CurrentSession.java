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

    static Sessionkit sessionkit(HttpServletRequest request) {
        return SessionLogin.of(request.getServletContext()).sessionkit();
    }

    static WebSettings webSettings(HttpServletRequest request) {
        return SessionLogin.of(request.getServletContext()).webSettings();
    }
}
