package dev.sessionkit.servlet;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/** The app-side actions the container-login adoption ITs take: what real apps do to their logins. */
final class AdoptionServlets {

    private AdoptionServlets() {
    }

    /** Maps every action under {@code /app/}, inside the security constraint. */
    static void addTo(Context context) {
        add(context, "/app/container-logout", new ContainerLogout());
        add(context, "/app/container-signout", new ContainerSignOut());
        add(context, "/app/clear-attributes", new ClearAttributes());
        add(context, "/app/end-all", new EndAll());
        add(context, "/app/short-timeout", new ShortTimeout());
    }

    private static void add(Context context, String path, HttpServlet servlet) {
        String name = path.substring(1).replace('/', '-');
        Tomcat.addServlet(context, name, servlet);
        context.addServletMapping(path, name);
    }

    /** Answers a fixed text: stands in for the login and error pages. */
    static final class Text extends HttpServlet {
        private final String text;

        Text(String text) {
            this.text = text;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print(text);
        }
    }

    /** POST: the app's own logout, ending the container session only; answers 204. */
    static final class ContainerLogout extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.setStatus(204);
        }
    }

    /** POST: the container's logout ({@code request.logout()}), the HttpSession itself left alive; 204. */
    static final class ContainerSignOut extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException {
            request.logout();
            response.setStatus(204);
        }
    }

    /** POST: app code removing every attribute of its HttpSession; 204. */
    static final class ClearAttributes extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                for (String name : Collections.list(session.getAttributeNames())) {
                    session.removeAttribute(name);
                }
            }
            response.setStatus(204);
        }
    }

    /**
     * POST: "sign out everywhere" exactly as the REST API's {@code DELETE /sessions?scope=all} does it (which
     * session-jaxrs builds on this module): {@link SessionLogin#endAll}, which ends them and clears the cookie.
     */
    static final class EndAll extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print(SessionLogin.of(getServletContext()).endAll(request, response));
        }
    }

    /** POST: lets the container session time out one second after its last request; 204. */
    static final class ShortTimeout extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            request.getSession().setMaxInactiveInterval(1);
            response.setStatus(204);
        }
    }
}
