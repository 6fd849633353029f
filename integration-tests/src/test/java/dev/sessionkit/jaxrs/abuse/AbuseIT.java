package dev.sessionkit.jaxrs.abuse;

import static dev.sessionkit.jaxrs.abuse.AbuseRig.BID;
import static dev.sessionkit.jaxrs.abuse.AbuseRig.SID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.IpRange;
import dev.sessionkit.jaxrs.abuse.AbuseRig.Login;
import dev.sessionkit.testing.PostgresServer;
import dev.sessionkit.token.TokenHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The abuse suite over real HTTP: Jetty 12, the Sessionkit filter, the REST API and the test app's login servlets
 * on PostgreSQL. Tables of hostile inputs are sent to every endpoint they concern: malformed, duplicate,
 * non-ASCII and oversize cookies; tokens outside the cookie; hostile ids, paging values and user agents; dead
 * tokens of every kind; other users' ids; requests without same-origin proof; forged {@code X-Forwarded-For}.
 * Everywhere: never a 5xx, never a bad credential served, never a token or token hash in a response, a header or
 * a log line. The {@link AbuseLedger} counts it all and is asserted clean when the class ends; each test also
 * checks in the database that nothing changed that must not have.
 */
@ExtendWith(PostgresServer.Resolver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbuseIT {

    private static final String ADMIN = "user,sessionkit-admin";
    private static final Set<Integer> NOT_SERVED_BY_JETTY = Set.of(400, 413, 414, 431, Reply.NO_ANSWER);

    private final AbuseLedger ledger = new AbuseLedger("AbuseIT", List.of(SID, BID));
    private LogCapture logs;
    private AbuseRig rig;

    @BeforeAll
    void start(PostgresServer postgres) throws Exception {
        logs = LogCapture.install();
        // 127.0.0.1 plays the trusted reverse proxy; clients that connect from 127.0.0.2 are direct ones.
        rig = AbuseRig.start(postgres, ledger, settings -> settings.absoluteTimeout(Duration.ofHours(2)),
                web -> web.trustedProxies(List.of(IpRange.parse("127.0.0.1/32"))));
    }

    @AfterAll
    void finish() throws Exception {
        if (rig != null) {
            AbuseRig.finish(ledger, logs, rig);
        } else if (logs != null) {
            logs.close();
        }
    }

    // ---- the endpoints ------------------------------------------------------------------------------------

    /**
     * One endpoint that needs a session. State-changing ones carry the same-origin proof, so that only the
     * credential decides whether they are served.
     */
    record Endpoint(String method, String path, String query) {
        Req req() {
            return with("", "");
        }

        /** The request with a path parameter appended to the path and extra query parameters. */
        Req with(String pathSuffix, String extraQuery) {
            String q = Stream.of(query, extraQuery).filter(s -> !s.isEmpty()).collect(Collectors.joining("&"));
            String target = path + pathSuffix + (q.isEmpty() ? "" : "?" + q);
            return switch (method) {
                case "GET" -> Req.get(target);
                case "POST" -> Req.post(target, "").proof();
                default -> Req.method(method, target).proof();
            };
        }

        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : "?" + query);
        }
    }

    /**
     * Every endpoint behind the filter: all API reads, the app, and every state-changing call, aimed at the given
     * session id and user so that a wrongly accepted request would do damage the test can see.
     */
    private static List<Endpoint> everyEndpoint(String sessionId, String userId) {
        return List.of(
                new Endpoint("GET", "/api/sessions/current", ""),
                new Endpoint("GET", "/api/sessions", ""),
                new Endpoint("GET", "/api/sessions/count", ""),
                new Endpoint("GET", "/api/sessions/history", ""),
                new Endpoint("GET", "/api/sessions/analytics", ""),
                new Endpoint("GET", "/api/admin/sessions", ""),
                new Endpoint("GET", "/api/admin/stats", ""),
                new Endpoint("GET", "/app/x", ""),
                new Endpoint("DELETE", "/api/sessions/" + sessionId, ""),
                new Endpoint("DELETE", "/api/sessions", "scope=others"),
                new Endpoint("DELETE", "/api/sessions", "scope=all"),
                new Endpoint("DELETE", "/api/admin/users/" + userId + "/sessions", ""),
                new Endpoint("POST", "/logout", ""),
                new Endpoint("POST", "/app/rotate", ""),
                new Endpoint("POST", "/app/end-others", ""));
    }

    /** Asserts that none of these sessions changed, counting each change as a false accept. */
    private void assertStillActive(String why, Login... logins) {
        for (Login login : logins) {
            String state = rig.state(login.id());
            if (!"active".equals(state)) {
                ledger.falseAccept(why + ": session of " + login.user() + " is now " + state);
            }
            assertEquals("active", state, why + ": " + login.user());
        }
    }

    private static String pct(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            out.append(String.format(Locale.ROOT, "%%%02X", b & 0xff));
        }
        return out.toString();
    }

    private static String flipLast(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    // ---- cookies ------------------------------------------------------------------------------------------

    @Test
    void malformedDuplicateAndNonAsciiSessionCookiesAreRefusedOnEveryEndpoint() {
        Login victim = rig.login("cookie-victim", ADMIN);
        Login spare = rig.login("cookie-victim", ADMIN);
        String t = victim.token();
        String hash = TokenHash.ofSecret(t).hex();

        Map<String, List<String>> ascii = new LinkedHashMap<>();
        ascii.put("garbage", List.of(SID + "=garbage"));
        ascii.put("empty value", List.of(SID + "="));
        ascii.put("no equals sign", List.of(SID));
        ascii.put("42 characters", List.of(SID + "=" + t.substring(1)));
        ascii.put("44 characters", List.of(SID + "=" + t + "A"));
        ascii.put("last character changed", List.of(SID + "=" + flipLast(t)));
        ascii.put("case swapped", List.of(SID + "=" + swapCase(t)));
        ascii.put("quoted", List.of(SID + "=\"" + t + "\""));
        ascii.put("first character percent-encoded", List.of(SID + "=" + pct(t.substring(0, 1)) + t.substring(1)));
        ascii.put("padded like base64", List.of(SID + "=" + t + "="));
        ascii.put("value starts with '='", List.of(SID + "==" + t));
        ascii.put("nameless", List.of("=" + t));
        ascii.put("comma-joined with another cookie", List.of(SID + "=" + t + ", other=1"));
        ascii.put("valid, then garbage", List.of(SID + "=" + t + "; " + SID + "=" + "A".repeat(43)));
        ascii.put("garbage, then valid", List.of(SID + "=" + "A".repeat(43) + "; " + SID + "=" + t));
        ascii.put("the valid token twice", List.of(SID + "=" + t + "; " + SID + "=" + t));
        ascii.put("valid, then empty", List.of(SID + "=" + t + "; " + SID + "="));
        ascii.put("two Cookie lines, valid first", List.of(SID + "=" + t, SID + "=garbage"));
        ascii.put("two Cookie lines, valid second", List.of(SID + "=" + "B".repeat(43), SID + "=" + t));
        ascii.put("two Cookie lines, same token", List.of(SID + "=" + t, SID + "=" + t));
        ascii.put("name without prefix", List.of("sid=" + t));
        ascii.put("__Secure- prefix", List.of("__Secure-sid=" + t));
        ascii.put("prefix lower-cased", List.of("__host-sid=" + t));
        ascii.put("name upper-cased", List.of("__Host-SID=" + t));
        ascii.put("longer name", List.of(SID + "2=" + t));
        ascii.put("name with a prefix", List.of("x" + SID + "=" + t));
        ascii.put("the browser id as the session", List.of(SID + "=" + "C".repeat(43) + "; " + BID + "=" + t));
        ascii.put("the token's hash", List.of(SID + "=" + hash));
        ascii.put("the hash cut to token length", List.of(SID + "=" + hash.substring(0, 43)));
        ascii.put("well-formed but unknown", List.of(SID + "=" + "A".repeat(43)));
        ascii.put("SQL", List.of(SID + "=' OR '1'='1"));
        ascii.put("SQL after the token", List.of(SID + "=" + t + "' OR '1'='1"));
        ascii.put("path traversal", List.of(SID + "=../../../../etc/passwd"));
        ascii.put("JSON", List.of(SID + "={\"token\":\"" + t + "\"}"));
        ascii.put("semicolons only", List.of(";;;;"));
        ascii.put("escaped NUL", List.of(SID + "=" + t + "\\0"));

        Map<String, Req> nonAscii = new LinkedHashMap<>();
        Map<String, String> utf8 = new LinkedHashMap<>();
        utf8.put("one letter accented", t.substring(0, 42) + "é");
        utf8.put("full-width token", t.chars().mapToObj(c -> Character.isLetterOrDigit(c)
                ? String.valueOf((char) (c + 0xFEE0)) : String.valueOf((char) c)).collect(Collectors.joining()));
        utf8.put("right-to-left override first", "\u202e" + t);
        utf8.put("zero-width space last", t + "\u200b");
        utf8.put("emoji", "\uD83D\uDCA9".repeat(10));
        utf8.put("Cyrillic look-alike", t.replace('a', 'а').replace('e', 'е').replace('o', 'о') + "\u0430");
        // Raw single bytes; Jetty itself refuses control bytes in a header (400), the rest reaches the filter.
        Map<String, String> latin1 = new LinkedHashMap<>();
        latin1.put("Latin-1 bytes", "t\u00f6k\u00e9n" + t.substring(6));
        latin1.put("bytes FF FE", "\u00ff\u00fe" + t.substring(2));
        latin1.put("TAB inside", t.substring(0, 20) + "\t" + t.substring(20));
        Map<String, String> controls = new LinkedHashMap<>();
        controls.put("NUL byte", t + "\u0000");
        controls.put("DEL byte", t.substring(0, 42) + "\u007f");
        controls.put("other control byte", "\u0001" + t);

        int requests = 0;
        for (Endpoint endpoint : everyEndpoint(spare.id(), "cookie-victim")) {
            for (Map.Entry<String, List<String>> cookie : ascii.entrySet()) {
                Req req = endpoint.req().label(endpoint + " with cookie: " + cookie.getKey());
                cookie.getValue().forEach(req::cookie);
                Reply reply = rig.hostile(req);
                assertEquals(401, reply.status(), () -> req.label() + " -> " + reply);
                requests++;
            }
            for (Map.Entry<String, String> value : utf8.entrySet()) {
                Req req = endpoint.req().label(endpoint + " with cookie: " + value.getKey()).cookie(SID + "="
                        + value.getValue());
                Reply reply = rig.hostile(req);
                assertEquals(401, reply.status(), () -> req.label() + " -> " + reply);
                requests++;
            }
            for (Map<String, String> table : List.of(latin1, controls)) {
                for (Map.Entry<String, String> value : table.entrySet()) {
                    Req req = endpoint.req().label(endpoint + " with cookie: " + value.getKey()).latin1()
                            .cookie(SID + "=" + value.getValue());
                    Reply reply = rig.hostile(req);
                    assertEquals(table == latin1 ? 401 : 400, reply.status(), () -> req.label() + " -> " + reply);
                    requests++;
                }
            }
        }

        assertTrue(requests > 500, "the table was sent: " + requests);
        assertStillActive("refused cookies", victim, spare);
        rig.okGet(victim, "/api/sessions/current");
    }

    private static String swapCase(String text) {
        return text.chars().mapToObj(c -> String.valueOf((char) (Character.isUpperCase(c)
                ? Character.toLowerCase(c) : Character.toUpperCase(c)))).collect(Collectors.joining());
    }

    @Test
    void oversizeCookieHeadersAreRefusedByTheServerAndNeverServed() {
        Login victim = rig.login("oversize-victim", ADMIN);
        Login spare = rig.login("oversize-victim", ADMIN);
        String valid = victim.cookie();
        List<Endpoint> endpoints = List.of(new Endpoint("GET", "/api/sessions/current", ""),
                new Endpoint("GET", "/app/x", ""), new Endpoint("DELETE", "/api/sessions", "scope=others"),
                new Endpoint("DELETE", "/api/sessions/" + spare.id(), ""), new Endpoint("POST", "/logout", ""));

        for (int kilobytes : List.of(8, 16, 64, 256)) {
            int size = kilobytes * 1024;
            Map<String, Function<Req, Req>> shapes = new LinkedHashMap<>();
            shapes.put("one huge session cookie", r -> r.cookie(SID + "=" + "a".repeat(size)));
            shapes.put("valid token behind a huge cookie", r -> r.cookie("junk=" + "a".repeat(size) + "; " + valid));
            shapes.put("valid token before a huge cookie", r -> r.cookie(valid + "; junk=" + "a".repeat(size)));
            shapes.put("thousands of small cookies, then the valid token", r -> r.cookie(manyCookies(size) + valid));
            shapes.put("two Cookie lines of half the size", r -> r.cookie("a=" + "a".repeat(size / 2))
                    .cookie("b=" + "b".repeat(size / 2) + "; " + valid));
            shapes.put("valid cookie and a huge other header", r -> r.cookie(valid).header("X-Filler",
                    "f".repeat(size)));
            for (Endpoint endpoint : endpoints) {
                for (Map.Entry<String, Function<Req, Req>> shape : shapes.entrySet()) {
                    Req req = shape.getValue().apply(endpoint.req()
                            .label(endpoint + ", " + kilobytes + " KB: " + shape.getKey()));
                    Reply reply = rig.hostile(req);
                    assertTrue(NOT_SERVED_BY_JETTY.contains(reply.status()), () -> req.label() + " -> " + reply);
                }
            }
        }
        // Just under the limit the filter itself answers: an unknown cookie is a plain 401.
        for (Endpoint endpoint : endpoints) {
            Req req = endpoint.req().label(endpoint + ", 7 KB unknown cookie").cookie(SID + "=" + "a".repeat(7000));
            assertEquals(401, rig.hostile(req).status(), req.label());
        }

        assertStillActive("oversize requests", victim, spare);
        rig.okGet(victim, "/api/sessions/current");
    }

    private static String manyCookies(int size) {
        StringBuilder cookies = new StringBuilder();
        for (int i = 0; cookies.length() < size; i++) {
            cookies.append('c').append(i).append("=v; ");
        }
        return cookies.toString();
    }

    @Test
    void aTokenAnywhereButTheCookieIsIgnored() {
        Login victim = rig.login("carrier-victim", ADMIN);
        Login spare = rig.login("carrier-victim", ADMIN);
        String t = victim.token();
        String basic = Base64.getEncoder().encodeToString((t + ":").getBytes(StandardCharsets.US_ASCII));

        List<String> queries = List.of("sid=" + t, SID + "=" + t, "token=" + t, "access_token=" + t,
                "session=" + t, "jsessionid=" + t);
        List<String> pathParameters = List.of(";" + SID + "=" + t, ";jsessionid=" + t, ";sid=" + t);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + t);
        headers.put("Authorization ", t);
        headers.put("Authorization  ", "Basic " + basic);
        headers.put("X-Session", t);
        headers.put("X-Session-Token", t);
        headers.put("X-Auth-Token", t);
        headers.put("X-Sid", t);
        headers.put("Session", t);
        headers.put("Cookie2", SID + "=" + t);
        headers.put("Set-Cookie", SID + "=" + t);

        for (Endpoint endpoint : everyEndpoint(spare.id(), "carrier-victim")) {
            List<Req> probes = new ArrayList<>();
            queries.forEach(q -> probes.add(endpoint.with("", q).label(endpoint + " with ?" + q.split("=")[0])));
            pathParameters.forEach(p -> probes.add(endpoint.with(p, "").label(endpoint + " with " + p.split("=")[0])));
            headers.forEach((name, value) -> probes.add(endpoint.req().header(name.strip(), value)
                    .label(endpoint + " with the token in header " + name.strip())));
            if (endpoint.method().equals("POST")) {
                Req form = Req.post(endpoint.path(), SID + "=" + t + "&sid=" + t).proof();
                probes.add(form.label(endpoint + " with the token in the form body"));
            }
            for (Req probe : probes) {
                Reply reply = rig.hostile(probe);
                assertEquals(401, reply.status(), () -> probe.label() + " -> " + reply);
            }
        }

        assertStillActive("tokens outside the cookie", victim, spare);
        rig.okGet(victim, "/api/sessions/current");
    }

    // ---- hostile values in ids, paging and the user agent ----------------------------------------------------

    /** Path segments as sent on the wire: traversal, SQL, script, Unicode, bad encodings, wildcards, huge. */
    private static final List<String> HOSTILE_SEGMENTS = List.of(
            "..", "%2e%2e", "..%2f..%2fadmin%2fstats", "%2e%2e%2f%2e%2e%2fadmin%2fstats", "..%5c..%5cadmin",
            "....%2f%2f....%2f%2fetc%2fpasswd", "..;", "..;%2fadmin", "%252e%252e%252f", "%c0%ae%c0%ae%c0%af",
            "..%00", "%00", "AAAAAAAAAAAAAAAAAAAAA%00", "%27%20OR%20%271%27%3D%271",
            "1%3B%20DROP%20TABLE%20sessionkit_session%3B--", "%27%29%3B%20DELETE%20FROM%20sessionkit_session%3B--",
            "%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%24%7Bjndi%3Aldap%3A%2F%2F127.0.0.1%2Fx%7D",
            "%EF%BC%A1".repeat(22), "%F0%9F%92%A9", "%E2%80%AE" + "A".repeat(21), "A".repeat(21) + "%C3%A9",
            "%C3%A9".repeat(22), "%ff%fe", "%zz", "%", "*", "%2A", "%25", "_", "%5F", "%25".repeat(22), "%20",
            "%09", "%0d%0aX-Injected:%201", "{id}", "null", "undefined", "-1", "0", "A".repeat(5000),
            "\u00c4\u00d6\u00dc", "\u65e5\u672c");

    @Test
    void hostileIdsInPathsAndQueriesAreAnsweredAs4xxAndChangeNothing() {
        Login owner = rig.login("ids-owner", "user");
        Login spare = rig.login("ids-owner", "user");
        Login admin = rig.login("ids-admin", ADMIN);
        Login victim = rig.login("ids-victim", "user");
        Set<String> before = rig.activeIds();
        Set<Integer> refusals = Set.of(400, 403, 404, 405, 414);

        for (String segment : HOSTILE_SEGMENTS) {
            // Jetty refuses the ambiguous or badly encoded ones, the API every other malformed id: all 400.
            Req end = Req.delete("/api/sessions/" + segment).proof().cookie(owner.cookie());
            Reply ended = rig.hostile(end);
            assertEquals(400, ended.status(), () -> end.label() + " -> " + ended);
            Req read = Req.get("/api/sessions/" + segment).cookie(owner.cookie());
            Reply got = rig.hostile(read);
            assertTrue(refusals.contains(got.status()), () -> read.label() + " -> " + got);

            Req endUser = Req.delete("/api/admin/users/" + segment + "/sessions").proof().cookie(admin.cookie());
            Reply endedUser = rig.hostile(endUser, r -> r.passed() && r.json().path("ended").asLong(-1) != 0);
            assertTrue(refusals.contains(endedUser.status()) || endedUser.status() == 200,
                    () -> endUser.label() + " -> " + endedUser);

            Req search = Req.get("/api/admin/sessions?user=" + segment).cookie(admin.cookie());
            Reply found = rig.hostile(search, r -> r.passed() && r.json().path("total").asLong(-1) != 0);
            assertTrue(found.status() == 200 || found.status() == 400, () -> search.label() + " -> " + found);
        }

        // PostgreSQL cannot compare text with NUL: such a filter is the client's mistake (400), not an outage (503).
        for (String nul : List.of("%00", "ids-victim%00", "%00ids-victim")) {
            Req search = Req.get("/api/admin/sessions?user=" + nul).cookie(admin.cookie());
            Reply reply = rig.hostile(search);
            assertEquals(400, reply.status(), () -> search.label() + " -> " + reply);
            assertEquals("application/problem+json", reply.contentType());
        }

        assertEquals(before, rig.activeIds(), "no session ended");
        assertStillActive("hostile ids", owner, spare, admin, victim);
    }

    @Test
    void hostilePagingScopeAndStatusValuesGet400AndChangeNothing() {
        Login owner = rig.login("paging-owner", ADMIN);
        Login other = rig.login("paging-owner", ADMIN);
        Set<String> before = rig.activeIds();
        List<String> numbers = List.of("-1", "+1", "1.0", "1e3", "0x10", "9999999999", "2147483648", "-2147483648",
                "%201", "1%20", "%EF%BC%91", "%D9%A1", "%E2%81%B0", "%27%20OR%201%3D1--", "1%3BDROP%20TABLE%20x",
                "..%2F..%2F", "%00", "1%00", "NaN", "Infinity", "null", "true", "%5B%5D", "%7B%7D", "1,2",
                "0%0d%0aX:1", "A".repeat(3000));
        List<String> statuses = List.of("ACTIVE", "Active", "active%00", "active%20", "%20active",
                "ended%27%20OR%20%271%27%3D%271", "%2A", "all", "active,ended", "%E2%80%AEactive");
        List<String> scopes = List.of("OTHERS", "All", "others%00", "others%20", "%20all", "all%2Cothers",
                "others%26scope%3Dall", "*", "%2A", "%EF%BD%81ll", "null", "1");

        for (String value : numbers) {
            for (String target : List.of("/api/sessions/history?page=", "/api/sessions/history?size=",
                    "/api/admin/sessions?page=", "/api/admin/sessions?size=")) {
                Req req = Req.get(target + value).cookie(owner.cookie());
                Reply reply = rig.hostile(req);
                assertEquals(400, reply.status(), () -> req.label() + " -> " + reply);
                assertEquals("application/problem+json", reply.contentType(), req.label());
            }
        }
        for (String value : statuses) {
            Req req = Req.get("/api/admin/sessions?status=" + value).cookie(owner.cookie());
            Reply reply = rig.hostile(req);
            assertEquals(400, reply.status(), () -> req.label() + " -> " + reply);
        }
        for (String value : scopes) {
            Req req = Req.delete("/api/sessions?scope=" + value).proof().cookie(owner.cookie());
            Reply reply = rig.hostile(req);
            assertEquals(400, reply.status(), () -> req.label() + " -> " + reply);
        }

        assertEquals(before, rig.activeIds(), "no session ended");
        assertStillActive("hostile paging", owner, other);
    }

    @Test
    void hostileUserAgentsAreStoredAsPlainDataAndNeverBreakAnAnswer() throws Exception {
        long rowsBefore = rig.count("SELECT count(*) FROM sessionkit_session");
        Map<String, String> agents = new LinkedHashMap<>();
        agents.put("path traversal", "../../../../etc/passwd");
        agents.put("Windows traversal", "..\\..\\..\\windows\\win.ini");
        agents.put("SQL tautology", "' OR '1'='1");
        agents.put("SQL drop", "'); DROP TABLE sessionkit_session;--");
        agents.put("SQL delete", "\"; DELETE FROM sessionkit_session; --");
        agents.put("script", "<script>alert(1)</script>");
        agents.put("JSON breaker", "\",\"user\":\"admin\",\"current\":true,\"x\":\"");
        agents.put("escaped newline", "Mozilla/5.0\\nFAKE LOG LINE admin logged in");
        agents.put("JNDI lookup", "${jndi:ldap://127.0.0.1/a}");
        agents.put("format string", "%s%s%s%n%n{0}{1}");
        agents.put("Unicode", "Mozilla/5.0 (\u00dcn\u00efc\u00f6d\u00e9; \u65e5\u672c\u8a9e) \uD83D\uDE80");
        agents.put("right-to-left override", "\u202eMozilla/5.0 (gnp.exe)");
        agents.put("zero-width characters", "Mozilla\u200b/5.0\u200d\ufeff");
        agents.put("combining marks", "e\u0301".repeat(300));
        agents.put("full-width", "\uff2d\uff4f\uff5a\uff49\uff4c\uff4c\uff41/5.0");
        agents.put("lone surrogate", "Mozilla/5.0 \ud800");
        agents.put("600 characters", "Mozilla/5.0 (" + "x".repeat(600) + ")");
        agents.put("regex stress", "Mozilla/5.0 " + "(".repeat(3000) + "Android" + " ".repeat(2000));
        agents.put("4 KB of versions", "Chrome/" + "1.".repeat(2000) + "1");
        agents.put("empty", "");
        agents.put("blanks", "     ");
        // Sent as raw single bytes; Jetty refuses control bytes (400) and oversize headers (431) itself.
        Map<String, String> rawBytes = new LinkedHashMap<>();
        rawBytes.put("NUL byte", "Mozilla/5.0\u0000admin");
        rawBytes.put("control bytes", "Mozilla/5.0\u0001\u0002\u001b[31m");
        rawBytes.put("DEL byte", "Mozilla/5.0\u007f");

        for (Map.Entry<String, String> agent : agents.entrySet()) {
            assertNotNull(loginWithAgent(agent.getKey(), agent.getValue(), false), agent.getKey());
        }
        assertNotNull(loginWithAgent("Latin-1 bytes", "Mozilla/5.0 (\u00e9\u00e8\u00ff)", true));
        for (Map.Entry<String, String> agent : rawBytes.entrySet()) {
            Req login = Req.post("/login", AbuseRig.form("ua-user", "user")).latin1()
                    .header("User-Agent", agent.getValue()).label("login with user agent: " + agent.getKey());
            assertEquals(400, rig.hostile(login, Reply::passed).status(), login.label());
        }
        Req huge = Req.post("/login", AbuseRig.form("ua-user", "user")).header("User-Agent", "y".repeat(9000));
        assertEquals(431, rig.hostile(huge.label("login with a 9 KB user agent"), Reply::passed).status());

        assertTrue(rig.count("SELECT count(*) FROM sessionkit_session") >= rowsBefore + agents.size(),
                "the session table is intact and holds the new sessions");
    }

    /** Logs in with a user agent, then uses the session with it; returns the user agent as stored. */
    private String loginWithAgent(String name, String agent, boolean raw) throws Exception {
        Req login = Req.post("/login", AbuseRig.form("ua-user", "user")).header("User-Agent", agent)
                .label("login with user agent: " + name);
        if (raw) {
            login.latin1();
        }
        // A user agent is data, not a credential: the login must succeed and store it harmlessly.
        Reply reply = rig.hostile(login, r -> false);
        assertEquals(200, reply.status(), () -> login.label() + " -> " + reply);
        String id = reply.body();
        String cookie = SID + "=" + reply.setCookie(SID).orElseThrow();
        Req current = Req.get("/api/sessions/current").header("User-Agent", agent).cookie(cookie)
                .label("current with user agent: " + name);
        if (raw) {
            current.latin1();
        }
        Reply session = rig.hostile(current, r -> false);
        assertEquals(200, session.status(), () -> current.label() + " -> " + session);
        assertEquals(id, session.json().get("id").asText(), "the JSON answer is intact: " + session.body());
        assertEquals("ua-user", session.json().get("user").asText());
        String storedAgent = rig.column(id, "user_agent");
        assertTrue(storedAgent.length() <= 512, name);
        boolean plainAscii = agent.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (plainAscii) {
            String sent = agent.strip();
            assertEquals(sent.substring(0, Math.min(512, sent.length())), storedAgent,
                    "stored as sent (cut to 512): " + name);
        }
        Req stale = Req.get("/api/sessions").header("User-Agent", agent).cookie(SID + "=" + "A".repeat(43))
                .label("unknown token with user agent: " + name);
        if (raw) {
            stale.latin1();
        }
        assertEquals(401, rig.hostile(stale).status(), stale.label());
        return storedAgent;
    }

    // ---- replay -------------------------------------------------------------------------------------------

    @Test
    void everyKindOfDeadTokenIsRefusedEverywhereAndStaysDead() {
        Map<String, Dead> dead = new LinkedHashMap<>();

        Login loggedOut = rig.login("replay-logout", ADMIN);
        assertEquals(204, rig.send(Req.post("/logout", "").cookie(loggedOut.cookie())).status());
        dead.put("logged out", new Dead(loggedOut, "ended:logout", null));

        Login byId = rig.login("replay-by-id", ADMIN);
        Login byIdKiller = rig.login("replay-by-id", ADMIN);
        assertEquals(204, rig.send(Req.delete("/api/sessions/" + byId.id()).proof().cookie(byIdKiller.cookie()))
                .status());
        dead.put("ended by id from another device", new Dead(byId, "ended:revoked-by-user", byIdKiller));

        Login others = rig.login("replay-others", ADMIN);
        Login othersKiller = rig.login("replay-others", ADMIN);
        assertEquals(200, rig.send(Req.delete("/api/sessions?scope=others").proof().cookie(othersKiller.cookie()))
                .status());
        dead.put("ended by 'sign out others'", new Dead(others, "ended:revoked-by-user", othersKiller));

        Login all = rig.login("replay-all", ADMIN);
        assertEquals(200, rig.send(Req.delete("/api/sessions?scope=all").proof().cookie(all.cookie())).status());
        dead.put("ended by 'sign out everywhere'", new Dead(all, "ended:revoked-by-user", null));

        Login revoked = rig.login("replay-admin", ADMIN);
        Login admin = rig.login("replay-the-admin", ADMIN);
        assertEquals(200, rig.send(Req.delete("/api/admin/users/replay-admin/sessions").proof()
                .cookie(admin.cookie())).status());
        dead.put("revoked by an admin", new Dead(revoked, "ended:revoked-by-admin", admin));

        Login passwordChanged = rig.login("replay-password", ADMIN);
        Login changer = rig.login("replay-password", ADMIN);
        Reply changed = rig.send(Req.post("/app/end-others", "").cookie(changer.cookie()));
        assertEquals("1", changed.body());
        String changerToken = changed.setCookie(SID).orElseThrow();
        Login changerNow = new Login("replay-password", idOf(changerToken), changerToken);
        dead.put("ended by a password change", new Dead(passwordChanged, "ended:password-changed", changerNow));
        dead.put("rotated away by a password change", new Dead(changer, "ended:rotated", changerNow));

        Login rotated = rig.login("replay-rotate", ADMIN);
        Reply rotation = rig.send(Req.post("/app/rotate", "").cookie(rotated.cookie()));
        Login successor = new Login("replay-rotate", rotation.body(), rotation.setCookie(SID).orElseThrow());
        dead.put("rotated", new Dead(rotated, "ended:rotated", successor));

        Login replaced = rig.login("replay-relogin", ADMIN);
        Reply relogin = rig.send(Req.post("/login", AbuseRig.form("replay-relogin", ADMIN)).cookie(replaced.cookie()));
        Login newer = new Login("replay-relogin", relogin.body(), relogin.setCookie(SID).orElseThrow());
        dead.put("replaced by a new login", new Dead(replaced, "ended:logout", newer));

        replayAll(dead);

        // Idle expiry: 31 minutes without a request.
        Login idle = rig.login("replay-idle", ADMIN);
        rig.clock.advance(Duration.ofMinutes(31));
        Map<String, Dead> idleDead = Map.of("idle-expired", new Dead(idle, "ended:expired-idle", null));
        replayAll(idleDead);

        // Absolute expiry: used every 25 minutes, still ends 2 hours after login.
        Login busy = rig.login("replay-absolute", ADMIN);
        for (int i = 0; i < 4; i++) {
            rig.clock.advance(Duration.ofMinutes(25));
            rig.okGet(busy, "/api/sessions/current");
        }
        rig.clock.advance(Duration.ofMinutes(21));
        replayAll(Map.of("absolute-expired", new Dead(busy, "ended:expired-absolute", null)));
    }

    /**
     * A dead session to replay: its login, the state it must keep, and a live session of the same user (or the
     * admin who ended it) that a replay must not harm, when there is one.
     */
    record Dead(Login login, String state, Login survivor) {
    }

    private String idOf(String token) {
        Reply current = rig.send(Req.get("/api/sessions/current").cookie(SID + "=" + token));
        assertEquals(200, current.status());
        return current.json().get("id").asText();
    }

    private void replayAll(Map<String, Dead> dead) {
        for (Map.Entry<String, Dead> entry : dead.entrySet()) {
            Dead d = entry.getValue();
            String target = d.survivor() == null ? "A".repeat(22) : d.survivor().id();
            for (Endpoint endpoint : everyEndpoint(target, d.survivor() == null ? d.login().user()
                    : d.survivor().user())) {
                Req req = endpoint.req().cookie(d.login().cookie()).label(endpoint + " replaying " + entry.getKey());
                Reply reply = rig.hostile(req);
                assertEquals(401, reply.status(), () -> req.label() + " -> " + reply);
            }
            assertEquals(d.state(), rig.state(d.login().id()), entry.getKey() + " stays dead with its reason");
            if (d.survivor() != null) {
                assertStillActive("replaying " + entry.getKey(), d.survivor());
                rig.okGet(d.survivor(), "/api/sessions/current");
            }
        }
    }

    // ---- IDOR ---------------------------------------------------------------------------------------------

    @Test
    void bobCannotReadOrEndAlicesSessionsByIdAndLearnsNothingFromTrying() {
        Login alice = rig.login("idor-alice", "user");
        Login alicesPhone = rig.login("idor-alice", "user");
        Login alicesOld = rig.login("idor-alice", "user");
        assertEquals(204, rig.send(Req.post("/logout", "").cookie(alicesOld.cookie())).status());
        Login bob = rig.login("idor-bob", "user");
        String unknown = "Q".repeat(22);

        Reply unknownDelete = rig.hostile(Req.delete("/api/sessions/" + unknown).proof().cookie(bob.cookie()));
        Reply unknownGet = rig.hostile(Req.get("/api/sessions/" + unknown).cookie(bob.cookie()));
        assertEquals(404, unknownDelete.status());
        for (Login target : List.of(alice, alicesPhone, alicesOld)) {
            for (String form : List.of(target.id(), pct(target.id()))) {
                Reply delete = rig.hostile(Req.delete("/api/sessions/" + form).proof().cookie(bob.cookie())
                        .label("bob ends alice's session " + form));
                assertEquals(unknownDelete.status(), delete.status(), "same answer as an unknown id");
                assertEquals(unknownDelete.body(), delete.body(), "same answer as an unknown id");
                Reply get = rig.hostile(Req.get("/api/sessions/" + form).cookie(bob.cookie())
                        .label("bob reads alice's session " + form));
                assertEquals(unknownGet.status(), get.status(), "same answer as an unknown id");
                assertEquals(unknownGet.body(), get.body(), "same answer as an unknown id");
            }
            for (String variant : List.of(target.id() + "/", target.id() + ";x=1", target.id() + "?scope=all",
                    target.id() + "%00", target.id().toLowerCase(Locale.ROOT), "./" + target.id(),
                    "x/../" + target.id())) {
                Req req = Req.delete("/api/sessions/" + variant).proof().cookie(bob.cookie())
                        .label("bob ends alice's session as " + variant);
                Reply reply = rig.hostile(req);
                assertTrue(reply.status() >= 400 && reply.status() < 500, () -> req.label() + " -> " + reply);
            }
        }

        Set<String> alicesIds = Set.of(alice.id(), alicesPhone.id(), alicesOld.id());
        Predicate<Reply> showsAlice = r -> r.passed() && (r.body().contains("idor-alice")
                || alicesIds.stream().anyMatch(r.body()::contains));
        for (String target : List.of("/api/sessions?user=idor-alice&userId=idor-alice",
                "/api/sessions/count?user=idor-alice&userId=idor-alice",
                "/api/sessions/history?user=idor-alice&userId=idor-alice",
                "/api/sessions/analytics?user=idor-alice&userId=idor-alice",
                "/api/sessions/current?id=" + alice.id(), "/api/sessions/history?id=" + alicesOld.id())) {
            Req req = Req.get(target).cookie(bob.cookie());
            Reply reply = rig.hostile(req, showsAlice);
            assertEquals(200, reply.status(), req.label());
            assertFalse(reply.body().contains("idor-alice"), () -> req.label() + " -> " + reply);
        }
        for (Req req : List.of(Req.delete("/api/admin/users/idor-alice/sessions").proof(),
                Req.get("/api/admin/sessions?user=idor-alice"), Req.get("/api/admin/stats"))) {
            Reply reply = rig.hostile(req.cookie(bob.cookie()).label("bob as admin: " + req.label()));
            assertEquals(403, reply.status(), req.label());
        }
        Reply others = rig.hostile(Req.delete("/api/sessions?scope=others&user=idor-alice&userId=idor-alice")
                .proof().cookie(bob.cookie()), r -> r.passed() && r.json().get("ended").asLong() != 0);
        assertEquals(0, others.json().get("ended").asLong());

        assertStillActive("bob's attempts", alice, alicesPhone, bob);
        assertEquals("ended:logout", rig.state(alicesOld.id()));
        Reply list = rig.okGet(alice, "/api/sessions");
        assertEquals(2, list.json().size(), "alice still sees her two devices");
        Reply bobsHistory = rig.okGet(bob, "/api/sessions/history");
        assertEquals(0, bobsHistory.json().get("total").asLong(), "bob's history holds none of alice's sessions");
    }

    // ---- CSRF ---------------------------------------------------------------------------------------------

    @Test
    void stateChangingCallsWithoutSameOriginProofAreRefusedAndChangeNothing() {
        Login current = rig.login("csrf-alice", ADMIN);
        Login phone = rig.login("csrf-alice", ADMIN);
        Login tablet = rig.login("csrf-alice", ADMIN);
        Login target = rig.login("csrf-target", "user");
        String own = rig.base.toString();
        List<Endpoint> endpoints = List.of(new Endpoint("DELETE", "/api/sessions/" + phone.id(), ""),
                new Endpoint("DELETE", "/api/sessions", "scope=others"),
                new Endpoint("DELETE", "/api/sessions", "scope=all"),
                new Endpoint("DELETE", "/api/admin/users/csrf-target/sessions", ""));
        List<String[]> forgeries = List.of(
                new String[] {},
                new String[] {"Origin", "http://evil.example"},
                new String[] {"Origin", "null"},
                new String[] {"Origin", own + ".evil.example"},
                new String[] {"Origin", own + "@evil.example"},
                new String[] {"Origin", "http://127.0.0.1"},
                new String[] {"Origin", own.replace("http:", "https:")},
                new String[] {"Origin", own.replace("127.0.0.1", "localhost")},
                new String[] {"Origin", own + "/"},
                new String[] {"Origin", own + " http://evil.example"},
                new String[] {"Sec-Fetch-Site", "cross-site"},
                new String[] {"Sec-Fetch-Site", "same-site"},
                new String[] {"Sec-Fetch-Site", "none"},
                new String[] {"Sec-Fetch-Site", ""},
                new String[] {"Sec-Fetch-Site", "same-origin, cross-site"},
                new String[] {"Sec-Fetch-Site", "cross-site", "Origin", own},
                new String[] {"Origin", own, "Sec-Fetch-Site", "same-site"},
                new String[] {"Referer", own + "/app/"},
                new String[] {"X-Requested-By", "x"},
                new String[] {"X-Requested-Width", "x"},
                new String[] {"Content-Type", "text/plain"});

        for (Endpoint endpoint : endpoints) {
            String target0 = endpoint.path() + (endpoint.query().isEmpty() ? "" : "?" + endpoint.query());
            for (String[] headers : forgeries) {
                Req req = Req.method(endpoint.method(), target0).cookie(current.cookie())
                        .label(endpoint + " forged with " + String.join(": ", headers));
                for (int i = 0; i < headers.length; i += 2) {
                    req.header(headers[i], headers[i + 1]);
                }
                Reply reply = rig.hostile(req);
                assertEquals(403, reply.status(), () -> req.label() + " -> " + reply);
                assertEquals("application/problem+json", reply.contentType(), req.label());
            }
        }
        // Method overrides and safe methods must not smuggle a state change past the check.
        for (Req req : List.of(
                Req.post("/api/sessions?scope=all", "").header("X-HTTP-Method-Override", "DELETE"),
                Req.post("/api/sessions/" + phone.id(), "_method=DELETE"),
                Req.post("/api/sessions?scope=others&_method=DELETE", ""),
                Req.method("PUT", "/api/sessions?scope=all"),
                Req.method("PATCH", "/api/sessions?scope=others"),
                Req.method("GET", "/api/sessions?scope=all").header("X-HTTP-Method-Override", "DELETE"),
                Req.method("HEAD", "/api/sessions?scope=all"),
                Req.method("OPTIONS", "/api/sessions?scope=all"),
                Req.method("OPTIONS", "/api/admin/users/csrf-target/sessions"))) {
            Reply reply = rig.hostile(req.cookie(current.cookie()), r -> false);
            assertTrue(reply.status() < 500, req.label());
        }

        assertStillActive("forged requests", current, phone, tablet, target);

        // The same calls with the proof do change things: the checks above could have failed.
        assertEquals(1, rig.send(Req.delete("/api/admin/users/csrf-target/sessions").proof()
                .cookie(current.cookie())).json().get("ended").asLong());
        assertEquals(204, rig.send(Req.delete("/api/sessions/" + phone.id()).header("Origin", own)
                .cookie(current.cookie())).status());
        assertEquals(1, rig.send(Req.delete("/api/sessions?scope=others").header("Sec-Fetch-Site", "same-origin")
                .cookie(current.cookie())).json().get("ended").asLong());
        assertEquals(1, rig.send(Req.delete("/api/sessions?scope=all").proof().cookie(current.cookie()))
                .json().get("ended").asLong());
        assertEquals(0, rig.activeCount("csrf-alice") + rig.activeCount("csrf-target"));
    }

    // ---- X-Forwarded-For ------------------------------------------------------------------------------------

    @Test
    void forwardedForIsBelievedOnlyFromTheTrustedProxyAndOnlyAsFarAsItVouches() {
        String direct = "127.0.0.2";
        String proxy = "127.0.0.1";
        List<String[]> rows = new ArrayList<>();
        // {connect from, expected address, header, value, header, value...}
        rows.add(new String[] {direct, direct, "X-Forwarded-For", "203.0.113.7"});
        rows.add(new String[] {direct, direct, "X-Forwarded-For", "127.0.0.1"});
        rows.add(new String[] {direct, direct, "X-Forwarded-For", "203.0.113.7, 127.0.0.1"});
        rows.add(new String[] {direct, direct, "X-Forwarded-For", "203.0.113.7", "X-Forwarded-For", "127.0.0.1"});
        rows.add(new String[] {direct, direct, "X-Real-IP", "203.0.113.7", "Forwarded", "for=203.0.113.7"});
        rows.add(new String[] {proxy, "203.0.113.7", "X-Forwarded-For", "203.0.113.7"});
        rows.add(new String[] {proxy, "203.0.113.7", "X-Forwarded-For", "198.51.100.1, 203.0.113.7"});
        rows.add(new String[] {proxy, "203.0.113.7", "X-Forwarded-For", "198.51.100.1",
                "X-Forwarded-For", "203.0.113.7"});
        rows.add(new String[] {proxy, "203.0.113.7", "X-Forwarded-For", "203.0.113.7, 127.0.0.1"});
        rows.add(new String[] {proxy, "203.0.113.7", "X-Forwarded-For",
                "10.0.0.1, ".repeat(500) + "203.0.113.7"});
        rows.add(new String[] {proxy, "203.0.113.7", "X-Forwarded-For", "::ffff:203.0.113.7"});
        rows.add(new String[] {proxy, "2001:db8::7", "X-Forwarded-For", "2001:DB8:0:0:0:0:0:7"});
        rows.add(new String[] {proxy, proxy, "X-Real-IP", "203.0.113.7", "Forwarded", "for=203.0.113.7"});
        for (String unbelievable : List.of("garbage", "198.51.100.1, garbage", "' OR 1=1--", "localhost",
                "[::1]", "203.0.113.7:8080", "0x7f.0.0.1", "2130706433", "203.0.113.007", "1.2.3",
                "fe80::1%eth0", "", " , , ", "<script>", "\uff12\uff10\uff13.0.113.7",
                "203.0.113.7, \u0662\u0660\u0663.0.113.8", "${jndi:ldap://127.0.0.1/a}",
                "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255.255")) {
            rows.add(new String[] {proxy, proxy, "X-Forwarded-For", unbelievable});
        }

        for (String[] row : rows) {
            Req login = Req.post("/login", AbuseRig.form("xff-user", "user")).from(row[0]);
            StringBuilder label = new StringBuilder("login from " + row[0]);
            for (int i = 2; i < row.length; i += 2) {
                login.header(row[i], row[i + 1]);
                label.append(", ").append(row[i]).append(": ").append(row[i + 1]);
            }
            Reply reply = rig.hostile(login.label(label.toString()), r -> false);
            assertEquals(200, reply.status(), () -> label + " -> " + reply);
            String recorded = rig.column(reply.body(), "ip_address");
            if (!row[1].equals(recorded)) {
                ledger.falseAccept(label + " recorded " + recorded);
            }
            assertEquals(row[1], recorded, label.toString());
            Reply current = rig.send(Req.get("/api/sessions/current").from(row[0])
                    .cookie(SID + "=" + reply.setCookie(SID).orElseThrow()));
            assertEquals(row[1], current.json().get("ip").asText(), "the API shows what was recorded");
        }
        Req huge = Req.post("/login", AbuseRig.form("xff-user", "user")).header("X-Forwarded-For",
                "203.0.113.7, ".repeat(800));
        assertTrue(NOT_SERVED_BY_JETTY.contains(rig.hostile(huge, r -> r.status() == 200).status()));
        assertNotEquals(0, rig.activeCount("xff-user"));
    }
}
