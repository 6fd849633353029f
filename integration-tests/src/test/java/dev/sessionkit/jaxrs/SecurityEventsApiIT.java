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
import dev.sessionkit.session.ClientInfo;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The security activity API over real HTTP (Jersey on Jetty 12 behind the filter, on H2): my events, "this
 * wasn't me", administrators' listing and figures. Every body is scanned for cookies, tokens and hashes.
 */
class SecurityEventsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PROOF = {"X-Requested-With", "test"};
    private static final Pattern SECRET = Pattern.compile("\\b[0-9a-f]{64}\\b|[A-Za-z0-9_-]{43}");

    private final List<HttpResponse<String>> seen = new ArrayList<>();
    private final List<Browser> browsers = new ArrayList<>();
    private Sessionkit sessionkit;
    private ApiServer server;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        sessionkit = Sessionkit.builder(SessionkitSettings.builder()
                .jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").schema(SchemaMode.CREATE)
                .build()).build();
        server = new ApiServer();
        base = server.start(sessionkit);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        sessionkit.close();
        for (HttpResponse<String> response : seen) {
            assertFalse(SECRET.matcher(response.body()).find(), "a token or hash in: " + response.body());
            for (Browser browser : browsers) {
                browser.cookies().values().forEach(cookie -> assertFalse(response.body().contains(cookie)));
            }
        }
    }

    private Browser signedIn(String user, String roles) {
        Browser browser = new Browser(base);
        browser.login(user, roles);
        browsers.add(browser);
        return browser;
    }

    private HttpResponse<String> get(Browser browser, String path) {
        HttpResponse<String> response = browser.get(path, "Accept", "application/json");
        seen.add(response);
        return response;
    }

    private HttpResponse<String> post(Browser browser, String path, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        all.add("Accept");
        all.add("application/json");
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody()), all.toArray(String[]::new));
        seen.add(response);
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** The caller's sign-in events, newest first. */
    private List<JsonNode> signIns(Browser browser) throws Exception {
        List<JsonNode> signIns = new ArrayList<>();
        for (JsonNode event : json(get(browser, "/api/sessions/events?size=200")).get("items")) {
            if (event.get("type").asText().startsWith("authn_login_success")) {
                signIns.add(event);
            }
        }
        return signIns;
    }

    @Test
    void myEventsWhenSignedInTwiceThenMySignInsNewestFirstPagedAndNotStored() throws Exception {
        Browser first = signedIn("alice", "user");
        Browser second = signedIn("alice", "user");
        signedIn("bob", "user");
        sessionkit.security().defence().failed("alice", Optional.of("alice"), ClientInfo.of("203.0.113.9", "curl"));

        HttpResponse<String> response = get(first, "/api/sessions/events");
        JsonNode page = json(response);
        JsonNode small = json(get(second, "/api/sessions/events?size=1&page=1"));

        assertEquals(200, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        List<String> types = new ArrayList<>();
        page.get("items").forEach(e -> types.add(e.get("type").asText()));
        assertEquals("authn_login_fail", types.get(0), "newest first: " + types);
        assertEquals(2, types.stream().filter(t -> t.startsWith("authn_login_success")).count(), types::toString);
        page.get("items").forEach(e -> assertEquals("alice", e.get("userId").asText(), "only mine"));
        assertEquals(page.get("total").asLong(), small.get("total").asLong());
        assertEquals(1, small.get("items").size());
        assertEquals(page.get("items").get(1).get("id"), small.get("items").get(0).get("id"));
        assertEquals(400, get(first, "/api/sessions/events?size=0").statusCode());
        JsonNode signIn = signIns(second).get(0);
        assertTrue(signIn.get("reportable").asBoolean(), signIn::toString);
        assertEquals(22, signIn.get("sessionId").asText().length());
    }

    @Test
    void reportWhenNotMeThenThatSessionEndsOnceOthersStayAndStrangersGet404() throws Exception {
        Browser mine = signedIn("alice", "user");
        Browser intruder = signedIn("alice", "user");
        Browser bob = signedIn("bob", "user");
        JsonNode intruderSignIn = signIns(mine).get(0);
        String report = "/api/sessions/events/" + intruderSignIn.get("id").asText() + "/report";

        assertEquals(403, post(mine, report).statusCode(), "no same-origin proof");
        assertEquals(404, post(bob, report, PROOF).statusCode(), "someone else's sign-in is unknown to bob");
        assertEquals(200, get(intruder, "/api/sessions/current").statusCode(), "neither call ended anything");
        HttpResponse<String> done = post(mine, report, PROOF);
        HttpResponse<String> again = post(mine, report + "?others=true", PROOF);

        assertEquals(200, done.statusCode(), done.body());
        assertEquals("reported", json(done).get("outcome").asText());
        assertEquals(1, json(done).get("ended").asInt());
        assertEquals("already-reported", json(again).get("outcome").asText());
        assertEquals(0, json(again).get("ended").asInt());
        assertEquals(401, get(intruder, "/api/sessions/current").statusCode());
        assertEquals(200, get(mine, "/api/sessions/current").statusCode());
        assertEquals(200, get(bob, "/api/sessions/current").statusCode());
        List<String> types = new ArrayList<>();
        json(get(mine, "/api/sessions/events")).get("items").forEach(e -> types.add(e.get("type").asText()));
        assertEquals(1, types.stream().filter("user_reported_signin"::equals).count(), types::toString);
        assertEquals(400, post(mine, "/api/sessions/events/not-an-id/report", PROOF).statusCode());
        assertEquals(404, post(mine, "/api/sessions/events/AAAAAAAAAAAAAAAAAAAAAA/report", PROOF).statusCode());
        assertEquals(400, post(mine, report + "?others=maybe", PROOF).statusCode());
        HttpResponse<String> problem = post(bob, report, PROOF);
        assertTrue(problem.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void reportWithOthersThenEveryOtherSessionEndsButTheCaller() throws Exception {
        Browser mine = signedIn("alice", "user");
        Browser other = signedIn("alice", "user");
        Browser intruder = signedIn("alice", "user");
        String id = signIns(mine).get(0).get("id").asText();

        JsonNode done = json(post(mine, "/api/sessions/events/" + id + "/report?others=true", PROOF));

        assertEquals(2, done.get("ended").asInt(), done::toString);
        assertEquals(401, get(intruder, "/api/sessions/current").statusCode());
        assertEquals(401, get(other, "/api/sessions/current").statusCode());
        assertEquals(200, get(mine, "/api/sessions/current").statusCode());
    }

    @Test
    void adminEventsWhenFilteredThenByUserAndTypeAndStatsCountAlertsAndFailures() throws Exception {
        Browser admin = signedIn("root", "sessionkit-admin");
        Browser bob = signedIn("bob", "user");
        signedIn("alice", "user");
        for (int i = 0; i < 3; i++) {
            sessionkit.security().defence().failed("alice", Optional.of("alice"),
                    ClientInfo.of("203.0.113.10", "curl"));
        }
        // A cookie-less second browser of alice's: a new device, an alert.
        signedIn("alice", "user");

        JsonNode failures = json(get(admin, "/api/admin/events?type=authn_login_fail"));
        JsonNode alices = json(get(admin, "/api/admin/events?user=alice&size=200"));
        JsonNode stats = json(get(admin, "/api/admin/stats"));

        assertEquals(3, failures.get("total").asLong());
        failures.get("items").forEach(e -> assertEquals("203.0.113.10", e.get("ip").asText()));
        alices.get("items").forEach(e -> assertEquals("alice", e.get("userId").asText()));
        assertEquals(3, stats.get("failedSignInsLastDay").asLong(), stats::toString);
        assertEquals(24, stats.get("failedSignInsPerHour").size());
        assertEquals(3, stats.get("failedSignInsPerHour").get(23).get("count").asLong());
        assertEquals(24, stats.get("alertsPerHour").size());
        long alerts = 0;
        for (JsonNode bucket : stats.get("alertsPerHour")) {
            alerts += bucket.get("count").asLong();
        }
        assertEquals(stats.get("alertsLastDay").asLong(), alerts);
        assertTrue(alerts >= 1, "alice's second, cookie-less browser is a new device: " + stats);
        assertEquals(400, get(admin, "/api/admin/events?type=no_such_type").statusCode());
        assertEquals(400, get(admin, "/api/admin/events?page=-1").statusCode());
        assertEquals(403, get(bob, "/api/admin/events").statusCode());
        assertEquals(401, get(new Browser(base), "/api/admin/events").statusCode());
        assertEquals(401, get(new Browser(base), "/api/sessions/events").statusCode());
    }
}
