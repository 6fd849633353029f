package dev.sessionkit.jaxrs;

import dev.sessionkit.security.StepUp;
import dev.sessionkit.servlet.SessionFilter;
import dev.sessionkit.servlet.SessionLogin;
import dev.sessionkit.session.SessionRecord;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;

/**
 * Puts a check in front of every resource method marked {@link RequiresRecentAuthentication}: before the method
 * runs, the session's credential must be recent enough. The age is read once, when the method is bound.
 */
public final class RecentAuthenticationFeature implements DynamicFeature {

    @Context
    private ServletContext servletContext;

    /** Registered by {@link SessionkitFeature}; public for JAX-RS runtimes that instantiate it themselves. */
    public RecentAuthenticationFeature() {
        // stateless
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        RequiresRecentAuthentication marked = Optional.ofNullable(
                method.getAnnotation(RequiresRecentAuthentication.class))
                .orElse(resource.getResourceClass().getAnnotation(RequiresRecentAuthentication.class));
        if (marked != null) {
            Optional<Duration> maxAge = marked.maxAge().isEmpty() ? Optional.empty()
                    : Optional.of(parse(marked.maxAge(), method));
            context.register(new Check(servletContext, maxAge));
        }
    }

    private static Duration parse(String text, Method method) {
        try {
            return Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            // A programming error in the app: fail at start-up, naming the method, not per request.
            throw new IllegalArgumentException("@RequiresRecentAuthentication(maxAge = \"" + text + "\") on "
                    + method + " is not an ISO-8601 duration such as PT5M", e);
        }
    }

    /** The check itself; runs after authentication, before the method. */
    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {

        private final ServletContext servletContext;
        private final Optional<Duration> maxAge;

        Check(ServletContext servletContext, Optional<Duration> maxAge) {
            // Instances registered here get no field injection, so the context comes from the feature.
            this.servletContext = java.util.Objects.requireNonNull(servletContext,
                    "RecentAuthenticationFeature needs a servlet container");
            this.maxAge = maxAge;
        }

        @Override
        public void filter(ContainerRequestContext context) {
            // In a servlet container, request properties are the servlet request's attributes.
            if (!(context.getProperty(SessionFilter.SESSION_ATTRIBUTE) instanceof SessionRecord session)) {
                throw new ProblemException(401, "Unauthorized", "Sign in to continue.");
            }
            StepUp stepUp = SessionLogin.of(servletContext).sessionkit().security().stepUp();
            stepUp.require(session, maxAge.orElseGet(stepUp::privilegedMaxAge));
        }
    }
}
