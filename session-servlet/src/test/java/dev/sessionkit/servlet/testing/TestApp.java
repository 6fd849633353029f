package dev.sessionkit.servlet.testing;

import dev.sessionkit.servlet.LoginOptions;
import dev.sessionkit.servlet.OthersEnded;
import dev.sessionkit.servlet.SessionFilter;
import dev.sessionkit.servlet.SessionLogin;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.SessionLimitReachedException;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The little web app every container test deploys: a login and logout servlet calling {@link SessionLogin}, an
 * app servlet echoing who the filter says the user is, and a public servlet on an excluded path.
 */
public final class TestApp {

    /** Servlets by URL pattern, in registration order. */
    public static Map<String, HttpServlet> servlets() {
        Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        servlets.put("/login", new Login());
        servlets.put("/logout", new Logout());
        servlets.put("/app/rotate", new Rotate());
        servlets.put("/app/reauthenticate", new Reauthenticate());
        servlets.put("/app/sensitive", new Sensitive());
        servlets.put("/app/end-others", new EndOthers());
        servlets.put("/app/end-others-after-own-end", new EndOthersAfterOwnEnd());
        servlets.put("/app/*", new Echo());
        servlets.put("/public/*", new Public());
        return servlets;
    }

    /** How a container test deploys the filter: an instance, or the class with init-params (web.xml style). */
    public sealed interface FilterSetup {
        /** Programmatic registration of a ready instance. */
        record Instance(Filter filter) implements FilterSetup {
        }

        /** Declaration by class name with init-params, as web.xml does. */
        record Declared(Map<String, String> initParams) implements FilterSetup {
            /** The class a web.xml would name. */
            public Class<? extends Filter> filterClass() {
                return SessionFilter.class;
            }
        }
    }

    /** POST username (and roles, comma separated): signs in, answers 200 with the new session's public id. */
    static final class Login extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String user = request.getParameter("username");
            String roles = request.getParameter("roles");
            try {
                String method = request.getParameter("method");
                LoginOptions options = method == null ? LoginOptions.password() : LoginOptions.method(method);
                SessionRecord session = SessionLogin.of(getServletContext()).login(request, response,
                        new SessionPrincipal(user, user, roles == null || roles.isBlank() ? Set.of()
                                : Arrays.stream(roles.split(",")).collect(Collectors.toSet())),
                        request.getParameter("remember") != null ? options.remember() : options);
                response.setContentType("text/plain");
                response.getWriter().print(session.id().value());
            } catch (SessionLimitReachedException e) {
                response.sendError(409, e.getMessage());
            }
        }
    }

    /** POST: as if the user just typed their password again; answers 200 with the renewed session's id, or 401. */
    static final class Reauthenticate extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            var renewed = SessionLogin.of(getServletContext()).reauthenticated(request, response, "password");
            if (renewed.isEmpty()) {
                response.sendError(401);
                return;
            }
            response.setContentType("text/plain");
            response.getWriter().print(renewed.get().id().value());
        }
    }

    /** GET: app code guarding a sensitive action with a five-minute step-up; answers "done" when allowed. */
    static final class Sensitive extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            SessionLogin.of(getServletContext()).requireRecentAuthentication(request, java.time.Duration.ofMinutes(5));
            response.setContentType("text/plain");
            response.getWriter().print("done");
        }
    }

    /** POST: signs out, answers 204. */
    static final class Logout extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            SessionLogin.of(getServletContext()).logout(request, response);
            response.setStatus(204);
        }
    }

    /** Any method: echoes what the request says about its user, one {@code key=value} per line. */
    static final class Echo extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            var out = response.getWriter();
            out.println("user=" + request.getRemoteUser());
            out.println("principal=" + (request.getUserPrincipal() == null ? null
                    : request.getUserPrincipal().getName()));
            out.println("admin=" + request.isUserInRole("admin"));
            out.println("authType=" + request.getAuthType());
            out.println("session=" + SessionLogin.current(request).map(s -> s.id().value()).orElse(null));
            out.println("ip=" + SessionLogin.current(request).map(SessionRecord::ipAddress).orElse(null));
        }
    }

    /** POST: gives this browser a fresh token; answers with the new session's public id. */
    static final class Rotate extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print(SessionLogin.of(getServletContext()).rotate(request, response)
                    .map(s -> s.id().value()).orElse("none"));
        }
    }

    /** POST: "I changed my password": ends the user's other sessions; answers how many, 409 if this one ended. */
    static final class EndOthers extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            OthersEnded others = SessionLogin.of(getServletContext()).endOthers(request, response);
            response.setStatus(others.currentContinues() ? 200 : 409);
            response.setContentType("text/plain");
            response.getWriter().print(others.ended());
        }
    }

    /**
     * POST: the race of a password change (issue 11): this session is ended, as if from another device holding a
     * session of the same user, after the filter let the request in and before the app calls endOthers; answers
     * what endOthers returned.
     */
    static final class EndOthersAfterOwnEnd extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            SessionLogin login = SessionLogin.of(getServletContext());
            SessionRecord current = SessionLogin.current(request).orElseThrow();
            login.sessionkit().service().end(current.id(), dev.sessionkit.session.EndReason.REVOKED_BY_USER);
            response.setContentType("text/plain");
            response.getWriter().print(String.valueOf(login.endOthers(request, response)));
        }
    }

    /** GET: answers "public" without needing a session. */
    static final class Public extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print("public");
        }
    }

    private TestApp() {
    }
}
