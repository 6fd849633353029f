package dev.sessionkit.jaxrs;

import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * A ready JAX-RS application holding only the Sessionkit API, for apps without JAX-RS of their own: map it in
 * {@code web.xml} (servlet param {@code jakarta.ws.rs.Application}) or subclass it with
 * {@code @ApplicationPath("api")}. Deliberately not annotated itself, so it never deploys unasked.
 */
public class SessionkitApplication extends Application {

    /** Creates the application. */
    public SessionkitApplication() {
        // stateless
    }

    @Override
    public Set<Class<?>> getClasses() {
        return SessionkitFeature.CLASSES;
    }
}
