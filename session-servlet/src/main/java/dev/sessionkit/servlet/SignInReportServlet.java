package dev.sessionkit.servlet;

import dev.sessionkit.security.SignInReports;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The target of the "This wasn't me" link in alerts: {@code GET ?token=} shows what the sign-in was and asks, a
 * {@code POST} of the same token ends that session (and, when ticked, every other one of the account) and records
 * the report once. Works without being signed in and acts only on the owner of the reported sign-in, whoever
 * clicks. Map it at a path the filter lets through ({@code exclude-paths}), e.g.
 * {@code context.addServlet("report", new SignInReportServlet()).addMapping("/report")}.
 */
public final class SignInReportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Creates the servlet; it finds Sessionkit through the filter of its web app. */
    public SignInReportServlet() {
        // stateless
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("token");
        SignInReports.Result peeked = reports().peek(token);
        switch (peeked.outcome()) {
            case REPORTED -> ReportPages.confirm(response, peeked.event().orElseThrow(), token);
            case ALREADY_REPORTED -> ReportPages.message(response, 200, "Already reported",
                    "This sign-in was reported before and its session is signed out. Change your password if you"
                            + " have not yet.");
            case EXPIRED -> expired(response);
            case UNKNOWN -> unknown(response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (RequestOrigin.of(request).isCrossSite()) {
            ReportPages.message(response, 403, "Refused", "This request came from another site. Open the link"
                    + " from your mail again.");
            return;
        }
        SignInReports.Result result = reports().reportByLink(request.getParameter("token"),
                "true".equals(request.getParameter("others")));
        switch (result.outcome()) {
            case REPORTED -> ReportPages.message(response, 200, "Thank you", "We signed out " + result.ended()
                    + (result.ended() == 1 ? " session" : " sessions") + ". Change your password now, and check"
                    + " your devices page for anything you do not recognise.");
            case ALREADY_REPORTED -> ReportPages.message(response, 200, "Already reported",
                    "This sign-in was reported before; nothing more was changed.");
            case EXPIRED -> expired(response);
            case UNKNOWN -> unknown(response);
        }
    }

    private static void expired(HttpServletResponse response) throws IOException {
        ReportPages.message(response, 410, "Link expired", "This link is too old to use. Sign in and look at your"
                + " devices and security activity instead.");
    }

    private static void unknown(HttpServletResponse response) throws IOException {
        ReportPages.message(response, 404, "Link not valid", "This link is not valid. Sign in and look at your"
                + " devices and security activity instead.");
    }

    private SignInReports reports() {
        return SessionkitRuntime.of(getServletContext()).sessionkit().security().reports();
    }
}
