package dev.sessionkit.jaxrs;

import dev.sessionkit.servlet.RequestOrigin;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses cross-site request forgery on every state-changing call (anything but GET, HEAD, OPTIONS) with a 403
 * problem, unless the request proves it comes from this site's own pages or from a script ({@link RequestOrigin}
 * decides, the same rule as the sign-in's):
 * <ul>
 *   <li>{@code X-Requested-With} is present (any value): a cross-site page cannot send a custom header without
 *       passing a CORS preflight; API clients should always send it;</li>
 *   <li>or {@code Sec-Fetch-Site} is {@code same-origin};</li>
 *   <li>or, from browsers without fetch metadata, {@code Origin} equals this server's own origin.</li>
 * </ul>
 * A request with none of these is refused too: a browser always sends at least one of them on a cross-site
 * state-changing request, so silence is not proof.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public final class SameOriginFilter implements ContainerRequestFilter {

    /** The custom header that proves a script sent the request. */
    public static final String PROOF_HEADER = RequestOrigin.PROOF_HEADER;

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    private HttpServletRequest servletRequest;

    /** Creates the filter; the JAX-RS runtime instantiates it. */
    public SameOriginFilter() {
        // fields are injected
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        // The one rule session-servlet's sign-in uses too; here silence is refused as well.
        RequestOrigin origin = RequestOrigin.of(servletRequest);
        if (origin.kind() != RequestOrigin.Kind.SAME_ORIGIN) {
            refuse(request, origin.evidence());
        }
    }

    private static void refuse(ContainerRequestContext request, String why) {
        request.abortWith(ProblemMappers.problem(403, "Forbidden", "Refused as possible cross-site request forgery: "
                + why + ". Scripts and API clients send the " + PROOF_HEADER + " header."));
    }
}
