package dev.sessionkit.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.servlet.testing.Browser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every answer of the REST API, of the filter and of {@code SessionLogin} says {@code Cache-Control: no-store}, so
 * no browser or shared cache keeps a page of someone's sessions (or a Set-Cookie) for the next person at the
 * machine. Over real HTTP: Jersey on Jetty 12 behind the filter, with the test app's login servlets.
 */
class NoStoreIT {

    private static final String[] JSON = {"Accept", "application/json"};
    private static final String[] SCRIPT = {"Accept", "application/json", "X-Requested-With", "test"};

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
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/sessions", "/api/sessions/current", "/api/sessions/count",
            "/api/sessions/history", "/api/sessions/analytics", "/api/admin/sessions", "/api/admin/sessions?user=bob",
            "/api/admin/stats", "/api/openapi.json", "/api/no-such-resource", "/api/sessions/history?page=-1"})
    void everyReadOfTheApiIsNoStore(String path) {
        Browser admin = new Browser(base);
        admin.login("alice", "sessionkit-admin");

        assertNoStore(admin.get(path, JSON), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/sessions", "/api/sessions/current", "/api/admin/stats"})
    void theFiltersRefusalsAreNoStore(String path) {
        assertNoStore(new Browser(base).get(path, JSON), "no cookie: " + path);
        Browser stale = new Browser(base);
        stale.cookies().put("__Host-sid", "x".repeat(43));
        assertNoStore(stale.get(path, JSON), "stale cookie: " + path);
        assertNoStore(new Browser(base).get(path, "Accept", "text/html"), "browser without a cookie: " + path);
    }

    @Test
    void everyWriteOfTheApiIsNoStore() {
        Browser bob = new Browser(base);
        String current = bob.login("bob", "user");
        Browser other = new Browser(base);
        String otherId = other.login("bob", "user");
        Browser admin = new Browser(base);
        admin.login("alice", "sessionkit-admin");

        assertNoStore(delete(bob, "/api/sessions/" + otherId, SCRIPT), "end one of mine");
        assertNoStore(delete(bob, "/api/sessions/AAAAAAAAAAAAAAAAAAAAAA", SCRIPT), "unknown id");
        assertNoStore(delete(bob, "/api/sessions/" + current, JSON), "refused by the CSRF guard");
        assertNoStore(delete(bob, "/api/admin/users/alice/sessions", SCRIPT), "not an admin");
        assertNoStore(delete(bob, "/api/sessions?scope=others", SCRIPT), "scope=others");
        assertNoStore(delete(admin, "/api/admin/users/bob/sessions", SCRIPT), "admin ends a user");
        assertNoStore(delete(admin, "/api/sessions?scope=all", SCRIPT), "scope=all");
    }

    @Test
    void signInSignOutRotateAndEndOthersAreNoStore() {
        Browser bob = new Browser(base);
        assertNoStore(bob.post("/login", Map.of("username", "bob", "roles", "user")), "login");
        assertNoStore(bob.post("/app/rotate", Map.of()), "rotate");
        assertNoStore(bob.post("/app/end-others", Map.of()), "end others");
        assertNoStore(bob.post("/logout", Map.of()), "logout with a session");
        assertNoStore(new Browser(base).post("/logout", Map.of()), "logout without one");
    }

    private HttpResponse<String> delete(Browser browser, String path, String... headers) {
        return browser.send(HttpRequest.newBuilder(base.resolve(path)).DELETE(), headers);
    }

    private static void assertNoStore(HttpResponse<String> response, String what) {
        assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"),
                what + " (" + response.statusCode() + ")");
    }
}
