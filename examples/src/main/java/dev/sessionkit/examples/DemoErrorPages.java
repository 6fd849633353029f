package dev.sessionkit.examples;

import dev.sessionkit.servlet.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo's one error page, for every error the container itself answers (a servlet's exception, a
 * {@code sendError}, a path it rejects): {@code application/problem+json} under {@code /api}, a small HTML page
 * elsewhere. Neither ever names an exception, shows its message or a stack trace: those are for the server log.
 */
final class DemoErrorPages {

    /** Where the error page is mapped; {@code web.xml} and the embedded server point their error pages here. */
    static final String PATH = "/error";

    private DemoErrorPages() {
    }

    /**
     * Whether an error answer is a problem document rather than a page: always under {@code /api}, and elsewhere
     * unless the client asks for HTML (browsers do on every navigation; scripts and request Jetty could not even
     * read a path from do not).
     *
     * @param contextPath the web app's context path ("" at the root)
     * @param requestUri the path the client asked for, with the context path; null when unknown
     * @param accept the request's {@code Accept} header; null when absent
     */
    static boolean wantsProblem(String contextPath, String requestUri, String accept) {
        String api = (contextPath == null ? "" : contextPath) + "/api";
        boolean underApi = requestUri != null && (requestUri.equals(api) || requestUri.startsWith(api + "/"));
        return underApi || accept == null || !accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }

    /** The problem document of a status: its reason phrase as title, a fixed sentence as detail. */
    static String problem(int status) {
        return Problems.json(status, reason(status), status >= 500
                ? "Something went wrong on our side." : "The request was not accepted: " + reason(status) + ".");
    }

    /** A small page in the demo's style naming the status and nothing else. */
    static String page(String contextPath, int status) {
        String root = contextPath == null ? "" : contextPath;
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " " + reason(status)
                + " - Sessionkit demo</title><link rel=\"stylesheet\" href=\"" + root + "/static/style.css\">"
                + "</head><body><main class=\"narrow\"><h1>" + reason(status) + "</h1><p role=\"alert\" class=\"error\">"
                + (status >= 500 ? "Something went wrong on our side. Try again in a moment."
                        : "This request could not be answered (HTTP " + status + ").")
                + "</p><p><a href=\"" + root + "/app/\">Back to the dashboard</a></p></main></body></html>";
    }

    /** The reason phrase of the statuses the demo and its container answer with; "Error" for any other. */
    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }

    /** The servlet behind {@link #PATH}: renders the status the container dispatched it with. */
    static final class Page extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                    ? code : 404;
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            boolean api = wantsProblem(request.getContextPath(), uri instanceof String s ? s : request.getRequestURI(),
                    request.getHeader("Accept"));
            write(response, status, api, api ? problem(status) : page(request.getContextPath(), status));
        }

        private static void write(HttpServletResponse response, int status, boolean api, String body)
                throws IOException {
            response.setStatus(status);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType(api ? Problems.MEDIA_TYPE + ";charset=UTF-8" : "text/html;charset=UTF-8");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
