package dev.sessionkit.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.testing.MutableClock;
import dev.sessionkit.token.SessionToken;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST API over real HTTP: Jersey on Jetty 12 behind the Sessionkit filter, on H2. */
class ApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SID = "__Host-sid";
    private static final String[] PROOF = {"X-Requested-With", "test"};

    private final MutableClock clock = MutableClock.atT0();
    private final List<HttpResponse<String>> seen = new ArrayList<>();
    private Sessionkit sessionkit;
    private ApiServer server;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        sessionkit = Sessionkit.builder(SessionkitSettings.builder()
                .jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").schema(SchemaMode.CREATE)
                .build()).clock(clock).build();
        server = new ApiServer();
        base = server.start(sessionkit);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        sessionkit.close();
        for (HttpResponse<String> response : seen) {
            assertFalse(response.body().matches("(?s).*[A-Za-z0-9_-]{43}.*") && containsAToken(response.body()),
                    "a response body carried a token: " + response.body());
            assertFalse(response.body().matches("(?s).*\\b[0-9a-f]{64}\\b.*"), "a response carried a hash");
        }
    }

    private static boolean containsAToken(String body) {
        return java.util.regex.Pattern.compile("[A-Za-z0-9_-]{43}").matcher(body).results()
                .anyMatch(m -> SessionToken.parse(m.group()).isPresent());
    }

    private HttpResponse<String> get(Browser browser, String path) {
        HttpResponse<String> response = browser.get(path, "Accept", "application/json");
        seen.add(response);
        return response;
    }

    private HttpResponse<String> delete(Browser browser, String path, String... headers) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(base.resolve(path)).DELETE();
        List<String> all = new ArrayList<>(List.of(headers));
        all.add("Accept");
        all.add("application/json");
        HttpResponse<String> response = browser.send(builder, all.toArray(String[]::new));
        seen.add(response);
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private Browser signedIn(String user, String roles) {
        Browser browser = new Browser(base);
        browser.login(user, roles);
        return browser;
    }

    // ---- my sessions ------------------------------------------------------------------------------------------

    @Test
    void currentShowsThisSessionWithItsDeviceAndTimes() throws Exception {
        Browser alice = signedIn("alice", "user");

        HttpResponse<String> response = get(alice, "/api/sessions/current");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = json(response);
        assertTrue(SessionId.parse(body.get("id").asText()).isPresent());
        assertEquals("alice", body.get("user").asText());
        assertEquals("2026-03-03T10:00:00Z", body.get("created").asText());
        assertEquals("2026-03-04T10:00:00Z", body.get("expiresAt").asText());
        assertEquals("127.0.0.1", body.get("ip").asText());
        assertEquals("desktop", body.get("device").get("type").asText());
        assertTrue(body.get("device").get("browser").asText().startsWith("Firefox"));
        assertTrue(body.get("current").asBoolean());
    }

    @Test
    void listFlagsExactlyOneSessionAsCurrent() throws Exception {
        Browser laptop = signedIn("alice", "user");
        signedIn("alice", "user");
        signedIn("bob", "user");

        JsonNode list = json(get(laptop, "/api/sessions"));

        assertEquals(2, list.size(), "only alice's sessions");
        int current = 0;
        for (JsonNode session : list) {
            assertEquals("alice", session.get("user").asText());
            current += session.get("current").asBoolean() ? 1 : 0;
        }
        assertEquals(1, current);
        assertEquals(2, json(get(laptop, "/api/sessions/count")).get("active").asLong());
    }

    @Test
    void historyPagesEndedSessionsAndRefusesBadPaging() throws Exception {
        Browser alice = signedIn("alice", "user");
        for (int i = 0; i < 3; i++) {
            Browser other = signedIn("alice", "user");
            clock.advance(Duration.ofMinutes(1));
            other.post("/logout", Map.of());
        }

        JsonNode page = json(get(alice, "/api/sessions/history?page=0&size=2"));

        assertEquals(3, page.get("total").asLong());
        assertEquals(2, page.get("items").size());
        assertTrue(page.get("hasNext").asBoolean());
        assertEquals("logout", page.get("items").get(0).get("endReason").asText());
        for (String bad : List.of("page=-1", "size=0", "size=201", "page=x", "size=1.5", "page=99999999999")) {
            HttpResponse<String> response = get(alice, "/api/sessions/history?" + bad);
            assertEquals(400, response.statusCode(), bad);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals(400, json(response).get("status").asInt());
        }
    }

    @Test
    void analyticsAreComputedForTheCaller() throws Exception {
        Browser alice = signedIn("alice", "user");
        signedIn("alice", "user");

        JsonNode analytics = json(get(alice, "/api/sessions/analytics"));

        assertEquals(2, analytics.get("total").asLong());
        assertEquals(2, analytics.get("active").asLong());
        assertEquals(2, analytics.get("byDeviceType").get("desktop").asLong());
        assertEquals(30, analytics.get("loginsPerDay").size());
        assertEquals(2, analytics.get("loginsPerDay").get(29).get("count").asLong());
    }

    @Test
    void deleteEndsOnlyMySessionAndAnswersOthersLikeUnknown() throws Exception {
        Browser alice = signedIn("alice", "user");
        Browser alicesPhone = signedIn("alice", "user");
        Browser bob = signedIn("bob", "user");
        String phoneId = json(get(alicesPhone, "/api/sessions/current")).get("id").asText();
        String bobsId = json(get(bob, "/api/sessions/current")).get("id").asText();

        HttpResponse<String> othersSession = delete(alice, "/api/sessions/" + bobsId, PROOF);
        HttpResponse<String> unknown = delete(alice, "/api/sessions/" + "A".repeat(22), PROOF);

        assertEquals(404, othersSession.statusCode());
        assertEquals(404, unknown.statusCode());
        assertEquals(json(unknown).get("detail"), json(othersSession).get("detail"), "indistinguishable");
        assertEquals(200, get(bob, "/api/sessions/current").statusCode(), "bob's session lives on");
        assertEquals(400, delete(alice, "/api/sessions/not-an-id", PROOF).statusCode());
        assertEquals(400, delete(alice, "/api/sessions/%27%20OR%201%3D1--aaaaaaaaaa", PROOF).statusCode());

        assertEquals(204, delete(alice, "/api/sessions/" + phoneId, PROOF).statusCode());
        assertEquals(401, get(alicesPhone, "/api/sessions/current").statusCode());
        assertEquals(200, get(alice, "/api/sessions/current").statusCode());
    }

    @Test
    void scopeOthersKeepsTheCurrentSessionAndScopeAllEndsItToo() throws Exception {
        Browser alice = signedIn("alice", "user");
        Browser phone = signedIn("alice", "user");
        signedIn("alice", "user");

        assertEquals(2, json(delete(alice, "/api/sessions?scope=others", PROOF)).get("ended").asLong());
        assertEquals(200, get(alice, "/api/sessions/current").statusCode());
        assertEquals(401, get(phone, "/api/sessions/current").statusCode());

        Browser tablet = signedIn("alice", "user");
        HttpResponse<String> all = delete(alice, "/api/sessions?scope=all", PROOF);
        assertEquals(2, json(all).get("ended").asLong());
        assertTrue(all.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(SID + "=;")));
        assertEquals(401, get(alice, "/api/sessions/current").statusCode());
        assertEquals(401, get(tablet, "/api/sessions/current").statusCode());
        assertEquals(400, delete(signedIn("alice", "user"), "/api/sessions?scope=everything", PROOF).statusCode());
    }

    // ---- admin --------------------------------------------------------------------------------------------

    @Test
    void adminEndpointsNeedTheAdminRole() throws Exception {
        Browser bob = signedIn("bob", "user");
        Browser anonymous = new Browser(base);

        for (String path : List.of("/api/admin/sessions", "/api/admin/stats")) {
            assertEquals(403, get(bob, path).statusCode(), path);
            assertEquals(401, get(anonymous, path).statusCode(), path);
        }
        assertEquals(403, delete(bob, "/api/admin/users/alice/sessions", PROOF).statusCode());
        assertEquals(401, delete(anonymous, "/api/admin/users/alice/sessions", PROOF).statusCode());
    }

    @Test
    void adminsSearchAllSessionsSeeStatsAndEndAUsersSessions() throws Exception {
        Browser admin = signedIn("root", "sessionkit-admin");
        Browser alice = signedIn("alice", "user");
        signedIn("alice", "user");
        signedIn("bob", "user");

        assertEquals(4, json(get(admin, "/api/admin/sessions")).get("total").asLong());
        assertEquals(2, json(get(admin, "/api/admin/sessions?user=alice&status=active")).get("total").asLong());
        assertEquals(400, get(admin, "/api/admin/sessions?status=zombie").statusCode());
        JsonNode stats = json(get(admin, "/api/admin/stats"));
        assertEquals(4, stats.get("active").asLong());
        assertEquals(24, stats.get("loginsPerHour").size());
        assertEquals(4, stats.get("loginsPerHour").get(23).get("count").asLong());

        assertEquals(2, json(delete(admin, "/api/admin/users/alice/sessions", PROOF)).get("ended").asLong());

        assertEquals(401, get(alice, "/api/sessions/current").statusCode());
        assertEquals(2, json(get(admin, "/api/admin/stats")).get("endsByReason").get("revoked-by-admin").asLong());
    }

    // ---- CSRF -----------------------------------------------------------------------------------------------

    @Test
    void stateChangingCallsWithoutSameOriginProofAreRefused() throws Exception {
        Browser alice = signedIn("alice", "user");
        String own = base.toString();

        assertEquals(403, delete(alice, "/api/sessions?scope=others").statusCode(), "no proof at all");
        assertEquals(403, delete(alice, "/api/sessions?scope=others", "Origin", "http://evil.example").statusCode());
        assertEquals(403, delete(alice, "/api/sessions?scope=others", "Sec-Fetch-Site", "cross-site").statusCode());
        assertEquals(403, delete(alice, "/api/sessions?scope=others", "Sec-Fetch-Site", "same-site").statusCode());
        HttpResponse<String> refused = delete(alice, "/api/sessions?scope=others", "Origin", "null");
        assertEquals(403, refused.statusCode());
        assertEquals(403, json(refused).get("status").asInt());

        assertEquals(200, delete(alice, "/api/sessions?scope=others", "Origin", own).statusCode());
        assertEquals(200, delete(alice, "/api/sessions?scope=others", "Sec-Fetch-Site", "same-origin").statusCode());
        assertEquals(200, delete(alice, "/api/sessions?scope=others", PROOF).statusCode());
    }

    // ---- after the end, and odd paths -------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/api/sessions/current", "/api/sessions", "/api/sessions/count", "/api/sessions/history",
            "/api/sessions/analytics", "/api/admin/sessions", "/api/admin/stats"})
    void everyEndpointAnswers401OnceTheSessionHasEnded(String path) throws Exception {
        Browser admin = signedIn("root", "sessionkit-admin");
        String id = json(get(admin, "/api/sessions/current")).get("id").asText();
        sessionkit.service().end(new SessionId(id), dev.sessionkit.session.EndReason.REVOKED_BY_ADMIN);

        HttpResponse<String> response = get(admin, path);

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void theOpenApiDocumentIsServed() throws Exception {
        HttpResponse<String> response = get(signedIn("alice", "user"), "/api/openapi.json");
        assertEquals(200, response.statusCode());
        assertTrue(json(response).get("paths").has("/sessions/{id}"));
    }

    @Test
    void unknownApiPathsGive404ProblemJson() throws Exception {
        HttpResponse<String> response = get(signedIn("alice", "user"), "/api/nothing/here");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }
}
