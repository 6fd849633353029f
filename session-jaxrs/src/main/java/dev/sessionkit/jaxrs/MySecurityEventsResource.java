package dev.sessionkit.jaxrs;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.jaxrs.json.EventJson;
import dev.sessionkit.jaxrs.json.PageJson;
import dev.sessionkit.jaxrs.json.ReportJson;
import dev.sessionkit.security.EventId;
import dev.sessionkit.security.SignInReports;
import dev.sessionkit.session.SessionRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * "My security activity": the signed-in user's sign-ins, failed attempts against the account, alerts and session
 * ends, and "this wasn't me". Another user's event is answered exactly like an unknown one (404).
 */
@Path("sessions/events")
@Produces(MediaType.APPLICATION_JSON)
public class MySecurityEventsResource {

    @Context
    private HttpServletRequest request;

    /** Creates the resource; the JAX-RS runtime makes one per request. */
    public MySecurityEventsResource() {
        // fields are injected
    }

    /**
     * Pages through the caller's security events, newest first.
     *
     * @param page zero-based page number, default 0
     * @param size page size, 1 to 200, default 20
     * @return the page
     */
    @GET
    public PageJson<EventJson> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        String userId = CurrentSession.require(request).userId();
        return PageJson.of(sessionkit().security().queries().activity(userId, Paging.parse(page, size)),
                EventJson::of);
    }

    /**
     * Says "this wasn't me" about one of the caller's sign-ins: ends the session it started and records the
     * report, once. Reporting again changes nothing and says so.
     *
     * @param id the event's public id
     * @param others {@code true} to end every other session of the account too, except the one making this call
     * @return what happened; 404 when the event is unknown, not the caller's or not a sign-in
     */
    @POST
    @Path("{id}/report")
    public ReportJson report(@PathParam("id") String id, @QueryParam("others") String others) {
        SessionRecord current = CurrentSession.require(request);
        EventId eventId = EventId.parse(id).orElseThrow(() -> ProblemException.badRequest(
                "An event id is 22 characters of letters, digits, '-' and '_'."));
        boolean alsoOthers = flag(others);
        SignInReports.Result result = sessionkit().security().reports().reportOwn(current.userId(), eventId,
                alsoOthers, Optional.of(current.id()));
        if (result.outcome() == SignInReports.Outcome.UNKNOWN) {
            throw ProblemException.notFound("You have no sign-in with this id.");
        }
        return ReportJson.of(result);
    }

    private static boolean flag(String text) {
        if (text == null || text.isEmpty() || "false".equals(text)) {
            return false;
        }
        if ("true".equals(text)) {
            return true;
        }
        throw ProblemException.badRequest("others must be 'true' or 'false'.");
    }

    private Sessionkit sessionkit() {
        return CurrentSession.sessionkit(request);
    }
}
