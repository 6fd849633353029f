package dev.sessionkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.device.DeviceDetector;
import dev.sessionkit.maintenance.CleanupReport;
import dev.sessionkit.service.IssuedSession;
import dev.sessionkit.service.ValidationResult;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.testing.MutableClock;
import dev.sessionkit.testing.PostgresServer;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The failure the soak test (session-jaxrs SoakIT) found, replayed step by step: a request accepted shortly before a session's idle
 * deadline must keep the session alive through cleanup on any node, although each node writes activity in
 * batches about once a second. Two Sessionkits (nodes) share one PostgreSQL database and one controllable clock;
 * the steps take milliseconds, well inside one batch period, so a write that waits for its batch has not landed
 * when cleanup runs.
 */
@ExtendWith(PostgresServer.Resolver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityNearIdleDeadlineIT {

    private static final Duration IDLE = Duration.ofSeconds(8);
    private static final Duration TOUCH = Duration.ofSeconds(1);

    private final MutableClock clock = MutableClock.atT0();
    private Sessionkit a;
    private Sessionkit b;

    @BeforeAll
    void startNodes(PostgresServer postgres) {
        String url = postgres.newDatabase();
        a = node(url, SchemaMode.CREATE, "a");
        b = node(url, SchemaMode.VALIDATE, "b");
    }

    @AfterAll
    void stopNodes() {
        try {
            a.close();
        } finally {
            b.close();
        }
    }

    @ParameterizedTest(name = "cleanup on node {0}")
    @ValueSource(strings = {"a", "b"})
    void aRequestJustBeforeTheIdleDeadlineKeepsTheSessionThroughCleanup(String cleaningNode) {
        IssuedSession issued = signIn();
        String token = issued.token().reveal();

        // Half a second before the idle deadline (last access + idle-timeout + touch-interval): still valid.
        clock.advance(IDLE.plus(TOUCH).minusMillis(500));
        assertInstanceOf(ValidationResult.Valid.class, a.service().validate(token));

        // Past the deadline the login set, but only half a second after the request that moved it.
        clock.advance(TOUCH);
        CleanupReport report = ("a".equals(cleaningNode) ? a : b).cleanup().runOnce();

        assertTrue(report.ran());
        assertEquals(Optional.empty(), stored(issued).ending(), "cleanup ended a session used 500 ms ago"
                + " (idle-timeout " + IDLE.toMillis() + " ms)");
        assertInstanceOf(ValidationResult.Valid.class, b.service().validate(token));
    }

    @Test
    void aSessionLastUsedLongBeforeItsDeadlineStillEndsOnTime() {
        IssuedSession issued = signIn();
        clock.advance(TOUCH);
        assertInstanceOf(ValidationResult.Valid.class, a.service().validate(issued.token().reveal()));
        a.flushActivity();

        clock.advance(IDLE.plus(TOUCH));
        assertTrue(b.cleanup().runOnce().ran());

        assertEquals(EndReason.EXPIRED_IDLE, stored(issued).ending().orElseThrow().reason());
    }

    private IssuedSession signIn() {
        String user = "user-" + UUID.randomUUID();
        return a.service().login(new SessionPrincipal(user, user, Set.of()), ClientInfo.unknown());
    }

    private SessionRecord stored(IssuedSession issued) {
        return b.queries().find(issued.session().id()).orElseThrow();
    }

    private Sessionkit node(String url, SchemaMode schema, String name) {
        return Sessionkit.builder(SessionkitSettings.builder().jdbcUrl(url).jdbcUser("postgres").schema(schema)
                        // A short cleanup interval keeps the cleanup lease short (twice the interval), so that
                        // either node can take it after the clock steps of any earlier test.
                        .idleTimeout(IDLE).touchInterval(TOUCH).cleanupInterval(Duration.ofSeconds(1)).build())
                .clock(clock).devices(DeviceDetector.none()).nodeId("node-" + name).build();
    }
}
