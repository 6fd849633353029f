package dev.sessionkit.jaxrs;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Set;

/**
 * Registers the whole Sessionkit REST API in one line: {@code resourceConfig.register(SessionkitFeature.class)}
 * (or add it to an {@code Application}'s classes). Requires {@link dev.sessionkit.servlet.SessionFilter} in front
 * of the JAX-RS servlet, which authenticates the requests.
 */
public final class SessionkitFeature implements Feature {

    /** Every class the API consists of: resources, the CSRF and no-store filters and the problem mappers. */
    public static final Set<Class<?>> CLASSES = Set.of(MySessionsResource.class, AdminSessionsResource.class,
            MySecurityEventsResource.class, MyRememberedDevicesResource.class, AdminEventsResource.class,
            OpenApiResource.class, SameOriginFilter.class, NoStoreFilter.class, ProblemMappers.WebErrors.class,
            ProblemMappers.StoreDown.class, ProblemMappers.NoReports.class, ProblemMappers.Reauthenticate.class,
            ProblemMappers.Unexpected.class, RecentAuthenticationFeature.class);

    /** Creates the feature. */
    public SessionkitFeature() {
        // stateless
    }

    @Override
    public boolean configure(FeatureContext context) {
        CLASSES.forEach(context::register);
        return true;
    }
}
