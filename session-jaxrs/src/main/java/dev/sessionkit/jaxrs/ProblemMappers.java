package dev.sessionkit.jaxrs;

import dev.sessionkit.config.CredentialRedactor;
import dev.sessionkit.security.ReauthenticationRequiredException;
import dev.sessionkit.servlet.Problems;
import dev.sessionkit.store.OutageLog;
import dev.sessionkit.service.ReportsUnavailableException;
import dev.sessionkit.store.SessionStoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns every failure of the REST API into {@code application/problem+json}: the runtime's own errors (404 for an
 * unknown path, 405, 415...), store outages (503), a store without reports (501), and anything unexpected (500, logged here, never shown).
 */
final class ProblemMappers {

    private static final System.Logger LOG = System.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    static Response problem(int status, String title, String detail) {
        return Response.status(status).type(Problems.MEDIA_TYPE).entity(Problems.json(status, title, detail))
                .header("Cache-Control", "no-store").build();
    }

    /** Keeps our own problems as they are and dresses the runtime's errors as problems. */
    @Provider
    public static final class WebErrors implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            if (original.getMediaType() != null && Problems.MEDIA_TYPE.equals(original.getMediaType().toString())) {
                return original;
            }
            int status = original.getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type == null ? "Error" : type.getReasonPhrase();
            return problem(status, title, status == 404 ? "No such resource." : title + ".");
        }
    }

    /** The store could not answer: 503, so clients retry instead of assuming anything. */
    @Provider
    public static final class StoreDown implements ExceptionMapper<SessionStoreUnavailableException> {
        // Every call fails alike during an outage: one line per 10 s with a count, not one per request.
        private final OutageLog refusals = new OutageLog(LOG, "Sessionkit REST API", Duration.ofSeconds(10),
                Clock.systemUTC());

        @Override
        public Response toResponse(SessionStoreUnavailableException e) {
            refusals.failed("answering 503, session store unavailable: "
                    + CredentialRedactor.redactText(e.getMessage()), null);
            return Response.fromResponse(problem(503, "Service Unavailable",
                    "Sessions cannot be read right now. Try again in a few seconds.")).header("Retry-After", "5")
                    .build();
        }
    }

    /** The store keeps no reports (a custom store without {@code SessionReports}): 501, retrying will not help. */
    @Provider
    public static final class NoReports implements ExceptionMapper<ReportsUnavailableException> {
        @Override
        public Response toResponse(ReportsUnavailableException e) {
            return problem(501, "Not Implemented", e.getMessage());
        }
    }

    /** The action needs a fresher credential: 403 with the reauthentication-required type and the age allowed. */
    @Provider
    public static final class Reauthenticate implements ExceptionMapper<ReauthenticationRequiredException> {
        @Override
        public Response toResponse(ReauthenticationRequiredException e) {
            return Response.status(403).type(Problems.MEDIA_TYPE).entity(Problems.reauthenticationRequired(e))
                    .header("Cache-Control", "no-store").build();
        }
    }

    /** A bug: logged with its stack trace for the operator, a bare 500 for the client. */
    @Provider
    public static final class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Unexpected error in the Sessionkit REST API",
                    CredentialRedactor.patterns().redactedCopy(e));
            return problem(500, "Internal Server Error", "Something went wrong on our side.");
        }
    }
}
