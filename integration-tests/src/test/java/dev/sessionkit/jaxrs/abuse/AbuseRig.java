package dev.sessionkit.jaxrs.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.servlet.WebSettingsBuilder;
import dev.sessionkit.servlet.WebSettings;
import dev.sessionkit.jaxrs.ApiServer;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.config.SessionkitSettingsBuilder;
import dev.sessionkit.service.SessionListener;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.testing.MutableClock;
import dev.sessionkit.testing.PostgresServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.server.Server;

/**
 * One deployment under attack: Jetty 12 on 127.0.0.1 with the Sessionkit filter, the REST API at {@code /api}
 * and the test app's login servlets, over a fresh database on the real PostgreSQL server, with a clock the tests
 * move by hand. Every request goes through the shared {@link AbuseLedger}; the database is read directly to check
 * what really changed.
 */
final class AbuseRig implements AutoCloseable {

    static final String SID = "__Host-sid";
    static final String BID = "__Host-bid";
    /** Logging in as this user makes a listener fail, which Sessionkit logs: proof that the capture works. */
    static final String LOG_PROBE_USER = "log-probe";

    final MutableClock clock = MutableClock.atT0();
    final AbuseLedger ledger;
    final Sessionkit sessionkit;
    final URI base;
    private final ApiServer server = new ApiServer();
    private final String jdbcUrl;

    private AbuseRig(PostgresServer postgres, AbuseLedger ledger, UnaryOperator<SessionkitSettingsBuilder> tune,
            UnaryOperator<WebSettingsBuilder> tuneWeb) throws Exception {
        this.ledger = ledger;
        this.jdbcUrl = postgres.newDatabase();
        SessionkitSettingsBuilder settings = SessionkitSettings.builder().jdbcUrl(jdbcUrl).jdbcUser("postgres")
                .schema(SchemaMode.CREATE);
        WebSettingsBuilder web = WebSettings.builder().excludePaths(List.of("/login", "/public/*"));
        this.sessionkit = Sessionkit.builder(tune.apply(settings).build()).clock(clock)
                .listener(new FailingForLogProbe()).build();
        this.base = server.start(sessionkit, tuneWeb.apply(web).build(), connector -> {
            // A thousand simultaneous connects would overflow the JDK's default backlog of 50: the storm would then
            // measure TCP's SYN retransmission back-off (seconds) instead of Sessionkit.
            connector.setAcceptQueueSize(1024);
            // Logins of one user are serialised on its lock row: the last of a thousand may wait longer than Jetty's
            // default 30 s idle timeout on a loaded machine, and must be answered rather than dropped.
            connector.setIdleTimeout(120_000);
        });
    }

    static AbuseRig start(PostgresServer postgres, AbuseLedger ledger, UnaryOperator<SessionkitSettingsBuilder> tune)
            throws Exception {
        return start(postgres, ledger, tune, UnaryOperator.identity());
    }

    static AbuseRig start(PostgresServer postgres, AbuseLedger ledger, UnaryOperator<SessionkitSettingsBuilder> tune,
            UnaryOperator<WebSettingsBuilder> tuneWeb) throws Exception {
        return new AbuseRig(postgres, ledger, tune, tuneWeb);
    }

    /** A signed-in browser as the suite knows it: whose, which session, and the secret token. */
    record Login(String user, String id, String token) {
        String cookie() {
            return SID + "=" + token;
        }
    }

    Reply send(Req req) {
        return ledger.send(base, req);
    }

    Reply hostile(Req req) {
        return ledger.hostile(base, req);
    }

    Reply hostile(Req req, java.util.function.Predicate<Reply> accepted) {
        return ledger.hostile(base, req, accepted);
    }

    static String form(String user, String roles) {
        return "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&roles="
                + URLEncoder.encode(roles, StandardCharsets.UTF_8);
    }

    /** Signs in through the test app's login servlet. */
    Login login(String user, String roles) {
        return login(user, Req.post("/login", form(user, roles)));
    }

    /** Signs in with a login request the caller prepared (extra headers, another local address). */
    Login login(String user, Req loginRequest) {
        Reply reply = send(loginRequest);
        assertEquals(200, reply.status(), () -> "login of " + user + ": " + reply);
        return new Login(user, reply.body(), reply.setCookie(SID).orElseThrow());
    }

