package dev.sessionkit.examples.jaxrs;

import dev.sessionkit.jaxrs.SessionkitFeature;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The app's JAX-RS application, served at {@code /api} (see web.xml): Sessionkit's REST API ("my sessions" at
 * {@code /api/sessions}, the admin calls at {@code /api/admin}, {@code /api/openapi.json}) with its CSRF guard and
 * problem+json errors, next to the app's own resources. The CSRF guard covers the app's calls too: a browser page
 * of this site, or a script sending {@code X-Requested-With}, may change state; another site's form may not.
 */
public final class ExampleApi extends Application {

    /** Creates the application; the JAX-RS runtime instantiates it. */
    public ExampleApi() {
        // stateless
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SessionkitFeature.class, SignInResource.class, GreetingResource.class);
    }
}
