package dev.sessionkit.examples.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The app's own resource behind the filter: it is reached only with a valid session, and asks JAX-RS who is signed
 * in, as any JAX-RS app does; the filter answers it from the session.
 */
@Path("hello")
@Produces(MediaType.APPLICATION_JSON)
public class GreetingResource {

    /** Creates the resource; the JAX-RS runtime makes one per request. */
    public GreetingResource() {
        // stateless
    }

    /**
     * Greets the signed-in user.
     *
     * @param security who is signed in, and in which roles
     * @return who is signed in, as JSON
     */
    @GET
    public Greeting hello(@Context SecurityContext security) {
        return new Greeting(security.getUserPrincipal().getName(), security.isUserInRole("sessionkit-admin"));
    }

    /**
     * The answer: {@code {"user": "alice", "admin": false}}.
     *
     * @param user the signed-in user's id
     * @param admin whether the user is in Sessionkit's admin role
     */
    public record Greeting(String user, boolean admin) {
    }
}
