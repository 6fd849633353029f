package dev.sessionkit.examples;

import dev.sessionkit.security.AttemptDecision;
import dev.sessionkit.servlet.CrossSiteRequestRefusedException;
import dev.sessionkit.servlet.LoginOptions;
import dev.sessionkit.servlet.OthersEnded;
import dev.sessionkit.servlet.SessionLogin;
import dev.sessionkit.servlet.SignInBlockedException;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.store.SessionLimitReachedException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/** The demo's few servlets: sign in, sign out, change password, and the ping pair for health checks. */
final class DemoServlets {

    private DemoServlets() {
    }

    /** Shown, with 403, for a sign-in or sign-out another site sent; the refusal's details stay in the server. */
    private static final String CROSS_SITE = "This request came from another site and was refused. Open this site's"
            + " own sign-in page and try again.";

    /**
     * {@code POST /login}: 303 to /app/ with the cookie, or 401 with the same message for any failure; 403 when
     * another site sent it.
     */
    static final class Login extends HttpServlet {
        private final DemoUsers users;

        Login(DemoUsers users) {
            this.users = users;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.sendRedirect(request.getContextPath() + "/login.html");
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            SessionLogin login = SessionLogin.of(getServletContext());
            String username = Objects.requireNonNullElse(request.getParameter("username"), "");
            // Asked before bcrypt runs: beyond the limits an attacker gets neither an answer nor our CPU.
            if (login.allowAttempt(request, username) instanceof AttemptDecision.Refused refused) {
                response.setHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
                page(response, 429, "Too many failed sign-ins. Try again in " + refused.retryAfterSeconds()
                        + " seconds.");
                return;
            }
            Optional<SessionPrincipal> user = users.authenticate(username, request.getParameter("password"));
            if (user.isEmpty()) {
                if (users.exists(username)) {
                    login.failed(request, username, username);
                } else {
                    login.failed(request, username);
                }
                page(response, 401, "Wrong username or password.");
                return;
            }
            try {
                // The form's "Keep me signed in" box: a remembered device, until remember-me-lifetime or sign-out.
                login.login(request, response, user.get(), request.getParameter("remember") != null
                        ? LoginOptions.password().remember() : LoginOptions.password());
            } catch (SignInBlockedException e) {
                page(response, 403, e.getMessage());
                return;
            } catch (CrossSiteRequestRefusedException e) {
                page(response, 403, CROSS_SITE);
                return;
            } catch (SessionLimitReachedException e) {
                page(response, 409, e.getMessage());
                return;
            }
            response.setStatus(303);
            response.setHeader("Location", request.getContextPath() + "/app/");
        }

        static void page(HttpServletResponse response, int status, String message) throws IOException {
            response.setStatus(status);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Sign in - Sessionkit demo</title><link rel=\"icon\" href=\"static/favicon.svg\">"
                    + "<link rel=\"stylesheet\" href=\"static/style.css\">"
                    + "</head><body><main class=\"narrow\"><h1>Sign in</h1><p role=\"alert\" class=\"error\">"
                    + message + "</p><p><a href=\"login.html\">Try again</a></p></main></body></html>")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code POST /logout}: ends the session, 303 to the sign-in page; 403 when another site sent it. */
    static final class Logout extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try {
                SessionLogin.of(getServletContext()).logout(request, response);
            } catch (CrossSiteRequestRefusedException e) {
                Login.page(response, 403, CROSS_SITE);
                return;
            }
            response.setStatus(303);
            response.setHeader("Location", request.getContextPath() + "/login.html");
        }
    }

    /**
     * {@code POST /app/password} (form fields {@code current}, {@code next}): changes the password and signs out
     * every other device; 200 with how many, 400 when the current password is wrong or the new one too short, 409
     * when this browser's session ended during the change (every session of the user is then ended).
     */
    static final class Password extends HttpServlet {
        private final DemoUsers users;

        Password(DemoUsers users) {
            this.users = users;
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (!sentByScript(request, response)) {
                return;
            }
            if (!users.changePassword(request.getRemoteUser(), request.getParameter("current"),
                    request.getParameter("next"))) {
                response.setStatus(400);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().print("The current password is wrong, or the new one is not "
                        + DemoUsers.MIN_PASSWORD_CHARS + " characters to " + DemoUsers.MAX_PASSWORD_BYTES
                        + " bytes long.");
                return;
            }
            // The password is changed first, so that no session can be started with the old one after the others end.
            OthersEnded others = SessionLogin.of(getServletContext()).endOthers(request, response);
            response.setContentType("text/plain;charset=UTF-8");
            if (!others.currentContinues()) {
                response.setStatus(409);
                response.getWriter().print("Your password was changed, but this session was signed out during the"
                        + " change, so every device, this one included, is signed out now. Sign in again with the new"
                        + " password.");
                return;
            }
            response.getWriter().print(others.ended());
        }
    }

    /**
     * {@code POST /reauthenticate} (form field {@code password}): the "Confirm your password" dialog before signing
     * devices out. 204 with a renewed cookie; 401 for a wrong password (counted like a failed sign-in, so it cannot
     * be used to guess); 429 beyond the attempt limits; 403 without the X-Requested-With header.
     */
    static final class Reauthenticate extends HttpServlet {
        private final DemoUsers users;

        Reauthenticate(DemoUsers users) {
            this.users = users;
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (!sentByScript(request, response)) {
                return;
            }
            SessionLogin login = SessionLogin.of(getServletContext());
            String username = request.getRemoteUser();
            if (login.allowAttempt(request, username) instanceof AttemptDecision.Refused refused) {
                response.setHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
                text(response, 429, "Too many wrong passwords. Try again in " + refused.retryAfterSeconds()
                        + " seconds.");
                return;
            }
            if (users.authenticate(username, request.getParameter("password")).isEmpty()) {
                login.failed(request, username, username);
                text(response, 401, "That is not your password.");
                return;
            }
            if (login.reauthenticated(request, response, "password").isEmpty()) {
                text(response, 401, "This session has ended. Sign in again.");
                return;
            }
            response.setStatus(204);
        }

        private static void text(HttpServletResponse response, int status, String message) throws IOException {
            response.setStatus(status);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().print(message);
        }
    }

    /**
     * The REST API's CSRF rule for the demo's own script endpoints: a cross-site form cannot add
     * {@code X-Requested-With}. Answers 403 and returns false without it.
     */
    private static boolean sentByScript(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (request.getHeader("X-Requested-With") != null) {
            return true;
        }
        response.sendError(403, "Send the X-Requested-With header.");
        return false;
    }

    /** {@code GET /ping} and {@code GET /app/ping}: "pong", the health check and benchmark pair. */
    static final class Ping extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print("pong");
        }
    }

    /** {@code GET /}: to the dashboard (which sends browsers without a session to sign in). */
    static final class Root extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            response.setStatus(302);
            response.setHeader("Location", request.getContextPath() + "/app/");
        }
    }
}