    /** GET with a session cookie; must answer 200. */
    Reply okGet(Login login, String path) {
        Reply reply = send(Req.get(path).cookie(login.cookie()));
        assertEquals(200, reply.status(), () -> path + " for " + login.user() + ": " + reply);
        return reply;
    }

    // ---- the database, read directly ----------------------------------------------------------------------

    Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    /** {@code active}, {@code ended:<reason>}, or {@code missing}. */
    String state(String sessionId) {
        List<String> row = row("SELECT status, end_reason FROM sessionkit_session WHERE id = ?", sessionId);
        if (row.isEmpty()) {
            return "missing";
        }
        return "active".equals(row.get(0)) ? "active" : "ended:" + row.get(1);
    }

    String column(String sessionId, String column) {
        List<String> row = row("SELECT " + column + " FROM sessionkit_session WHERE id = ?", sessionId);
        return row.isEmpty() ? null : row.get(0);
    }

    /** Ids of every active session in the database, sorted. */
    Set<String> activeIds() {
        return new TreeSet<>(list("SELECT id FROM sessionkit_session WHERE status = 'active'"));
    }

    long activeCount(String user) {
        return Long.parseLong(row("SELECT count(*) FROM sessionkit_session WHERE user_id = ? AND status = 'active'",
                user).get(0));
    }

    long count(String sql) {
        return Long.parseLong(list(sql).get(0));
    }

    /** Every token and browser-id hash the store holds: what must never show up anywhere. */
    List<String> storedHashes() {
        List<String> hashes = new ArrayList<>(list("SELECT token_hash FROM sessionkit_session"));
        hashes.addAll(list("SELECT browser_id_hash FROM sessionkit_session WHERE browser_id_hash IS NOT NULL"));
        return hashes;
    }

    private List<String> row(String sql, String parameter) {
        try (Connection c = db(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                List<String> row = new ArrayList<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getString(i));
                    }
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private List<String> list(String sql) {
        try (Connection c = db(); PreparedStatement statement = c.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    // ---- the end of a test class --------------------------------------------------------------------------

    /**
     * Makes Sessionkit log two lines the capture must see: a failing listener's WARNING and the cleanup's DEBUG
     * line. Moves the clock past the idle timeout, so call it last.
     *
     * @return text each of the two lines contains
     */
    List<String> provokeLogLines() {
        Login probe = login(LOG_PROBE_USER, "user");
        clock.advance(sessionkit.settings().idleTimeout().plus(Duration.ofMinutes(1)));
        sessionkit.cleanup().run();
        assertTrue(state(probe.id()).startsWith("ended:expired-idle"), "the cleanup ended the probe's session");
        return List.of("failed on created(" + probe.id() + ")", "Session cleanup ended");
    }

    /**
     * Ends a test class: provokes the expected log lines, stops capturing, proves the capture saw Sessionkit's
     * and Jetty's lines, scans everything for secrets, stops the servers, prints the ledger and asserts it clean.
     */
    static void finish(AbuseLedger ledger, LogCapture logs, AbuseRig... rigs) throws Exception {
        List<String> expected = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        try {
            for (AbuseRig rig : rigs) {
                expected.addAll(rig.provokeLogLines());
                hashes.addAll(rig.storedHashes());
            }
        } finally {
            for (AbuseRig rig : rigs) {
                rig.close();
            }
            logs.close();
        }
        List<String> lines = logs.lines();
        for (String text : expected) {
            assertTrue(lines.stream().anyMatch(line -> line.contains(text)), "the log capture missed: " + text);
        }
        assertTrue(lines.stream().anyMatch(line -> line.contains("org.eclipse.jetty.server.Server")),
                "the console capture saw no Jetty line");
        AbuseLedger.Findings findings = ledger.finish(lines, hashes);
        String someToken = findings.scanner().tokens().iterator().next();
        assertEquals(1, findings.scanner().find("x" + someToken + "y").size(), "the scanner finds a planted token");
        System.out.println(ledger.report());
        ledger.assertClean();
    }

    @Override
    public void close() throws Exception {
        server.close();
        sessionkit.close();
    }

    /** Fails on purpose for {@link #LOG_PROBE_USER}, so that Sessionkit logs a warning with a stack trace. */
    private static final class FailingForLogProbe implements SessionListener {
        @Override
        public void created(SessionRecord session, boolean newDevice) {
            if (LOG_PROBE_USER.equals(session.userId())) {
                throw new IllegalStateException("deliberate listener failure to prove the log capture");
            }
        }
    }
}
