package dev.sessionkit.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * The request as the application sees it behind the filter: its user, name and roles come from the validated
 * session. For a session adopted from a container login, roles stay the container's.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

    /** Value of {@link #getAuthType()} for requests authenticated by a Sessionkit session. */
    static final String AUTH_TYPE = "SESSIONKIT";

    private final SessionkitPrincipal principal;
    private final boolean containerRoles;

    AuthenticatedRequest(HttpServletRequest request, SessionkitPrincipal principal, boolean containerRoles) {
        super(request);
        this.principal = principal;
        this.containerRoles = containerRoles;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        if (containerRoles) {
            return super.isUserInRole(role);
        }
        return role != null && principal.session().principal().roles().contains(role);
    }

    @Override
    public String getAuthType() {
        return containerRoles ? super.getAuthType() : AUTH_TYPE;
    }
}
