package dev.sessionkit.jaxrs.soak;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.jaxrs.ApiServer;
import dev.sessionkit.config.SessionkitSettings;
import java.net.URI;

/**
 * One application node of the soak: its own Sessionkit (validation cache, activity buffer, cleanup scheduler)
 * behind the filter on an embedded Jetty 12, serving the test app's login/logout/echo servlets and the REST API at
 * {@code /api}. Nodes share nothing but the database.
 */
final class SoakNode implements AutoCloseable {

    private final int index;
    private final Sessionkit sessionkit;
    private final ApiServer server = new ApiServer();
    private final URI base;

    private SoakNode(int index, Sessionkit sessionkit) throws Exception {
        this.index = index;
        this.sessionkit = sessionkit;
        this.base = server.start(sessionkit);
    }

    /**
     * Builds the node's Sessionkit and starts its server.
     *
     * @param index 0 or 1; also names the node for the cleanup lease
     * @param settings the node's settings
     * @param heard records what this node's listeners hear
     */
    static SoakNode start(int index, SessionkitSettings settings, HeardEvents heard) throws Exception {
        Sessionkit sessionkit = Sessionkit.builder(settings).nodeId("soak-node-" + index)
                .listener(heard.listenerFor(index)).build();
        try {
            return new SoakNode(index, sessionkit);
        } catch (Exception e) {
            sessionkit.close();
            throw e;
        }
    }

    int index() {
        return index;
    }

    URI base() {
        return base;
    }

    Sessionkit sessionkit() {
        return sessionkit;
    }

    /** Stops taking requests; the filter's destroy stops the cleanup scheduler. The Sessionkit stays open. */
    void stopServer() throws Exception {
        server.close();
    }

    @Override
    public void close() throws Exception {
        try {
            stopServer();
        } finally {
            sessionkit.close();
        }
    }
}
