package dev.sessionkit.jaxrs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JAX-RS resource method (or every method of a class) as sensitive: it runs only for a session whose user
 * proved a credential recently enough, else the call is answered 403 {@code application/problem+json} with a
 * {@code type} ending in {@code reauthentication-required}. Needs {@link SessionkitFeature} registered.
 * <pre>{@code
 * @DELETE @Path("account") @RequiresRecentAuthentication(maxAge = "PT5M")
 * public Response deleteAccount() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRecentAuthentication {

    /**
     * How recent the credential must be, ISO-8601 (e.g. {@code PT5M}); empty for the
     * {@code privileged-session-max-age} setting.
     *
     * @return the age allowed
     */
    String maxAge() default "";
}
