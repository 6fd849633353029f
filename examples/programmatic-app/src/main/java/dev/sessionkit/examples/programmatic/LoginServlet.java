package dev.sessionkit.examples.programmatic;

import dev.sessionkit.servlet.SessionLogin;
import dev.sessionkit.session.SessionPrincipal;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The app's own sign-in: it checks the password as it always did, then asks Sessionkit for a session. Sessionkit
 * keeps no users and no passwords; replace {@link #USERS} with the app's user store and a real password hash.
 */
public final class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Example users and their passwords; an app checks its own user store (and never keeps clear passwords). */
    private static final Map<String, String> USERS = Map.of("alice", "correct horse battery staple");

    private static final String FORM = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Sign in</title></head><body><h1>Sign in</h1><form method=\"post\" action=\"login\">"
            + "<label>User <input name=\"username\" autocomplete=\"username\"></label> "
            + "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\"></label> "
            + "<button>Sign in</button></form></body></html>";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        page(response, HttpServletResponse.SC_OK);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        if (user == null || password == null || !matches(USERS.get(user), password)) {
            page(response, HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        // A new session with a new token: what the browser held before signing in never becomes authenticated.
        SessionLogin.of(getServletContext()).login(request, response, SessionPrincipal.of(user, "user"));
        response.sendRedirect(request.getContextPath() + "/hello");
    }

    /** Compares in constant time, so the answer's timing does not tell how much of a password was right. */
    private static boolean matches(String expected, String given) {
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static void page(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(FORM);
    }
}
