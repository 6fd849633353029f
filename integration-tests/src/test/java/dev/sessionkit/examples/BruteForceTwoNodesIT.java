package dev.sessionkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.servlet.testing.Browser;
import dev.sessionkit.testing.PostgresServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in attempt limits across a cluster: two demo nodes on one real PostgreSQL database, an attacker spreading
 * guesses over both. The limits hold for the sum, the owner from another address still signs in, and a refused
 * address is let in again once its failures leave the window. Limits and window are small so that the test runs
 * in seconds; the rule is the same for the defaults (30 and 100 in 15 minutes), which SecurityMonitoringDemoIT
 * checks on one node.
 */
@ExtendWith(PostgresServer.Resolver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BruteForceTwoNodesIT {

    private static final int PER_PAIR = 6;
    private static final int PER_ADDRESS = 10;
    private static final int WINDOW_SECONDS = 8;

    private DemoServer nodeA;
    private DemoServer nodeB;
    private URI a;
    private URI b;
    private String jdbcUrl;
    private Path data;

    @BeforeAll
    void startTwoNodes(PostgresServer server) throws Exception {
        jdbcUrl = server.newDatabase();
        data = Files.createTempDirectory("sessionkit-two-nodes");
        nodeA = new DemoServer();
        a = nodeA.start("127.0.0.1", 0, settings("create"));
        nodeB = new DemoServer();
        b = nodeB.start("127.0.0.1", 0, settings("validate"));
    }

    private Map<String, String> settings(String schema) {
        Map<String, String> settings = new HashMap<>();
        settings.put("jdbc-url", jdbcUrl);
        settings.put("jdbc-user", "postgres");
        settings.put("schema", schema);
        // One users file for both nodes, so that both check the same passwords.
        settings.put("sessionkit.demo.data", data.toString());
        settings.put("trusted-proxies", "127.0.0.1");
        settings.put("login-failures-per-account-address", String.valueOf(PER_PAIR));
        settings.put("login-failures-per-address", String.valueOf(PER_ADDRESS));
        settings.put("login-failure-window", "PT" + WINDOW_SECONDS + "S");
        return settings;
    }

    @AfterAll
    void stop() throws Exception {
        nodeB.close();
        nodeA.close();
    }

    private static HttpResponse<String> signIn(URI node, String user, String password, String from) {
        return new Browser(node).post("/login", Map.of("username", user, "password", password),
                "X-Forwarded-For", from);
    }

    private String password(String user) {
        assertEquals(nodeA.users().passwords().get(user), nodeB.users().passwords().get(user), "one users file");
        return nodeA.users().passwords().get(user);
    }

    @Test
    void guessesSpreadOverTwoNodesThenTheLimitHoldsForTheSumAndLiftsAfterTheWindow() throws Exception {
        String attacker = "203.0.113.71";
        for (int i = 1; i <= PER_PAIR; i++) {
            assertEquals(401, signIn(i % 2 == 0 ? a : b, "alice", "guess-" + i, attacker).statusCode(), "guess " + i);
        }

        HttpResponse<String> onA = signIn(a, "alice", "guess-x", attacker);
        HttpResponse<String> onB = signIn(b, "alice", password("alice"), attacker);
        HttpResponse<String> owner = signIn(b, "alice", password("alice"), "198.51.100.71");

        assertEquals(429, onA.statusCode(), "node A counts node B's failures too");
        assertEquals(429, onB.statusCode(), "and node B node A's: not even the right password is checked");
        long retryAfter = Long.parseLong(onB.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= WINDOW_SECONDS, "within the window: " + retryAfter);
        assertEquals(303, owner.statusCode(), "the owner from another address still gets in");

        Thread.sleep((retryAfter + 1) * 1000);
        assertEquals(303, signIn(a, "alice", password("alice"), attacker).statusCode(),
                "nothing is locked forever: after the window the right password works from there too");
    }

    @Test
    void sprayingAcrossAccountsFromOneAddressThenRefusedOnBothNodes() {
        String sprayer = "203.0.113.72";
        for (int i = 1; i <= PER_ADDRESS; i++) {
            String user = i % 3 == 0 ? "bob" : "user" + i;
            assertEquals(401, signIn(i % 2 == 0 ? a : b, user, "Summer2026!", sprayer).statusCode(), "try " + i);
        }

        assertEquals(429, signIn(a, "carol", "Summer2026!", sprayer).statusCode());
        assertEquals(429, signIn(b, "dave", "Summer2026!", sprayer).statusCode());
        assertEquals(303, signIn(a, "bob", password("bob"), "198.51.100.72").statusCode(),
                "an account tried by the sprayer still signs in from elsewhere");
    }

    @Test
    void eventRowsWhenAttacksRecordedThenSharedByBothNodesAndHoldNoSecret() throws SQLException {
        String attacker = "203.0.113.73";
        signIn(a, "bob", "wrong-on-a", attacker);
        signIn(b, "bob", "wrong-on-b", attacker);

        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sessionkit_security_event "
                    + "WHERE event_type = 'authn_login_fail' AND ip_address = '" + attacker + "'")) {
                rs.next();
                assertEquals(2, rs.getInt(1), "one log for both nodes");
            }
            Pattern secret = Pattern.compile("[0-9a-f]{64}|wrong-on-|[A-Za-z0-9_-]{43}");
            try (ResultSet rs = s.executeQuery("SELECT * FROM sessionkit_security_event")) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.append(rs.getString(i)).append('|');
                    }
                    assertFalse(secret.matcher(row).find(), "no token, hash or typed password: " + row);
                }
            }
        }
    }
}
