package dev.sessionkit.cli;

import static dev.sessionkit.testing.MutableClock.T0;
import static dev.sessionkit.testing.Sessions.aSession;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.jpa.JpaSessionStore;
import dev.sessionkit.store.jpa.JpaSessionStores;
import dev.sessionkit.store.jpa.SchemaScripts;
import dev.sessionkit.testing.MutableClock;
import dev.sessionkit.testing.Sessions;
import dev.sessionkit.token.SessionToken;
import dev.sessionkit.token.TokenHash;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * What every command test on a database needs, for one kind of database: tables created from the shipped script,
 * a store to seed and inspect sessions through a second path, a test clock, and a run that fails the test if a
 * token ever appears in the output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContract {

    static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/sessions?connectTimeout=2";
    private static final SecureRandom RANDOM = new SecureRandom();

    protected MutableClock clock;
    protected JpaSessionStore store;
    private String url;
    private final List<String> tokens = new ArrayList<>();

    /** {@return the JDBC URL of a new, empty database} */
    protected abstract String newDatabase();

    protected abstract String user();

    /** {@return the schema script name: h2 or postgresql} */
    protected abstract String database();

    @BeforeEach
    void resetDatabaseAndClock() throws SQLException {
        if (url == null) {
            url = newDatabase();
            createTables(url);
            store = JpaSessionStores.open(url, user(), "", SchemaMode.VALIDATE);
        }
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM sessionkit_session");
            s.executeUpdate("DELETE FROM sessionkit_lease");
        }
        clock = MutableClock.atT0();
        tokens.clear();
    }

    @AfterAll
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    /** Runs sessionkit with the connection in SESSIONKIT_* variables, as an operator's shell would have it. */
    Cli.Result run(String... args) {
        return check(cli().run(args));
    }

    Cli cli() {
        return new Cli(clock).env("SESSIONKIT_JDBC_URL", url).env("SESSIONKIT_JDBC_USER", user());
    }

    /** Fails when any token this test created shows in the output. */
    Cli.Result check(Cli.Result result) {
        for (String token : tokens) {
            assertFalse(result.all().contains(token), () -> "a token was printed:\n" + result);
        }
        return result;
    }

    String url() {
        return url;
    }

    /** Stores a session from the builder, created at its own creation time, and remembers its token. */
    SessionRecord seed(Sessions builder) {
        tokens.add(builder.token().reveal());
        return seed(builder.build());
    }

    SessionRecord seed(SessionRecord session) {
        store.create(session, SessionLimit.unlimited(), session.createdAt());
        return session;
    }

    String tokenOf(Sessions builder) {
        return builder.token().reveal();
    }

    /** A token no session has, remembered so that the test fails if it is printed. */
    String unknownToken() {
        String token = SessionToken.parse(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32)))
                .orElseThrow().reveal();
        tokens.add(token);
        return token;
    }

    /** A session like the builder's but with this id and token, e.g. ones that start with '-'. */
    SessionRecord withIdAndToken(SessionRecord s, SessionId id, String token) {
        tokens.add(token);
        return new SessionRecord(id, SessionToken.parse(token).orElseThrow().hash(), s.principal(), s.createdAt(),
                s.lastAccessedAt(), s.idleExpiresAt(), s.absoluteExpiresAt(), s.ending(), s.ipAddress(),
                s.userAgent(), s.device(), s.location(), Optional.<TokenHash>empty());
    }

    /** {@return a random base64url string of this length that starts with the prefix} */
    static String startingWith(String prefix, int length) {
        String random = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(length));
        return prefix + random.substring(0, length - prefix.length());
    }

    void end(SessionRecord session, EndReason reason, Instant at) {
        assertTrue(store.end(session.id(), reason, at).isPresent());
    }

    SessionRecord stored(SessionRecord session) {
        return store.findById(session.id()).orElseThrow();
    }

    static Sessions createdAt(Instant at) {
        return aSession().createdAt(at);
    }

    static Instant at(Duration afterT0) {
        return T0.plus(afterT0);
    }

    /** Creates the tables of a new database by running the shipped create script over plain JDBC. */
    void createTables(String database) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(SchemaScripts.forDatabase(database()).orElseThrow().createScript());
        }
    }

    void sql(String database, String statement) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(database, user(), "");
    }

    static void assertOneLine(Cli.Result result) {
        assertAll(() -> assertTrue(result.err().endsWith("\n") && result.err().indexOf('\n') == result.err().length() - 1,
                result::toString), () -> assertFalse(result.err().contains("\tat "), result::toString));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
