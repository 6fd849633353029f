package dev.sessionkit.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serves the OpenAPI 3 description of this API, shipped in the jar and checked against the resources by a test. */
@Path("openapi.json")
public class OpenApiResource {

    /** Location of the document in the jar. */
    static final String DOCUMENT = "/dev/sessionkit/jaxrs/openapi.json";

    /** Creates the resource. */
    public OpenApiResource() {
        // stateless
    }

    /**
     * Returns the OpenAPI document.
     *
     * @return the document as JSON
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("session-jaxrs jar is missing " + DOCUMENT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
