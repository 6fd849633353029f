package dev.sessionkit.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.store.cache.ForwardingSessionStore;
import dev.sessionkit.store.memory.InMemorySessionStore;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An app's own store that implements only the {@code SessionStore} SPI (no {@code SessionReports}): every session
 * page and call works, and the two report endpoints say plainly, as a 501 problem, that this store keeps no reports,
 * instead of a 500 or a stack trace. Over real HTTP: Jersey on Jetty 12 behind the filter.
 */
class StoreWithoutReportsIT {

    private static final String[] JSON = {"Accept", "application/json"};

    private Sessionkit sessionkit;
    private ApiServer server;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        // A decorator carries only SessionStore: the in-memory store's reports stay out of sight.
        ForwardingSessionStore sessionsOnly = new ForwardingSessionStore(new InMemorySessionStore()) {
        };
        sessionkit = Sessionkit.builder(SessionkitSettings.builder().build()).store(sessionsOnly).build();
        server = new ApiServer();
        base = server.start(sessionkit, ApiServer.LOGIN_LET_THROUGH);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        sessionkit.close();
    }

    @Test
    void sessionCallsWorkAndReportsAnswer501() throws Exception {
        Browser admin = new Browser(base);
        admin.login("alice", "sessionkit-admin");

        assertEquals(200, admin.get("/api/sessions", JSON).statusCode());
        assertEquals(200, admin.get("/api/sessions/count", JSON).statusCode());
        assertEquals(200, admin.get("/api/sessions/history", JSON).statusCode());
        assertEquals(200, admin.get("/api/admin/sessions", JSON).statusCode());
        for (String path : List.of("/api/sessions/analytics", "/api/admin/stats")) {
            HttpResponse<String> answer = admin.get(path, JSON);
            assertEquals(501, answer.statusCode(), path);
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    path);
            JsonNode problem = new ObjectMapper().readTree(answer.body());
            assertEquals(501, problem.get("status").asInt(), path);
            assertEquals("This session store keeps no reports: analytics and statistics are not available.",
                    problem.get("detail").asText(), path);
            assertFalse(answer.body().contains("Exception"), path);
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""), path);
        }
    }
}
