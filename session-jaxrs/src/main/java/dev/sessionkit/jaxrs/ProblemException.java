package dev.sessionkit.jaxrs;

import dev.sessionkit.servlet.Problems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * An error answered as RFC 9457 problem details with a status, a title and a detail for people.
 */
public final class ProblemException extends WebApplicationException {

    /**
     * Creates the error and its response.
     *
     * @param status the HTTP status
     * @param title a short, fixed summary
     * @param detail what happened and what to do
     */
    public ProblemException(int status, String title, String detail) {
        super(detail, Response.status(status).type(Problems.MEDIA_TYPE)
                .entity(Problems.json(status, title, detail)).build());
    }

    static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }
}
