package dev.sessionkit.jaxrs;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.jaxrs.json.AnalyticsJson;
import dev.sessionkit.jaxrs.json.CountJson;
import dev.sessionkit.jaxrs.json.EndedJson;
import dev.sessionkit.jaxrs.json.PageJson;
import dev.sessionkit.jaxrs.json.SessionJson;
import dev.sessionkit.servlet.SessionLogin;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * "My sessions": what the signed-in user may see and do about their own sessions. Every method acts only on the
 * caller's sessions; another user's session id is answered exactly like an unknown one (404).
 */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
public class MySessionsResource {

    @Context
    private HttpServletRequest request;

    @Context
    private HttpServletResponse response;

    /** Creates the resource; the JAX-RS runtime makes one per request. */
    public MySessionsResource() {
        // fields are injected
    }

    /**
     * Returns the session making this request.
     *
     * @return the session, flagged current
     */
    @GET
    @Path("current")
    public SessionJson current() {
        return SessionJson.of(CurrentSession.require(request), true);
    }

    /**
     * Lists the caller's active sessions, most recently used first; the one making the request has
     * {@code current: true}.
     *
     * @return the sessions
     */
    @GET
    public List<SessionJson> list() {
        SessionRecord current = CurrentSession.require(request);
        return sessionkit().queries().listActive(current.userId()).stream()
                .map(s -> SessionJson.of(s, s.id().equals(current.id()),
                        sessionkit().rememberMe().deviceOf(s.id()).isPresent()))
                .toList();
    }

    /**
     * Counts the caller's active sessions.
     *
     * @return {@code {"active": n}}
     */
    @GET
    @Path("count")
    public CountJson count() {
        return new CountJson(sessionkit().queries().countActive(CurrentSession.require(request).userId()));
    }

    /**
     * Pages through the caller's ended sessions, most recently ended first.
     *
     * @param page zero-based page number, default 0
     * @param size page size, 1 to 200, default 20
     * @return the page
     */
    @GET
    @Path("history")
    public PageJson<SessionJson> history(@QueryParam("page") String page, @QueryParam("size") String size) {
        String userId = CurrentSession.require(request).userId();
        return PageJson.of(sessionkit().queries().history(userId, Paging.parse(page, size)),
                s -> SessionJson.of(s, false));
    }

    /**
     * Computes the caller's statistics: totals, devices, durations, logins per day.
     *
     * @return the analytics
     */
    @GET
    @Path("analytics")
    public AnalyticsJson analytics() {
        return AnalyticsJson.of(sessionkit().queries().analytics(CurrentSession.require(request).userId()));
    }

    /**
     * Ends one of the caller's sessions ("sign out that device"). Ending another than this one needs a credential
     * proved within {@code privileged-session-max-age}; ending this one is a sign-out and never does.
     *
     * @param id the session's public id
     * @return 204 when it is (now) ended; 404 when unknown or not the caller's; 400 for a malformed id; 403
     *     {@code reauthentication-required} when the password must be confirmed first
     */
    @DELETE
    @Path("{id}")
    public Response end(@PathParam("id") String id) {
        SessionRecord current = CurrentSession.require(request);
        String userId = current.userId();
        SessionId sessionId = Paging.sessionId(id);
        if (!sessionId.equals(current.id())) {
            sessionkit().security().stepUp().requirePrivileged(current);
        }
        Optional<SessionRecord> own = sessionkit().queries().findOwn(userId, sessionId);
        if (own.isEmpty()) {
            throw ProblemException.notFound("You have no session with this id.");
        }
        sessionkit().service().endOwn(userId, sessionId);
        // Signing a device out forgets it too, or its remembered cookie would sign it straight back in.
        sessionkit().rememberMe().deviceOf(sessionId).ifPresent(device -> sessionkit().rememberMe()
                .forgetSeries(device, EndReason.REVOKED_BY_USER));
        return Response.noContent().build();
    }

    /**
     * Ends the caller's other sessions ({@code scope=others}) or all of them including this one
     * ({@code scope=all}, which also clears this browser's cookie). Needs a credential proved within
     * {@code privileged-session-max-age}.
     *
     * @param scope {@code others} or {@code all}
     * @return {@code {"ended": n}}
     */
    @DELETE
    @RequiresRecentAuthentication
    public EndedJson endMany(@QueryParam("scope") String scope) {
        SessionRecord current = CurrentSession.require(request);
        if ("others".equals(scope)) {
            int ended = sessionkit().service().endOthers(current.userId(), current.id(), EndReason.REVOKED_BY_USER);
            sessionkit().rememberMe().forgetAllOf(current.userId(), Optional.of(current.id()),
                    EndReason.REVOKED_BY_USER);
            return new EndedJson(ended);
        }
        if ("all".equals(scope)) {
            return new EndedJson(SessionLogin.of(request.getServletContext()).endAll(request, response));
        }
        throw ProblemException.badRequest("scope must be 'others' or 'all'.");
    }

    private Sessionkit sessionkit() {
        return CurrentSession.sessionkit(request);
    }
}
