package dev.sessionkit.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Marks every answer of the API {@code Cache-Control: no-store}. Nearly every answer carries session data (ids,
 * devices, addresses, who is signed in), and those that do not (errors, the OpenAPI document) lose nothing by it;
 * one rule for all leaves no resource that forgets it.
 */
@Provider
public final class NoStoreFilter implements ContainerResponseFilter {

    /** Creates the filter; the JAX-RS runtime instantiates it. */
    public NoStoreFilter() {
        // stateless
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
