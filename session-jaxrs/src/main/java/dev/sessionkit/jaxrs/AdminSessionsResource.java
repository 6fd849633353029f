package dev.sessionkit.jaxrs;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.jaxrs.json.EndedJson;
import dev.sessionkit.jaxrs.json.PageJson;
import dev.sessionkit.jaxrs.json.SessionJson;
import dev.sessionkit.jaxrs.json.StatsJson;
import dev.sessionkit.service.SignOutEveryone;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.session.SessionStatus;
import dev.sessionkit.store.SessionSearch;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * Everybody's sessions and their statistics, for holders of the {@code admin-role} setting's role (403 for anyone else, 401 without a
 * session).
 */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSessionsResource {

    @Context
    private HttpServletRequest request;

    /** Creates the resource; the JAX-RS runtime makes one per request. */
    public AdminSessionsResource() {
        // fields are injected
    }

    /**
     * Pages through any sessions, newest login first. User ids never contain NUL (PostgreSQL cannot even compare
     * text with one), so a filter with NUL is a 400 here rather than a store failure (503) below.
     *
     * @param user only this user id's sessions, when given
     * @param status {@code active} or {@code ended}, when given
     * @param page zero-based page number, default 0
     * @param size page size, 1 to 200, default 20
     * @return the page
     */
    @GET
    @Path("sessions")
    public PageJson<SessionJson> sessions(@QueryParam("user") String user, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        SessionRecord current = requireAdmin();
        if (user != null && user.indexOf('\0') >= 0) {
            throw ProblemException.badRequest("user must not contain NUL characters.");
        }
        SessionSearch search = new SessionSearch(Optional.ofNullable(user).filter(u -> !u.isEmpty()),
                parseStatus(status));
        return PageJson.of(sessionkit().queries().search(search, Paging.parse(page, size)),
                s -> SessionJson.of(s, s.id().equals(current.id())));
    }

    /**
     * Computes statistics over all users.
     *
     * @return active count, logins and ends per hour, devices and end reasons
     */
    @GET
    @Path("stats")
    public StatsJson stats() {
        requireAdmin();
        return StatsJson.of(sessionkit().queries().stats(), sessionkit().security().queries().stats());
    }

    /**
     * Ends every active session of a user ({@code privileged-session-max-age} applies to the administrator).
     *
     * @param userId the user's id
     * @return {@code {"ended": n}}
     */
    @DELETE
    @Path("users/{userId}/sessions")
    @RequiresRecentAuthentication
    public EndedJson endAllOfUser(@PathParam("userId") String userId) {
        requireAdmin();
        if (userId.isBlank() || userId.length() > 255 || userId.indexOf('\0') >= 0) {
            throw ProblemException.badRequest("userId must be 1 to 255 characters, without NUL.");
        }
        return new EndedJson(sessionkit().signOutEverywhere(userId, EndReason.REVOKED_BY_ADMIN));
    }

    /**
     * Ends every active session of every user but the caller's own ({@code scope=all}): after a breach, or before
     * a maintenance window. {@code privileged-session-max-age} applies.
     *
     * @param scope must be {@code all}, so that no stray call signs everyone out
     * @return {@code {"ended": n}}
     */
    @DELETE
    @Path("sessions")
    @RequiresRecentAuthentication
    public EndedJson endEveryone(@QueryParam("scope") String scope) {
        SessionRecord current = requireAdmin();
        if (!"all".equals(scope)) {
            throw ProblemException.badRequest("scope must be 'all': this signs out every user but you.");
        }
        int ended = new SignOutEveryone(sessionkit().queries(), sessionkit().service())
                .except(current, EndReason.REVOKED_BY_ADMIN);
        // Or the remembered devices would sign their users straight back in.
        sessionkit().rememberMe().forgetEveryone(current.id());
        return new EndedJson(ended);
    }

    private SessionRecord requireAdmin() {
        return CurrentSession.requireAdmin(request);
    }

    private static Optional<SessionStatus> parseStatus(String status) {
        if (status == null || status.isEmpty()) {
            return Optional.empty();
        }
        return switch (status) {
            case "active" -> Optional.of(SessionStatus.ACTIVE);
            case "ended" -> Optional.of(SessionStatus.ENDED);
            default -> throw ProblemException.badRequest("status must be 'active' or 'ended'.");
        };
    }

    private Sessionkit sessionkit() {
        return CurrentSession.sessionkit(request);
    }
}
