package dev.sessionkit.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.security.EventSearch;
import dev.sessionkit.security.EventType;
import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.testing.MutableClock;
import dev.sessionkit.testing.PostgresServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Keep me signed in" over real HTTP on PostgreSQL (Jersey on Jetty 12 behind the filter): the remember cookie
 * restores a session once the session cookie is gone, is replaced on every use, survives a browser's parallel
 * requests, and a copy used after the grace window forgets the device for thief and owner alike.
 */
@ExtendWith(PostgresServer.Resolver.class)
class RememberMeApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SID = "__Host-sid";
    private static final String REMEMBER = "__Host-remember";

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

    private Browser remembered(String user) {
        Browser browser = new Browser(base);
        HttpResponse<String> login = browser.post("/login", Map.of("username", user, "roles", "user",
                "remember", "on"));
        assertEquals(200, login.statusCode(), login.body());
        String set = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(REMEMBER + "="))
                .findFirst().orElseThrow();
        assertTrue(set.contains("HttpOnly") && set.contains("Secure") && set.contains("SameSite")
                && set.contains("Max-Age=" + Duration.ofDays(30).toSeconds()), set);
        return browser;
    }

    /** The browser after its session cookie is gone (closed, expired): only the remember cookie is left. */
    private static Browser onlyRemembering(URI base, String rememberValue) {
        Browser browser = new Browser(base);
        browser.cookies().put(REMEMBER, rememberValue);
        return browser;
    }

    private static HttpResponse<String> current(Browser browser) {
        return browser.get("/api/sessions/current", "Accept", "application/json");
    }

    @Test
    void rememberCookieWhenTheSessionIsGoneThenANewSessionAndTheCookieReplacedOnEveryUse() throws Exception {
        Browser laptop = remembered("alice");
        String first = laptop.cookies().get(REMEMBER);
        clock.advance(Duration.ofDays(3)); // the session is long expired

        laptop.cookies().remove(SID);
        HttpResponse<String> back = current(laptop);
        String second = laptop.cookies().get(REMEMBER);
        laptop.cookies().remove(SID);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, current(laptop).statusCode());
        String third = laptop.cookies().get(REMEMBER);

        assertEquals(200, back.statusCode(), back.body());
        assertEquals("remember-me", JSON.readTree(back.body()).get("authMethod").asText());
        assertNotNull(laptop.cookies().get(SID), "a new session cookie");
        assertNotEquals(first, second, "rotated on use");
        assertNotEquals(second, third, "and again");
        assertEquals(first.substring(0, 22), third.substring(0, 22), "the same device");
        assertEquals(1, sessionkit.rememberMe().devicesOf("alice").size());
    }

    @Test
    void parallelRequestsWithTheSameCookieThenAllGetInAndOneDeviceRemains() throws Exception {
        Browser laptop = remembered("alice");
        String cookie = laptop.cookies().get(REMEMBER);
        clock.advance(Duration.ofDays(1));

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                requests.add(() -> current(onlyRemembering(base, cookie)).statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(requests)) {
                assertEquals(200, status.get(), "a page's parallel requests all get in");
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(1, sessionkit.rememberMe().devicesOf("alice").size(), "one live series, not six");
        assertEquals(0, sessionkit.security().queries().search(new EventSearch(Optional.of("alice"),
                Optional.of(EventType.AUTHN_TOKEN_REUSE)), PageRequest.first(5)).total(), "no false alarm");
    }

    @Test
    void aCopiedCookieUsedAfterTheGraceWindowThenTheDeviceIsForgottenForThiefAndOwner() throws Exception {
        Browser owner = remembered("alice");
        String stolen = owner.cookies().get(REMEMBER);
        clock.advance(Duration.ofDays(1));
        owner.cookies().remove(SID);
        assertEquals(200, current(owner).statusCode(), "the owner comes back first; the cookie rotates");
        clock.advance(Duration.ofSeconds(6));

        HttpResponse<String> thief = current(onlyRemembering(base, stolen));

        assertEquals(401, thief.statusCode());
        assertTrue(thief.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(REMEMBER + "=;")),
                "the thief's browser is told to drop it");
        assertEquals(401, current(owner).statusCode(), "the session the device started has ended");
        owner.cookies().remove(SID);
        assertEquals(401, current(owner).statusCode(), "and the owner's newer cookie no longer works");
        assertEquals(1, sessionkit.security().queries().search(new EventSearch(Optional.of("alice"),
                Optional.of(EventType.AUTHN_TOKEN_REUSE)), PageRequest.first(5)).total());
    }

    @Test
    void signingOutOneRememberedDeviceThenTheOthersStillComeBack() throws Exception {
        Browser laptop = remembered("alice");
        Browser phone = remembered("alice");
        String phoneCookie = phone.cookies().get(REMEMBER);
        String laptopCookie = laptop.cookies().get(REMEMBER);

        assertEquals(204, laptop.post("/logout", Map.of()).statusCode());
        clock.advance(Duration.ofDays(2));

        assertEquals(401, current(onlyRemembering(base, laptopCookie)).statusCode(), "that device is forgotten");
        assertEquals(200, current(onlyRemembering(base, phoneCookie)).statusCode(), "the other is not");
        assertEquals(1, sessionkit.rememberMe().devicesOf("alice").size());
    }

    @Test
    void signingOutOthersWhenRecentThenEveryOtherRememberedDeviceIsForgottenToo() throws Exception {
        Browser laptop = remembered("alice");
        Browser phone = remembered("alice");
        String phoneCookie = phone.cookies().get(REMEMBER);

        HttpResponse<String> others = laptop.send(java.net.http.HttpRequest.newBuilder(
                base.resolve("/api/sessions?scope=others")).DELETE(), "X-Requested-With", "test",
                "Accept", "application/json");
        clock.advance(Duration.ofDays(2));

        assertEquals(200, others.statusCode(), others.body());
        assertEquals(401, current(onlyRemembering(base, phoneCookie)).statusCode(),
                "or the phone's cookie would sign it straight back in");
        laptop.cookies().remove(SID);
        assertEquals(200, current(laptop).statusCode(), "this device stays remembered");
    }

    @Test
    void adminSignsEveryoneOutThenRememberedDevicesAreForgottenTooButTheAdminsOwn() throws Exception {
        Browser admin = new Browser(base);
        assertEquals(200, admin.post("/login", Map.of("username", "root", "roles", "sessionkit-admin",
                "remember", "on")).statusCode());
        String alices = remembered("alice").cookies().get(REMEMBER);
        String bobs = remembered("bob").cookies().get(REMEMBER);

        HttpResponse<String> everyone = admin.send(java.net.http.HttpRequest.newBuilder(
                base.resolve("/api/admin/sessions?scope=all")).DELETE(), "X-Requested-With", "test",
                "Accept", "application/json");
        clock.advance(Duration.ofDays(2));

        assertEquals(200, everyone.statusCode(), everyone.body());
        assertEquals(401, current(onlyRemembering(base, alices)).statusCode());
        assertEquals(401, current(onlyRemembering(base, bobs)).statusCode());
        admin.cookies().remove(SID);
        assertEquals(200, current(admin).statusCode(), "the administrator's own device stays remembered");
    }
}
