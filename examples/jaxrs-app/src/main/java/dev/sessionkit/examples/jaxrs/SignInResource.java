package dev.sessionkit.examples.jaxrs;

import dev.sessionkit.jaxrs.ProblemException;
import dev.sessionkit.servlet.SessionLogin;
import dev.sessionkit.session.SessionPrincipal;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The app's own sign-in and sign-out: it checks the password as it always did, then asks Sessionkit for a session
 * (which sets the cookie). Sessionkit keeps no users and no passwords; replace {@link #USERS} with the app's user
 * store and a real password hash. {@code /api/login} is excluded from the filter, {@code /api/logout} is not.
 */
@Path("")
public class SignInResource {

    /** Example users and their passwords; an app checks its own user store (and never keeps clear passwords). */
    private static final Map<String, String> USERS = Map.of("alice", "correct horse battery staple");

    @Context
    private ServletContext context;

    @Context
    private HttpServletRequest request;

    @Context
    private HttpServletResponse response;

    /** Creates the resource; the JAX-RS runtime makes one per request. */
    public SignInResource() {
        // fields are injected
    }

    /**
     * Signs a user in: a new session with a new token, so what the client held before never becomes authenticated.
     *
     * @param user the user name
     * @param password the password
     * @return 204 with the session cookie; a wrong name or password is a 401 problem
     */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("username") String user, @FormParam("password") String password) {
        if (user == null || password == null || !matches(USERS.get(user), password)) {
            throw new ProblemException(401, "Unauthorized", "Wrong user name or password.");
        }
        SessionLogin.of(context).login(request, response, SessionPrincipal.of(user, "user"));
        return Response.noContent().build();
    }

    /**
     * Ends the session making this request and clears its cookie.
     *
     * @return 204
     */
    @POST
    @Path("logout")
    public Response logout() {
        SessionLogin.of(context).logout(request, response);
        return Response.noContent().build();
    }

    /** Compares in constant time, so the answer's timing does not tell how much of a password was right. */
    private static boolean matches(String expected, String given) {
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
