package dev.sessionkit.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.testing.MutableClock;
import dev.sessionkit.testing.PostgresServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Re-authentication before sensitive actions, over real HTTP on PostgreSQL (Jersey on Jetty 12 behind the
 * filter): the REST API's ending calls need a credential proved within {@code privileged-session-max-age}
 * (15 minutes by default), a remembered device's session never qualifies, re-authenticating renews the session
 * (the old cookie dies) and makes it qualify, and app code gets the same 403 problem from the filter.
 */
@ExtendWith(PostgresServer.Resolver.class)
class StepUpApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PROOF = {"X-Requested-With", "test"};

    private final MutableClock clock = MutableClock.atT0();
    private Sessionkit sessionkit;
    private ApiServer server;
    private URI base;

    @BeforeEach
    void start(PostgresServer postgres) throws Exception {
        sessionkit = Sessionkit.builder(SessionkitSettings.builder().jdbcUrl(postgres.newDatabase())
                .jdbcUser("postgres").schema(SchemaMode.CREATE).build()).clock(clock).build();
        server = new ApiServer();
        base = server.start(sessionkit);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        sessionkit.close();
    }

    private Browser signedIn(String user, String roles, String method) {
        Browser browser = new Browser(base);
        HttpResponse<String> response = browser.post("/login", method == null ? Map.of("username", user, "roles",
                roles) : Map.of("username", user, "roles", roles, "method", method));
        assertEquals(200, response.statusCode(), response.body());
        return browser;
    }

    private HttpResponse<String> delete(Browser browser, String path) {
        List<String> headers = new ArrayList<>(List.of(PROOF));
        headers.add("Accept");
        headers.add("application/json");
        return browser.send(HttpRequest.newBuilder(base.resolve(path)).DELETE(), headers.toArray(String[]::new));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static void assertReauthenticationRequired(HttpResponse<String> response) throws Exception {
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertTrue(problem.get("type").asText().endsWith("reauthentication-required"), problem::toString);
        assertEquals(900, problem.get("maxAgeSeconds").asLong(), problem::toString);
        assertEquals("PT15M", problem.get("maxAge").asText());
    }

    @Test
    void endingOthersWhenTheSignInIsFreshThenAllowedAndOnceItIsOldRefusedUntilReauthenticated() throws Exception {
        Browser alice = signedIn("alice", "user", null);
        Browser phone = signedIn("alice", "user", null);
        String phoneId = json(phone.get("/api/sessions/current", "Accept", "application/json")).get("id").asText();
        clock.advance(Duration.ofMinutes(14));
        assertEquals(200, delete(alice, "/api/sessions?scope=others").statusCode(), "14 minutes: still recent");
        phone = signedIn("alice", "user", null);
        phoneId = json(phone.get("/api/sessions/current", "Accept", "application/json")).get("id").asText();

        clock.advance(Duration.ofMinutes(2));
        assertReauthenticationRequired(delete(alice, "/api/sessions?scope=others"));
        assertReauthenticationRequired(delete(alice, "/api/sessions/" + phoneId));
        assertEquals(200, phone.get("/api/sessions/current", "Accept", "application/json").statusCode(),
                "nothing ended");

        Map<String, String> before = Map.copyOf(alice.cookies());
        HttpResponse<String> renewed = alice.post("/app/reauthenticate", Map.of());
        assertEquals(200, renewed.statusCode());
        assertNotEquals(before, alice.cookies(), "re-authentication renews the session");
        Browser oldCookie = new Browser(base);
        oldCookie.cookies().putAll(before);
        assertEquals(401, oldCookie.get("/api/sessions/current", "Accept", "application/json").statusCode());
        JsonNode current = json(alice.get("/api/sessions/current", "Accept", "application/json"));
        assertEquals("password", current.get("authMethod").asText());
        assertEquals(clock.instant().toString(), current.get("authenticatedAt").asText());

        assertEquals(204, delete(alice, "/api/sessions/" + phoneId).statusCode());
        assertEquals(401, phone.get("/api/sessions/current", "Accept", "application/json").statusCode());
    }

    @Test
    void signingOutThisSessionWhenTheSignInIsOldThenNeverNeedsAPassword() throws Exception {
        Browser alice = signedIn("alice", "user", null);
        String id = json(alice.get("/api/sessions/current", "Accept", "application/json")).get("id").asText();
        clock.advance(Duration.ofMinutes(20));

        assertEquals(204, delete(alice, "/api/sessions/" + id).statusCode());
    }

    @Test
    void aRememberedDevicesSessionWhenFreshThenStillNotRecent() throws Exception {
        Browser remembered = signedIn("alice", "user", "remember-me");

        assertReauthenticationRequired(delete(remembered, "/api/sessions?scope=others"));
        assertEquals(200, remembered.post("/app/reauthenticate", Map.of()).statusCode());
        assertEquals(200, delete(remembered, "/api/sessions?scope=others").statusCode());
    }

    @Test
    void adminEndsWhenTheAdminsSignInIsOldThenRefused() throws Exception {
        Browser admin = signedIn("root", "sessionkit-admin", null);
        signedIn("bob", "user", null);
        clock.advance(Duration.ofMinutes(16));

        assertReauthenticationRequired(delete(admin, "/api/admin/users/bob/sessions"));
        assertEquals(200, admin.post("/app/reauthenticate", Map.of()).statusCode());
        assertEquals(1, json(delete(admin, "/api/admin/users/bob/sessions")).get("ended").asInt());
    }

    @Test
    void appCodeWhenItRequiresFiveMinutesThenTheFilterAnswersTheSameProblem() throws Exception {
        Browser alice = signedIn("alice", "user", null);
        assertEquals("done", alice.get("/app/sensitive").body());
        clock.advance(Duration.ofMinutes(6));

        HttpResponse<String> refused = alice.get("/app/sensitive", "Accept", "application/json");

        assertEquals(403, refused.statusCode());
        assertTrue(json(refused).get("type").asText().endsWith("reauthentication-required"));
        assertEquals(300, json(refused).get("maxAgeSeconds").asLong());
        assertEquals("no-store", refused.headers().firstValue("Cache-Control").orElse(""));
    }
}
