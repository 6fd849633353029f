package dev.sessionkit.jaxrs;

import dev.sessionkit.jaxrs.json.EventJson;
import dev.sessionkit.jaxrs.json.PageJson;
import dev.sessionkit.security.EventSearch;
import dev.sessionkit.security.EventType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/** Everybody's security events, newest first, for holders of the {@code admin-role} setting's role. */
@Path("admin/events")
@Produces(MediaType.APPLICATION_JSON)
public class AdminEventsResource {

    @Context
    private HttpServletRequest request;

    /** Creates the resource; the JAX-RS runtime makes one per request. */
    public AdminEventsResource() {
        // fields are injected
    }

    /**
     * Pages through any events.
     *
     * @param user only this user id's events, when given
     * @param type only events of this type (e.g. {@code authn_login_fail}), when given
     * @param page zero-based page number, default 0
     * @param size page size, 1 to 200, default 20
     * @return the page
     */
    @GET
    public PageJson<EventJson> list(@QueryParam("user") String user, @QueryParam("type") String type,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        CurrentSession.requireAdmin(request);
        if (user != null && (user.length() > 255 || user.indexOf('\0') >= 0)) {
            throw ProblemException.badRequest("user must be at most 255 characters, without NUL.");
        }
        Optional<EventType> eventType = Optional.ofNullable(type).filter(t -> !t.isEmpty())
                .map(t -> EventType.fromWireName(t).orElseThrow(() -> ProblemException.badRequest(
                        "type must be an event type such as authn_login_fail; see the API description.")));
        EventSearch search = new EventSearch(Optional.ofNullable(user).filter(u -> !u.isEmpty()), eventType);
        return PageJson.of(CurrentSession.sessionkit(request).security().queries().search(search,
                Paging.parse(page, size)), EventJson::of);
    }
}
