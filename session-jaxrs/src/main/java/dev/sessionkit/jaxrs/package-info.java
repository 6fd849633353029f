/**
 * The Sessionkit REST API for JAX-RS: "my sessions" ({@link dev.sessionkit.jaxrs.MySessionsResource}) and the
 * administrators' view ({@link dev.sessionkit.jaxrs.AdminSessionsResource}), registered in one line with
 * {@link dev.sessionkit.jaxrs.SessionkitFeature}. Errors are {@code application/problem+json}; state-changing
 * calls need same-origin proof ({@link dev.sessionkit.jaxrs.SameOriginFilter}); the OpenAPI document is at
 * {@code openapi.json}.
 */
package dev.sessionkit.jaxrs;
