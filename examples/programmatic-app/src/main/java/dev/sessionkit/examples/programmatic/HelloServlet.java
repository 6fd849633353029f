package dev.sessionkit.examples.programmatic;

import dev.sessionkit.servlet.SessionLogin;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A page behind the filter: it is reached only with a valid session, and asks the request who is signed in, as
 * any servlet app does. A POST to {@code /logout} ends the session.
 */
public final class HelloServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        // getRemoteUser() is answered from the session; the name is the app's own user id, written as text.
        response.getWriter().write("Hello, " + request.getRemoteUser());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().equals("/logout")) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        SessionLogin.of(getServletContext()).logout(request, response);
        response.sendRedirect(request.getContextPath() + "/login");
    }
}
